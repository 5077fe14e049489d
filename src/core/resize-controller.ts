import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the host's content width so charts re-lay out on resize (phone 320 px to a 1920 px slide). */
export class ResizeController implements ReactiveController {
  #width = 0;
  /** The width is known: from the observer, or measured when first asked. */
  #measured = false;
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
      // Not asked for yet: nothing drawn depends on it.
      const used = this.#measured;
      this.#measured = true;
      if (used && width === this.#width) return;
      this.#width = width;
      if (!used) return;
      // Re-render in the next frame: rendering inside the observer's callback would resize the host
      // again in the same frame ("ResizeObserver loop completed with undelivered notifications").
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#host.requestUpdate());
    });
    this.#observer.observe(this.#host);
  }

  /**
   * The content width. Asked before the observer has reported (a widget drawn before the next frame), it is
   * measured then: measuring already on connecting would lay out the page in the task that upgrades every
   * widget on it, also for widgets still waiting for their data or their turn (see draw-queue.ts).
   */
  get width(): number {
    if (!this.#measured && this.#host.isConnected) {
      this.#measured = true;
      const style = getComputedStyle(this.#host);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      this.#width = Math.floor(this.#host.clientWidth - padding);
    }
    return this.#width;
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
  }
}
