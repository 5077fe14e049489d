/**
 * Writes ONE self-contained HTML file for a widget: the library (dist/sozialraum-widgets.js) inlined in a
 * classic <script>, the element with its attributes, and its data files inlined as
 * <script type="application/json"> children (data-for="milestones" / data-for="geo" for the second files).
 * The page makes no request at all, so it opens from a USB stick by double-click (file://), no server.
 *
 *   npm run standalone -- --element indicator-bar --src data/indicators/sozialraum-rankings-2007.json \
 *     --attr indicator=einkommen-2001 --attr highlight=Nordmarkt --out folie.html
 *   npm run standalone -- --html folie-snippet.html --out folie.html
 *
 * Exit codes: 0 written, 1 something is missing or wrong (the message says what), 2 wrong usage.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Script } from 'node:vm';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `npm run` starts scripts in the project root; paths on the command line are meant from where it was typed. */
const CWD = process.env.INIT_CWD || process.cwd();
const BUNDLE = join(ROOT, 'dist/sozialraum-widgets.js');
const ELEMENTS = ['indicator-bar', 'sozialraum-map', 'trend-chart', 'milestone-timeline', 'network-graph'];
/** Attributes that name a file; each is inlined and then left out of the element. */
const FILE_ATTRIBUTES = ['src', 'milestones', 'geo'];

const USAGE = `Usage: npm run standalone -- --element NAME --src FILE [options]
       npm run standalone -- --html SNIPPET.html [options]

Writes one HTML file that contains everything – script, element and data – and opens without a
server (double-click, USB stick, file://). No request leaves the file.

  --element NAME     ${ELEMENTS.join(', ')}
  --src FILE         the data file (JSON), inlined as <script type="application/json">
  --milestones FILE  trend-chart: the milestones file, inlined with data-for="milestones"
  --geo FILE         sozialraum-map: the boundaries (TopoJSON/GeoJSON), inlined with data-for="geo"
  --attr NAME=VALUE  an attribute of the element, repeatable: --attr indicator=einkommen-2001
                     --attr presentation (without "=" an attribute without value)
  --html FILE        instead of --element: an HTML snippet with one or more widget elements; their
                     src, milestones and geo paths are read relative to the snippet, else the project
  --out FILE         where to write (default: <element>.html in the current folder)
  --title TEXT       page title (default: the title of the data)
  --lang de|en       page language (default: de)
  --help             this text

Example:
  npm run standalone -- --element indicator-bar --src data/indicators/sozialraum-rankings-2007.json \\
    --attr indicator=einkommen-2001 --attr highlight=Nordmarkt --attr presentation --attr fit --out folie.html`;

/** Exit 1: the input cannot be used. */
class InputError extends Error {}
/** Exit 2: the command line is wrong; the usage text helps. */
class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Command line

function readOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        element: { type: 'string' },
        src: { type: 'string' },
        milestones: { type: 'string' },
        geo: { type: 'string' },
        attr: { type: 'string', multiple: true, default: [] },
        html: { type: 'string' },
        out: { type: 'string' },
        title: { type: 'string' },
        lang: { type: 'string', default: 'de' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(e.message);
  }
  const o = parsed.values;
  if (o.help) return { help: true };
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(o.lang)) throw new UsageError(`--lang must be a language such as de or en, not "${o.lang}"`);
  if (o.html && (o.element || o.src || o.milestones || o.geo || o.attr.length)) {
    throw new UsageError('give either --html or --element (with --src, --attr …), not both');
  }
  if (!o.html && !o.element) throw new UsageError('say which widget: --element NAME (or --html SNIPPET.html)');
  if (o.element && !ELEMENTS.includes(o.element)) {
    throw new UsageError(`unknown element "${o.element}"; known are ${ELEMENTS.join(', ')}`);
  }
  return o;
}

