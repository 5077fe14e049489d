import type { ReactiveControllerHost } from 'lit';

/**
 * Focus and hover over a chart's items (bars, tiles): which item is focused, whether the focus came
 * from the keyboard (then a ring is drawn), which item the pointer is over. Items carry `data-index`.
 * Handlers are meant for one listener on the chart's <svg>, not one per item. It needs no lifecycle
 * hooks, so it does not register with the host; it only asks the host to update.
 */
export class ItemFocusController {
  focusIndex: number | undefined;
  focusVisible = false;
  hoverIndex: number | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };
  readonly #selector: string;
  readonly #onFocus?: (index: number) => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    selector: string,
    /** Called when an item receives focus (e.g. to make it the tab stop, or announce it). */
    onFocus?: (index: number) => void,
  ) {
    this.#host = host;
    this.#selector = selector;
    this.#onFocus = onFocus;
  }

  onFocusIn = (e: FocusEvent) => {
    const index = this.itemOf(e);
    if (index === undefined) return;
    this.focusIndex = index;
    this.focusVisible = (e.target as Element).matches(':focus-visible');
    this.#onFocus?.(index);
    this.#host.requestUpdate();
  };

  onFocusOut = () => {
    this.focusIndex = undefined;
    this.focusVisible = false;
    this.#host.requestUpdate();
  };

  onPointerOver = (e: PointerEvent) => {
    const index = this.itemOf(e);
    if (index !== undefined && index !== this.hoverIndex) {
      this.hoverIndex = index;
      this.#host.requestUpdate();
    }
  };

  onPointerLeave = () => {
    this.clearHover();
  };

  clearHover(): void {
    if (this.hoverIndex === undefined) return;
    this.hoverIndex = undefined;
    this.#host.requestUpdate();
  }

  /** The item an event happened on (focus, pointer, clicks). */
  itemOf(e: Event): number | undefined {
    const item = (e.target as Element).closest?.(this.#selector);
    const index = item ? Number(item.getAttribute('data-index')) : NaN;
    return Number.isNaN(index) ? undefined : index;
  }

  /** Move keyboard focus to an item after the next render. */
  async focus(index: number): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<SVGElement>(`${this.#selector}[data-index="${index}"]`)?.focus();
  }

  /** The item whose details the tooltip shows: the hovered one, else the focused one. */
  get tooltipIndex(): number | undefined {
    return this.hoverIndex ?? this.focusIndex;
  }
}

/**
 * The item a list key leads to: next/previous (arrows, either axis), first/last (Home/End), clamped
 * to the list. Undefined for any other key, so the caller can handle it or let it pass.
 */
export function listKeyTarget(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
  return undefined;
}
