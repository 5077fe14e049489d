import { dataBase } from '../core/data-url.js';
import { allowedOrigins, ELEMENTS, planEmbed } from './embed-params.js';

/**
 * The embed page (dist/embed.html): one widget from the page's URL, for sites that can only take an
 * iframe (`embed.html?el=indicator-bar&src=…&indicator=…&lang=en&id=karte-1`). Loaded after
 * sozialraum-widgets.js (both `defer`, in this order).
 *
 * The page tells its parent how tall it is, on load and whenever that changes:
 * `parent.postMessage({ type: 'srw-embed-height', height, id }, '*')` — the README has the few lines a
 * host page needs to resize its iframe; without them the iframe scrolls.
 *
 * Its words live here, not in core/i18n.ts: the page loads this file beside the library, and the
 * library's dictionary is not reachable from it (nor worth a second copy for five sentences).
 */

type Words = {
  title: string;
  cannotShow: string;
  faulty: string;
  details: string;
  noElement: (list: string) => string;
  unknownElement: (name: string, list: string) => string;
  noLibrary: string;
  refused: (name: string, value: string, origins: string) => string;
};

const WORDS: Record<'de' | 'en', Words> = {
  de: {
    title: 'Sozialraum-Statistik Dortmund',
    cannotShow: 'Diese Grafik kann gerade nicht angezeigt werden.',
    faulty: 'Der Einbettungs-Code ist fehlerhaft.',
    details: 'Details für die Redaktion',
    noElement: (list) => `Es ist kein Diagramm angegeben: Der Parameter „el“ fehlt (möglich: ${list}).`,
    unknownElement: (name, list) => `„${name}“ ist kein Diagramm dieser Bibliothek (Parameter „el“; möglich: ${list}).`,
    noLibrary: 'Die Bibliothek sozialraum-widgets.js wurde nicht geladen; sie muss neben embed.html liegen.',
    refused: (name, value, origins) =>
      `Die Adresse „${value}“ (Parameter „${name}“) ist hier nicht erlaubt: Daten werden nur von ${origins} geladen. Weitere Server gibt die IT in embed.html frei (<meta name="srw-allowed-origins">).`,
  },
  en: {
    title: 'Dortmund social-space statistics',
    cannotShow: 'This chart cannot be shown right now.',
    faulty: 'The embed code is faulty.',
    details: 'Details for editors',
    noElement: (list) => `No chart is given: the parameter “el” is missing (possible: ${list}).`,
    unknownElement: (name, list) => `“${name}” is not a chart of this library (parameter “el”; possible: ${list}).`,
    noLibrary: 'The library sozialraum-widgets.js was not loaded; it has to sit beside embed.html.',
    refused: (name, value, origins) =>
      `The address “${value}” (parameter “${name}”) is not allowed here: data is only loaded from ${origins}. City IT can allow more servers in embed.html (<meta name="srw-allowed-origins">).`,
  },
};

const root = document.documentElement;
const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
const listed = document.querySelector('meta[name="srw-allowed-origins"]')?.getAttribute('content');
const { origins, invalid } = allowedOrigins(self.origin, listed);
if (invalid.length) console.warn(`embed.html: <meta name="srw-allowed-origins"> – no http(s) origin, ignored: ${invalid.join(' ')}`);

const plan = planEmbed(
  new URLSearchParams(location.search),
  (name) => (customElements.get(name) as { observedAttributes?: string[] } | undefined)?.observedAttributes,
  // Relative addresses as the library resolves them: a data-base on its script tag here, else this page.
  dataBase(document.querySelector('script[data-base]')),
  origins,
);
if (plan.lang) root.lang = plan.lang;
const words = WORDS[/^en\b/i.test(root.lang) ? 'en' : 'de'];
document.title = words.title;
root.classList.toggle('transparent', plan.transparent);
for (const name of plan.ignored) console.warn(`embed.html: parameter „${name}“ ignored – ${name === 'lang' ? 'not a language tag' : `not an attribute of <${plan.element}>`}.`);

/** The height last told to the parent page. */
let lastHeight = -1;
show();
reportHeight();
addEventListener('load', () => reportHeight(true));
new ResizeObserver(() => reportHeight()).observe(root);

function show(): void {
  main.replaceChildren();
  const list = ELEMENTS.filter((name) => customElements.get(name)).join(', ');
  const problems: string[] = [];
  if (plan.problem) {
    problems.push(
      !customElements.get('indicator-bar')
        ? words.noLibrary
        : plan.problem.key === 'noElement'
          ? words.noElement(list)
          : words.unknownElement(plan.problem.name, list),
    );
  }
  const shownOrigins = origins.join(', ');
  for (const { name, value } of plan.refused) problems.push(words.refused(name, value, shownOrigins));
  if (problems.length || !plan.element) {
    showProblems(problems);
    return;
  }
  const el = document.createElement(plan.element);
  // Values only ever as attribute values: the widgets render them as text.
  for (const [name, value] of plan.attributes) el.setAttribute(name, value);
  // The widget's title is the page's heading (and the document's title, below).
  if (!el.hasAttribute('heading-level')) el.setAttribute('heading-level', '1');
  const theme = el.getAttribute('theme');
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('fit', el.hasAttribute('fit'));
  el.addEventListener('widget-rendered', () => {
    const title = el.shadowRoot?.querySelector('[part~="title"]')?.textContent?.trim();
    document.title = title || words.title;
  });
  main.append(el);
}

function showProblems(problems: string[]): void {
  const box = document.createElement('div');
  box.className = 'message';
  box.setAttribute('role', 'alert');
  // As the widgets say it: a sentence for readers, the technical detail for editors (closed, and in the console).
  const heading = document.createElement('h1');
  heading.textContent = words.cannotShow;
  const reason = document.createElement('p');
  reason.textContent = words.faulty;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = words.details;
  const list = document.createElement('ul');
  for (const text of problems) {
    const item = document.createElement('li');
    item.textContent = text;
    list.append(item);
  }
  details.append(summary, list);
  box.append(heading, reason, details);
  main.append(box);
  console.error(`embed.html: ${problems.join(' ')}`);
}

/** Tell the parent page the document's height, when it changed (or always: on load, for a late listener). */
function reportHeight(always = false): void {
  // With `fit` the widget fills the iframe: its height is the parent's to choose.
  if (parent === self || root.classList.contains('fit')) return;
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === lastHeight && !always) return;
  lastHeight = height;
  parent.postMessage({ type: 'srw-embed-height', height, id: plan.id }, '*');
}
