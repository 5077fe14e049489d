import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the host's content width so charts re-lay out on resize (phone 320 px to a 1920 px slide). */
export class ResizeController implements ReactiveController {
  width = 0;
  #observer?: ResizeObserver;
  #frame = 0;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (width === this.width) return;
      this.width = width;
      // Re-render in the next frame: rendering inside the observer's callback would resize the host
      // again in the same frame ("ResizeObserver loop completed with undelivered notifications").
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
    });
    this.#observer.observe(this.#host);
    // Measure now as well, so the first render already has a width instead of waiting a frame.
    const style = getComputedStyle(this.#host);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    this.width = Math.floor(this.#host.clientWidth - padding) || this.width;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
  }
}
