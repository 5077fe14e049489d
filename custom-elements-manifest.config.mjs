import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * custom-elements.json (`npm run build` → dist/custom-elements.json, named in package.json
 * "customElements"): what editors and tools (VS Code, Storybook, CMS plug-ins) read to know the
 * elements with their attributes, properties, events, CSS parts and CSS custom properties.
 *
 * The analyzer reads Lit's `static properties` and the class comments (@fires, @csspart, @cssprop,
 * @attr). This plugin adds what it cannot see, from the code where possible:
 *   - tag names from the library's own `define('indicator-bar', IndicatorBar)` (core/define.ts),
 *   - properties spread into `static properties` from another module (`...presenterProperties`),
 *   - leaves out Lit's internal state (`{ state: true }`, which the analyzer lists as attributes),
 *   - adds what every element gets from the shared controllers in src/core (SHARED below),
 *   - and keeps only the elements, at the paths of the published ES modules (dist/esm/<tag>.js).
 * test/node/manifest.test.mjs checks the result against README.md and the CSS in src/.
 */

/** What every element takes from src/core: the frame (widget-controller, styles), link and presenter controllers. */
const SHARED = {
  attributes: [
    { name: 'theme', type: { text: "'light' | 'dark'" }, description: 'Light or dark, also on an ancestor; without it the widget follows the page behind it.' },
    { name: 'heading-level', type: { text: 'number' }, description: 'Level of the title heading (default 2; 0: no heading).' },
    { name: 'group', type: { text: 'string' }, description: 'Widgets with the same group share a selection (areas, dates or network nodes).' },
  ],
  /** Descriptions of the presenter attributes (core/presenter-controller.ts, spread into each element). */
  descriptions: {
    mode: '"steps": reveal the chart step by step (keys, buttons, announcements).',
    current: 'The step or page shown, 1-based; reflected.',
    'step-by': 'What one step reveals (per element: a number of bars, "year", "ring", "kind").',
    fit: 'Fill the width and height of the container (slides).',
    presentation: 'Large fixed type and stronger greys for projectors.',
  },
  events: [
    { name: 'widget-step', type: { text: 'CustomEvent<{ current: number; total: number; kind: "step" | "page" }>' }, description: 'A step or page was shown (mode="steps", or pages of a fitted chart).' },
  ],
  cssParts: [
    ['figure', 'the whole widget: title, chart, notes and source'],
    ['title', 'the title (a heading, see heading-level)'],
    ['description', 'the description under the title'],
    ['chart', 'the box of the chart'],
    ['legend', 'the legend'],
    ['notes', 'notes under the chart'],
    ['source', 'the source line with its date'],
    ['actions', 'the row of buttons (table, downloads, full screen)'],
    ['button', 'every button'],
    ['table', 'the data table'],
    ['message', 'an error or a note on the data'],
    ['steps', 'the step counter with back/next buttons (mode="steps")'],
  ].map(([name, description]) => ({ name, description })),
  cssProperties: [
    ['--srw-font-family', 'font family (default: the page\'s)'],
    ['--srw-font-size', 'base font size (default: the page\'s)'],
    ['--srw-background', 'background (#ffffff / dark #161616)'],
    ['--srw-text', 'text colour'],
    ['--srw-muted', 'secondary text'],
    ['--srw-bar', 'bars'],
    ['--srw-highlight', 'highlighted areas and bars'],
    ['--srw-series-{1..4}', 'colours of the series'],
    ['--srw-reference', 'reference lines'],
    ['--srw-grid', 'grid lines'],
    ['--srw-focus', 'focus outline'],
    ['--srw-missing', 'missing values ("keine Angabe")'],
    ['--srw-border', 'borders'],
    ['--srw-error', 'error messages: border and text'],
    ['--srw-error-background', 'error messages: background'],
    ['--srw-warning-background', 'notes on the data: background'],
    ['--srw-tooltip-background', 'tooltip background'],
    ['--srw-tooltip-text', 'tooltip text'],
    ['--srw-radius', 'corner radius'],
    ['--srw-padding', 'padding of the widget (default 0.75em 0)'],
    ['--srw-presentation-font-size', 'font size with presentation and in full screen (30px)'],
    ['--srw-reserve', 'height kept while the data loads (24em)'],
  ].map(([name, description]) => ({ name, description })),
};

/** `--srw-series-{1..4}` → `--srw-series-1` … `--srw-series-4`. */
function expandRange(item) {
  const m = /\{(\d+)\.\.(\d+)\}/.exec(item.name);
  if (!m) return [item];
  const out = [];
  for (let i = Number(m[1]); i <= Number(m[2]); i++) out.push({ ...item, name: item.name.replace(m[0], String(i)) });
  return out;
}

/**
 * The classes name their parts as one list, `@csspart title, description, chart` (comment-parser reads
 * "title," as the name and the rest as the description): one part each.
 */
function partList(part) {
  if (!part.name.endsWith(',')) return [part];
  return `${part.name} ${part.description ?? ''}`
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name }));
}

/** The object literal of `export const name = { … } as const` in a module, or undefined. */
function constObject(ts, sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (decl.name.getText(sourceFile) !== name || !decl.initializer) continue;
      let init = decl.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (ts.isObjectLiteralExpression(init)) return init;
    }
  }
  return undefined;
}

