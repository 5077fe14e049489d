/**
 * Register a custom element unless the name is taken. Loading the library twice (two CMS blocks each
 * pasting the script tag), or next to another library that already defined the name, must not throw.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
