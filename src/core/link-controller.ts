import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Selection and linking. A widget that selects something fires an event on itself (bubbles, composed)
 * with the widget's `group`. Widgets with the same `group` attribute listen on `document` and show the
 * same selection — plain DOM events, no framework, across separate CMS content blocks. An id of `null`
 * clears the selection.
 *
 * Two kinds of selection, one event each:
 * - `sozialraum-select` (detail { id, name, group }): an area, shared by map and bars;
 * - `sozialraum-time-select` (detail { id, name, group, start, end? }): a date or period — a milestone
 *   in the timeline, a data point in the trend chart. Receivers compare dates, not ids.
 * - `network-select` (detail { id, name, group }): a node of a network graph — an organisation or body.
 *   The same id in two networks means the same organisation, so graphs of one group show it in each.
 */

export interface SelectDetail {
  id: string | null;
  name: string | null;
  group: string | null;
  /** For time selections: the date or period selected, as precise as its source ("2014", "2018-12-31"). */
  start?: string;
  end?: string;
}

export const SELECT_EVENT = 'sozialraum-select';
export const TIME_SELECT_EVENT = 'sozialraum-time-select';
export const NETWORK_SELECT_EVENT = 'network-select';

export class LinkController implements ReactiveController {
  /** The selected id, whether chosen here or in a linked widget. */
  selected: string | null = null;
  /** The full selection (with dates for time selections); null when nothing is selected. */
  detail: SelectDetail | null = null;
  /** True when the selection came from a linked widget rather than from this one. */
  fromLink = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #eventName: string;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    eventName: string = SELECT_EVENT,
  ) {
    this.#host = host;
    this.#eventName = eventName;
    host.addController(this);
  }

  get #group(): string | null {
    return this.#host.getAttribute('group');
  }

  #onSelect = (e: Event) => {
    const { detail } = e as CustomEvent<SelectDetail>;
    const group = this.#group;
    if (e.target === this.#host || !group || detail?.group !== group || detail.id === this.selected) return;
    this.selected = detail.id;
    this.detail = detail.id === null ? null : detail;
    this.fromLink = true;
    this.#host.requestUpdate();
  };

  hostConnected(): void {
    document.addEventListener(this.#eventName, this.#onSelect);
  }

  hostDisconnected(): void {
    document.removeEventListener(this.#eventName, this.#onSelect);
  }

  /** Select, or clear the selection when it is the one already selected (click/Enter again). */
  toggle(id: string, name: string, dates?: { start: string; end?: string }): void {
    if (this.selected === id) this.select(null, null);
    else this.select(id, name, dates);
  }

  /** Select (or with null clear) here and tell the page, and so the linked widgets. */
  select(id: string | null, name: string | null, dates?: { start: string; end?: string }): void {
    if (id === this.selected) return;
    this.selected = id;
    const detail: SelectDetail = { id, name, group: this.#group, ...dates };
    this.detail = id === null ? null : detail;
    this.fromLink = false;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new CustomEvent<SelectDetail>(this.#eventName, { bubbles: true, composed: true, detail }));
  }
}