/** `--attr name=value` → [name, value]; `--attr name` → [name, null] (an attribute without value). */
function parseAttr(text) {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase();
  const value = eq < 0 ? null : text.slice(eq + 1);
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new UsageError(`--attr "${text}": "${name}" is not an attribute name`);
  if (name === 'style' || name.startsWith('on')) {
    throw new UsageError(`--attr ${name}: inline styles and event handlers are not allowed (the pages' Content-Security-Policy forbids them); use CSS variables in a stylesheet instead`);
  }
  return [name, value];
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * The file an attribute or option names. `bases` are tried in order (e.g. the snippet's folder, then the
 * project); a path starting with "/" is first read from the project root, as a web server would serve it.
 */
function findFile(ref, bases, what) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    throw new InputError(`${what} "${ref}" is an address on the web; only local files can be inlined. Save it in the project and name the file.`);
  }
  let path = /^file:/i.test(ref) ? fileURLToPath(ref) : ref.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it as written */
  }
  let candidates;
  if (/^file:/i.test(ref)) candidates = [path];
  // "/daten/x.json" is an address from the site's root: the project folder first, then the disk.
  else if (path.startsWith('/')) candidates = [join(ROOT, path), path];
  else if (isAbsolute(path)) candidates = [path];
  else candidates = [...new Set(bases.map((b) => resolve(b, path)))];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  throw new InputError(`${what} "${ref}" not found (looked for ${candidates.join(', ')})`);
}

function readJson(file, what) {
  const text = readFileSync(file, 'utf8');
  try {
    return { text, value: JSON.parse(text) };
  } catch (e) {
    throw new InputError(`${what} ${relative(CWD, file)} is not valid JSON: ${e.message}`);
  }
}

/**
 * JSON for the inside of a <script> element. `<` only ever stands inside JSON strings, where `\u003c`
 * means the same; so neither `</script` nor `<!--` can end or confuse the element.
 */
const inlineJson = (text) => text.trim().replaceAll('<', '\\u003c');

/**
 * The library for the inside of a classic <script>. The HTML parser would end the element at `</script`
 * and treats `<!--` … `<script` specially; in the minified file these only stand in strings or regular
 * expressions, where `\x3C` means `<` as well. The escaped code is compiled once to be sure it still parses.
 */
