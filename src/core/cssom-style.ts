import { noChange } from 'lit';
import { Directive, directive, type AttributePart } from 'lit/directive.js';

type Styles = Record<string, string | undefined>;

/**
 * `style=${cssomStyle({ left: '12%' })}`: inline styles set through the CSSOM only. Lit's own styleMap
 * writes its first values as a style attribute, which a strict Content-Security-Policy (style-src 'self',
 * as public-sector sites send it) blocks — the timeline's marks then all sat at x = 0. Properties left out
 * of a later call are removed.
 */
class CssomStyle extends Directive {
  #set = new Set<string>();

  render(_styles: Styles): unknown {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Styles]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#set) if (styles[name] === undefined) style.removeProperty(name);
    this.#set = new Set();
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyle);
