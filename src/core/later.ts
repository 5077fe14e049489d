/** One channel for the whole library: a message is a task of its own, without setTimeout's 4 ms clamp. */
const queue: Array<() => void> = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => queue.shift()!();

/** Run `task` in a task of its own, after those already waiting. */
export const later = (task: () => void): void => {
  queue.push(task);
  channel.port2.postMessage(0);
};
