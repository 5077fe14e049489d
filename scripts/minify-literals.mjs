/**
 * Rollup plugin for the single file: squeezes the whitespace out of the static text of our own
 * `css`, `html` and `svg` tagged templates. Terser leaves template text alone, and the indentation of
 * ~1,900 lines of CSS and markup is what every reader of an article would download.
 *
 * Only the text between expressions is touched, never an expression, and never the edge of a piece of
 * text next to an expression (`1px ${colour}` keeps its space). Rules, all meaning-preserving:
 * - CSS (outside quoted strings): comments go; runs of whitespace become one space; no space around `{ } ; ,` or after `:`
 *   (a space before `:` can matter in a selector, `a :hover`, so it stays); no `;` before `}`; `0.5` becomes `.5`.
 * - HTML and SVG: runs of whitespace become one space, which is how the browser reads them anyway
 *   (no template here uses <pre>, <textarea> or `white-space: pre`).
 * The templates are found with Rollup's parser, so strings and comments in code cannot confuse it.
 *
 * Characters beyond ASCII in that text ("→", "–") are written as \u escapes, which the templates' cooked text
 * (what Lit reads) turns back into the characters. With terser's `ascii_only` for every other string, the
 * single file is pure ASCII: it reads the same on a page in any encoding (a script served without a charset
 * is read in its page's, and a windows-1252 page turned "Sozialräume" into "SozialrÃ¤ume").
 */
const TAGS = new Set(['css', 'html', 'svg']);

export function minifyCss(text) {
  // Comments and quoted strings (`content: ' · '`) are found in one pass, so a quote inside a comment
  // cannot look like a string: comments go, strings are kept as written, the rest is squeezed.
  return text
    .split(/(\/\*[\s\S]*?\*\/|"[^"]*"|'[^']*')/)
    .map((part, i) =>
      i % 2
        ? part.startsWith('/*')
          ? ''
          : part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}')
            // 0.5em → .5em (not in 10.5 or a selector: only after a space, colon, comma or bracket)
            .replace(/([ :,(])0\.(\d)/g, '$1.$2'),
    )
    .join('');
}

export function minifyMarkup(text) {
  return text.replace(/\s+/g, ' ');
}

/** Template text with every character beyond ASCII as a \u escape (each UTF-16 unit of a pair its own). */
export function asciiOnly(text) {
  return text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Calls `visit` for every node of an ESTree AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) walk(c, visit);
    else if (child && typeof child === 'object' && typeof child.type === 'string') walk(child, visit);
  }
}

export function minifyLiterals({ include = /\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'minify-literals',
    transform(code, id) {
      if (!include.test(id) || !/\b(?:css|html|svg)\s*`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const squeeze = node.tag.name === 'css' ? minifyCss : minifyMarkup;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          // Keep one space at an edge next to an expression: it may separate two words or values.
          const lead = /^\s/.test(raw) && quasi !== node.quasi.quasis[0] ? ' ' : '';
          const trail = /\s$/.test(raw) && !quasi.tail ? ' ' : '';
          const out = asciiOnly(lead + squeeze(raw).trim() + trail);
          if (out !== raw) edits.push([quasi.start, quasi.end, out]);
        }
      });
      if (!edits.length) return null;
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