function inlineScript(code) {
  const escaped = code.replace(/<(?=\/?script|!--)/gi, '\\x3C');
  try {
    new Script(escaped, { filename: 'sozialraum-widgets.js' });
  } catch (e) {
    throw new InputError(`dist/sozialraum-widgets.js cannot be inlined safely (${e.message}); please report this`);
  }
  if (/<\/?script|<!--/i.test(escaped)) throw new InputError('dist/sozialraum-widgets.js still contains "<script" after escaping; please report this');
  return escaped.trimEnd();
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------
// Widgets

/** The title of a data file in `lang` (an indicator collection: the chosen or first indicator's). */
function dataTitle(raw, attrs, lang) {
  if (!raw || typeof raw !== 'object') return undefined;
  let item = raw;
  if (Array.isArray(raw.indicators)) {
    const id = attrs.get('indicator');
    item = raw.indicators.find((i) => i && i.id === id) ?? raw.indicators[0] ?? raw;
  }
  const title = item.title ?? raw.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') return title[lang] ?? title.de ?? title.en;
  return undefined;
}

/**
 * The inline children for one widget: each file-valued attribute read, checked as JSON and turned into a
 * <script type="application/json"> (data-for for all but src). Returns the scripts and the main data.
 */
function inlineFiles(name, attrs, bases, where) {
  const scripts = [];
  let main;
  for (const attr of FILE_ATTRIBUTES) {
    const ref = attrs.get(attr);
    if (ref === undefined) continue;
    attrs.delete(attr);
    if (attr !== 'src' && name !== (attr === 'geo' ? 'sozialraum-map' : 'trend-chart')) {
      console.warn(`  note: <${name}> does not use "${attr}"; left out`);
      continue;
    }
    if (ref === null || !ref.trim()) throw new InputError(`${where}<${name}> has an empty "${attr}"`);
    if (/^data:/i.test(ref)) {
      // Already inside the page; no request either.
      attrs.set(attr, ref);
      continue;
    }
    const file = findFile(ref.trim(), bases, `${where}<${name} ${attr}>: the file`);
    const { text, value } = readJson(file, `${where}<${name} ${attr}>: the file`);
    if (attr === 'src') main = value;
    const dataFor = attr === 'src' ? '' : ` data-for="${attr}"`;
    scripts.push(`<script type="application/json"${dataFor}>${inlineJson(text)}</script>`);
    console.log(`  ${attr.padEnd(10)} ${relative(ROOT, file)} (${(text.length / 1024).toFixed(1)} KB)`);
  }
  return { scripts, main };
}

function attributeText(attrs) {
  return [...attrs].map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${escapeHtml(v)}"`)).join('');
}

/** One widget from the command line: element, attributes and files. */
function widgetFromOptions(o) {
  const attrs = new Map();
  for (const a of o.attr) {
    const [k, v] = parseAttr(a);
    attrs.set(k, v);
  }
  for (const attr of FILE_ATTRIBUTES) if (o[attr] !== undefined) attrs.set(attr, o[attr]);
  if (!attrs.has('src')) {
    throw new UsageError(`<${o.element}> needs its data: --src FILE (the JSON file, e.g. ${exampleData(o.element)})`);
  }
  const { scripts, main } = inlineFiles(o.element, attrs, [CWD, ROOT], '');
  const title = attrs.get('title') ?? dataTitle(main, attrs, o.lang);
  const body = `<${o.element}${attributeText(attrs)}>\n${scripts.join('\n')}\n</${o.element}>`;
  return { body, title, attrs: [attrs] };
}

function exampleData(element) {
  return {
    'indicator-bar': 'data/indicators/sozialraum-rankings-2007.json',
    'sozialraum-map': 'data/indicators/sozialraum-rankings-2007.json',
    'trend-chart': 'data/eu2-residents.json',
    'milestone-timeline': 'data/milestones.json',
    'network-graph': 'data/networks.json',
  }[element];
}

/**
 * Reads the opening tag that starts at `start` (just after `<name`): attributes with quotes respected.
 * Returns the attributes (name → value, null without value) and the index after `>`.
 */
function readOpenTag(html, start) {
  const attrs = new Map();
  let i = start;
  const space = /\s/;
  while (i < html.length) {
    while (space.test(html[i])) i++;
    if (html[i] === '>') return { attrs, end: i + 1 };
    if (html[i] === '/' && html[i + 1] === '>') return { attrs, end: i + 2, selfClosing: true };
    const nameStart = i;
    while (i < html.length && !/[\s=>]/.test(html[i]) && !(html[i] === '/' && html[i + 1] === '>')) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (space.test(html[i])) i++;
    let value = null;
    if (html[i] === '=') {
      i++;
      while (space.test(html[i])) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        if (close < 0) throw new InputError('an attribute value has no closing quote');
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !/[\s>]/.test(html[i])) i++;
        value = html.slice(valueStart, i);
      }
      value = decodeEntities(value);
    }
    if (name) attrs.set(name, value);
  }
  throw new InputError('a tag is not closed with ">"');
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[k];
  });
}