/** Lit's options of one property: `{ type: Number, attribute: 'step-by', reflect: true, state: true }`. */
function litOptions(ts, node, sourceFile) {
  const options = {};
  if (!ts.isObjectLiteralExpression(node)) return options;
  for (const p of node.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const key = p.name.getText(sourceFile);
    const value = p.initializer;
    if (ts.isStringLiteral(value)) options[key] = value.text;
    else if (value.kind === ts.SyntaxKind.TrueKeyword) options[key] = true;
    else if (value.kind === ts.SyntaxKind.FalseKeyword) options[key] = false;
    else options[key] = value.getText(sourceFile);
  }
  return options;
}

/** `{ state: true }` entries and the entries of spread objects, from a class's `static properties`. */
function staticProperties(ts, classNode) {
  const sourceFile = classNode.getSourceFile();
  const member = classNode.members.find(
    (m) => ts.isPropertyDeclaration(m) && m.name.getText(sourceFile) === 'properties' && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword),
  );
  const result = { state: [], spread: [] };
  if (!member?.initializer || !ts.isObjectLiteralExpression(member.initializer)) return result;
  for (const p of member.initializer.properties) {
    if (ts.isPropertyAssignment(p)) {
      if (litOptions(ts, p.initializer, sourceFile).state === true) result.state.push(p.name.getText(sourceFile));
    } else if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) {
      const object = importedObject(ts, sourceFile, p.expression.text);
      for (const q of object?.properties ?? []) {
        if (!ts.isPropertyAssignment(q)) continue;
        const name = q.name.getText(object.getSourceFile());
        result.spread.push({ name, ...litOptions(ts, q.initializer, object.getSourceFile()) });
      }
    }
  }
  return result;
}

/** The object literal a name refers to: declared in this module or imported from a relative one. */
function importedObject(ts, sourceFile, name) {
  const local = constObject(ts, sourceFile, name);
  if (local) return local;
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const names = statement.importClause?.namedBindings;
    if (!names || !ts.isNamedImports(names) || !names.elements.some((e) => e.name.text === name)) continue;
    const spec = statement.moduleSpecifier.text;
    if (!spec.startsWith('.')) return undefined;
    const path = join(dirname(sourceFile.fileName), spec.replace(/\.js$/, '.ts'));
    const imported = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    return constObject(ts, imported, name);
  }
  return undefined;
}

function widgetsPlugin() {
  /** Per class name: its tag, state properties and spread properties. */
  const classes = new Map();
  const info = (name) => classes.get(name) ?? classes.set(name, { state: [], spread: [] }).get(name);
  return {
    name: 'sozialraum-widgets',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) Object.assign(info(node.name.text), staticProperties(ts, node));
      // define('indicator-bar', IndicatorBar): the library registers its elements through core/define.ts.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define') {
        const [tag, ctor] = node.arguments;
        if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) info(ctor.text).tag = tag.text;
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = [];
      for (const mod of customElementsManifest.modules) {
        const elements = (mod.declarations ?? []).filter((d) => d.customElement && classes.get(d.name)?.tag);
        if (!elements.length) continue;
        for (const d of elements) completeElement(d, classes.get(d.name));
        // The published module: src/indicator-bar/indicator-bar.ts → dist/esm/indicator-bar.js (rollup.config.mjs).
        const path = mod.path.replace(/^src\/([^/]+)\/\1\.ts$/, 'dist/esm/$1.js');
        modules.push({
          kind: 'javascript-module',
          path,
          declarations: elements,
          exports: elements.flatMap((d) => [
            { kind: 'js', name: d.name, declaration: { name: d.name, module: path } },
            { kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: path } },
          ]),
        });
      }
      customElementsManifest.modules = modules;
    },
  };
}

function completeElement(d, { tag, state, spread }) {
  d.tagName = tag;
  // Internal state is no attribute and no public property.
  d.attributes = (d.attributes ?? []).filter((a) => !state.includes(a.fieldName ?? a.name));
  d.members = (d.members ?? []).filter(
    (m) => !state.includes(m.name) && !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
  );
  for (const p of spread) {
    if (p.state || p.attribute === false) continue;
    const attribute = typeof p.attribute === 'string' ? p.attribute : p.name.toLowerCase();
    const member = d.members.find((m) => m.name === p.name);
    if (member) Object.assign(member, { privacy: 'public', attribute }, p.reflect ? { reflects: true } : {});
    if (!d.attributes.some((a) => a.name === attribute)) d.attributes.push({ name: attribute, fieldName: p.name, type: member?.type });
  }
  for (const a of SHARED.attributes) if (!d.attributes.some((x) => x.name === a.name)) d.attributes.push({ ...a });
  for (const a of d.attributes) {
    const member = d.members.find((m) => m.name === a.fieldName);
    a.description ??= SHARED.descriptions[a.name] ?? SHARED.attributes.find((x) => x.name === a.name)?.description ?? member?.description;
    if (member && !member.description && a.description) member.description = a.description;
  }
  d.events = [...(d.events ?? [])];
  for (const e of SHARED.events) if (!d.events.some((x) => x.name === e.name)) d.events.push({ ...e });
  const parts = (d.cssParts ?? []).flatMap(partList).filter((p) => !SHARED.cssParts.some((s) => s.name === p.name));
  d.cssParts = [...SHARED.cssParts, ...parts];
  d.cssProperties = [...SHARED.cssProperties, ...(d.cssProperties ?? [])].flatMap(expandRange);
}

export default {
  globs: ['src/*/*.ts'],
  exclude: ['src/core/**', 'src/embed/**'],
  litelement: true,
  outdir: 'dist',
  packagejson: false,
  plugins: [widgetsPlugin()],
};
