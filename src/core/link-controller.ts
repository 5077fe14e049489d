import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Selection and linking. A widget that selects a Sozialraum fires `sozialraum-select` (bubbles,
 * composed; detail { id, name, group }). Widgets with the same `group` attribute listen on `document`
 * and show the same selection — plain DOM events, no framework, across separate CMS content blocks.
 * An id of `null` clears the selection.
 */

export interface SelectDetail {
  id: string | null;
  name: string | null;
  group: string | null;
}

export const SELECT_EVENT = 'sozialraum-select';

export class LinkController implements ReactiveController {
  /** The selected area id, whether chosen here or in a linked widget. */
  selected: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private get group(): string | null {
    return this.host.getAttribute('group');
  }

  private onSelect = (e: Event) => {
    const { detail } = e as CustomEvent<SelectDetail>;
    const group = this.group;
    if (e.target === this.host || !group || detail?.group !== group || detail.id === this.selected) return;
    this.selected = detail.id;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    document.addEventListener(SELECT_EVENT, this.onSelect);
  }

  hostDisconnected(): void {
    document.removeEventListener(SELECT_EVENT, this.onSelect);
  }

  /** Select an area, or clear the selection when it is the one already selected (click/Enter again). */
  toggle(id: string, name: string): void {
    if (this.selected === id) this.select(null, null);
    else this.select(id, name);
  }

  /** Select (or with null clear) an area here and tell the page, and so the linked widgets. */
  select(id: string | null, name: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.host.requestUpdate();
    this.host.dispatchEvent(
      new CustomEvent<SelectDetail>(SELECT_EVENT, { bubbles: true, composed: true, detail: { id, name, group: this.group } }),
    );
  }
}