/** Widgets from an HTML snippet (or a whole page: its <body> is taken). */
function widgetsFromSnippet(o) {
  const file = findFile(o.html, [CWD, ROOT], '--html: the snippet');
  let html = readFileSync(file, 'utf8');
  const where = `${relative(CWD, file)}: `;
  const pageTitle = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  if (body) html = body[1];
  // The library comes inlined; a script tag that loads it (or anything else) would be a request.
  html = html.replace(/<script\b[^>]*\bsrc\s*=[^>]*>\s*<\/script>\s*/gi, (tag) => {
    console.warn(`  note: left out ${tag.trim().replace(/\s+/g, ' ')} (the library is inlined)`);
    return '';
  });
  const tagPattern = new RegExp(`<(${ELEMENTS.join('|')})(?=[\\s>/])`, 'gi');
  let out = '';
  let last = 0;
  let title;
  const found = [];
  for (let m; (m = tagPattern.exec(html)); ) {
    const name = m[1].toLowerCase();
    const { attrs, end } = readOpenTag(html, m.index + m[0].length);
    // Inline JSON already in the element wins over src at run time; src is then only left out.
    const close = html.toLowerCase().indexOf(`</${name}`, end);
    const content = close < 0 ? html.slice(end) : html.slice(end, close);
    const hasInline = /<script\b(?![^>]*\bdata-for\b)[^>]*\btype\s*=\s*["']?application\/json/i.test(content);
    if (hasInline && attrs.has('src')) attrs.delete('src');
    const { scripts, main } = inlineFiles(name, attrs, [dirname(file), ROOT], where);
    title ??= attrs.get('title') ?? dataTitle(main, attrs, o.lang);
    found.push(attrs);
    out += html.slice(last, m.index) + `<${name}${attributeText(attrs)}>` + (scripts.length ? `\n${scripts.join('\n')}` : '');
    last = end;
    tagPattern.lastIndex = end;
  }
  if (!found.length) throw new InputError(`${where}no widget element in it (expected one of ${ELEMENTS.join(', ')})`);
  out += html.slice(last);
  for (const m of out.matchAll(/<(img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?(?!data:|#)([^"'\s>]+)/gi)) {
    console.warn(`  warning: <${m[1]}> refers to "${m[2]}", which is not inlined and will not load from a USB stick`);
  }
  return { body: out.trim(), title: pageTitle ?? title, attrs: found };
}

// ---------------------------------------------------------------------------------------------
// Page

function page({ body, title, lang, attrs }) {
  const themes = new Set(attrs.map((a) => a.get('theme')).filter(Boolean));
  const scheme = themes.size === 1 && ['light', 'dark'].includes([...themes][0]) ? [...themes][0] : 'light dark';
  const widgets = ELEMENTS.join(', ');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sozialraum-widgets npm run standalone">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
:root { color-scheme: ${scheme}; }
html, body { height: 100%; margin: 0; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; background: Canvas; color: CanvasText; }
:is(${widgets}) { display: block; box-sizing: border-box; max-width: 75rem; margin: 0 auto; padding: 1rem; }
:is(${widgets})[fit] { height: 100vh; max-width: none; }
</style>
</head>
<body>
<main>
${body}
</main>
<script>
${inlineScript(readFileSync(BUNDLE, 'utf8'))}
</script>
</body>
</html>
`;
}

function main(argv) {
  const o = readOptions(argv);
  if (o.help) {
    console.log(USAGE);
    return;
  }
  if (!existsSync(BUNDLE)) throw new InputError('dist/sozialraum-widgets.js is missing: run "npm run build" first (npm run standalone does it for you)');
  console.log(o.html ? `standalone page from ${o.html}` : `standalone page for <${o.element}>`);
  const widget = o.html ? widgetsFromSnippet(o) : widgetFromOptions(o);
  const name = o.element ?? [...widget.body.matchAll(new RegExp(`<(${ELEMENTS.join('|')})`, 'gi'))][0]?.[1] ?? 'widget';
  const title = o.title ?? widget.title ?? `sozialraum-widgets: ${name}`;
  const out = resolve(CWD, o.out ?? `${name}.html`);
  const html = page({ ...widget, title, lang: o.lang });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`wrote ${relative(CWD, out) || out} (${(html.length / 1024).toFixed(0)} KB) – open it by double-click or ${pathToFileURL(out).href}`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`npm run standalone: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (e instanceof InputError) {
    console.error(`npm run standalone: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
