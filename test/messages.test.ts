import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/indicator-bar/indicator-bar.js';
import '../src/trend-chart/trend-chart.js';
import '../src/network-graph/messages.js';
import { msg, type MessageKey } from '../src/core/i18n.js';
import { problem, readerReason } from '../src/core/problems.js';
import { $, alertText, madeUpIndicator, settled, text, widget } from './helpers.js';

/**
 * An error on a public page speaks to its reader: one headline and one plain reason. The technical text
 * is for editors: in the console and in a closed "Details für die Redaktion" inside the same message.
 */

const MISSING = '/test/fixtures/gibt-es-nicht-messages.json';
const HEADLINE = { de: 'Diese Grafik kann gerade nicht angezeigt werden.', en: 'This chart cannot be shown right now.' };
const SUMMARY = { de: 'Details für die Redaktion', en: 'Details for editors' };

type Lang = 'de' | 'en';

/** The cases a reader meets: what the page holds, the reason they read, and the editors' technical text. */
const CASES: Array<{ name: string; render: (lang: Lang) => ReturnType<typeof html>; reason: Record<Lang, string>; detail: Record<Lang, string> }> = [
  {
    name: 'a file that is not there (HTTP 404)',
    render: (lang) => html`<indicator-bar lang=${lang} src=${MISSING} style="width:600px"><p class="fallback">Ersatzinhalt</p></indicator-bar>`,
    reason: { de: 'Die Daten wurden nicht gefunden.', en: 'The data was not found.' },
    detail: { de: `Die Datei „${MISSING}“ wurde nicht gefunden (HTTP 404).`, en: `The file “${MISSING}” was not found (HTTP 404).` },
  },
  {
    name: 'bad JSON',
    render: (lang) => html`<indicator-bar lang=${lang} style="width:600px"><script type="application/json">{"title": "x",</script><p class="fallback">Ersatzinhalt</p></indicator-bar>`,
    reason: { de: 'Die Daten sind fehlerhaft.', en: 'The data contains errors.' },
    detail: { de: 'Die Daten sind kein gültiges JSON', en: 'The data is not valid JSON' },
  },
  {
    name: 'no data',
    render: (lang) => html`<indicator-bar lang=${lang} style="width:600px"><p class="fallback">Ersatzinhalt</p></indicator-bar>`,
    reason: { de: 'Es wurden keine Daten angegeben.', en: 'No data was given.' },
    detail: { de: 'erwartet wird ein „src“-Attribut', en: 'expected a “src” attribute' },
  },
  {
    name: 'the wrong kind of data (an indicator for a time series)',
    render: (lang) =>
      html`<trend-chart lang=${lang} style="width:600px"><script type="application/json">${madeUpIndicator}</script><p class="fallback">Ersatzinhalt</p></trend-chart>`,
    reason: { de: 'Die Daten passen nicht zu dieser Grafik.', en: 'The data does not fit this chart.' },
    detail: { de: 'Die Daten sind keine Zeitreihe', en: 'The data is not a time series' },
  },
];

/** What a reader sees of the error message with the editors' details closed: the message without them. */
function readerText(el: Element): string {
  const box = $(el, '.message.error')!.cloneNode(true) as HTMLElement;
  box.querySelector('details')?.remove();
  return text(box);
}

const details = (el: Element) => $(el, '.message details') as HTMLDetailsElement;
const visible = (node: Element | null) => !!node && (node as HTMLElement).checkVisibility();

describe('error messages for readers', () => {
  for (const c of CASES) {
    for (const lang of ['de', 'en'] as const) {
      it(`${c.name}, lang="${lang}": headline and one plain reason; the technical text only in the closed details`, async () => {
        const el = await widget(c.render(lang));
        const message = $(el, '.message.error')!;
        expect(message.getAttribute('part')).to.equal('message');
        expect(message.getAttribute('role')).to.equal('alert');
        expect(readerText(el)).to.equal(`${HEADLINE[lang]} ${c.reason[lang]}`);
        expect(text($(el, '.message strong'))).to.equal(HEADLINE[lang]);
        // The details: inside the alert, closed, the technical text in the shadow DOM but not shown.
        const box = details(el);
        expect(message.contains(box)).to.equal(true);
        expect(box.open).to.equal(false);
        expect(text(box.querySelector('summary'))).to.equal(SUMMARY[lang]);
        expect(text(box.querySelector('ul'))).to.contain(c.detail[lang]);
        expect(visible(box.querySelector('ul')), 'the technical list is collapsed').to.equal(false);
        expect(readerText(el)).to.not.contain(c.detail[lang]);
        // The fallback content (the slot) stays visible.
        const fallback = el.querySelector('.fallback') as HTMLElement;
        expect(($(el, 'slot') as HTMLSlotElement).assignedElements()).to.include(fallback);
        expect(fallback.offsetHeight).to.be.greaterThan(0);
        expect($(el, 'svg')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('the editors’ details also list the warnings that explain the error (every area name unknown: no entries left)', async () => {
    const el = await widget(html`<indicator-bar style="width:600px"></indicator-bar>`);
    (el as unknown as { data: unknown }).data = { ...JSON.parse(madeUpIndicator), values: [{ area: 'Gotham', value: 1 }] };
    await settled(el);
    expect(readerText(el)).to.equal(`${HEADLINE.de} Die Daten sind fehlerhaft.`);
    const list = text(details(el).querySelector('ul'));
    expect(list).to.contain('Der Indikator enthält keine Einträge.');
    expect(list).to.contain('Diese Gebietsnamen sind unbekannt und werden nicht gezeigt: „Gotham“.');
  });

  it('the technical text is still read by alertText-style checks (textContent) and keeps its order', async () => {
    const el = await widget(CASES[0].render('de'));
    expect(alertText(el)).to.equal(`${HEADLINE.de} Die Daten wurden nicht gefunden. ${SUMMARY.de} ${CASES[0].detail.de}`);
  });
});

describe('the reader’s reason for each problem', () => {
  const EXPECTED: Record<string, string[]> = {
    why_notFound: ['p_http', 'p_network', 'p_fileProtocol'],
    why_noData: ['p_noData', 'p_jsonEmpty', 'p_emptyTable', 'p_noMilestones'],
    why_wrongKind: ['p_notTimeseries', 'p_notMilestones', 'net_notNetworks', 'p_mapNeedsAreas', 'p_geoFormat', 'p_geoEmpty'],
    why_selection: ['p_unknownIndicator', 'net_unknownNetwork', 'p_noPointsInPeriod'],
    why_broken: ['p_json', 'p_type', 'p_missing', 'p_unknownKey', 'p_oneOf', 'p_empty', 'p_valuesOrSeries', 'p_areaOrLabel', 'p_rankMissing', 'p_noValidPoints', 'p_endBeforeStart', 'p_noRows', 'net_empty'],
  };
  it('groups every problem that stops a chart into a few plain reasons, each an existing text in German and English', () => {
    for (const [reason, keys] of Object.entries(EXPECTED)) {
      for (const key of keys) {
        expect(msg('de', key as MessageKey as 'p_noData'), `${key} is a message`).to.be.a('string');
        expect(readerReason(problem(key as MessageKey)), key).to.equal(reason);
      }
      for (const lang of ['de', 'en'] as const) expect(msg(lang, reason as 'why_broken')).to.match(/^\S.*\.$/);
    }
  });
});

describe('the editors’ details', () => {
  it('open and close from the keyboard (Enter, Space on the summary), show the technical text, keep the keys in the widget; axe-clean both ways', async () => {
    const el = await widget(CASES[0].render('de'));
    const seen: string[] = [];
    const onKey = (e: KeyboardEvent) => seen.push(e.key);
    document.addEventListener('keydown', onKey);
    try {
      const box = details(el);
      const summary = box.querySelector('summary')!;
      summary.focus();
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      await sendKeys({ press: 'Enter' });
      expect(box.open, 'Enter opens').to.equal(true);
      expect(visible(box.querySelector('ul'))).to.equal(true);
      expect(text(box.querySelector('ul'))).to.equal(CASES[0].detail.de);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Space' });
      expect(box.open, 'Space closes').to.equal(false);
      await sendKeys({ press: 'Space' });
      expect(box.open, 'Space opens').to.equal(true);
      expect(seen, 'the page sees none of the keys the summary used').to.deep.equal([]);
      // A new render (another language) keeps the reader's choice and the message.
      el.setAttribute('lang', 'en');
      await settled(el);
      expect(details(el).open).to.equal(true);
      expect(readerText(el)).to.equal(`${HEADLINE.en} The data was not found.`);
      await sendKeys({ press: 'Enter' });
      expect(details(el).open, 'Enter closes').to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('keydown', onKey);
    }
  });

  it('the console gets the technical text, once', async () => {
    const logged: string[] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => void logged.push(String(args[0]));
    try {
      const el = await widget(CASES[0].render('de'));
      details(el).open = true;
      (el as unknown as { requestUpdate(): void }).requestUpdate();
      await settled(el);
      const ours = logged.filter((line) => line.startsWith('sozialraum-widgets <indicator-bar>'));
      expect(ours).to.deep.equal([`sozialraum-widgets <indicator-bar>: ${CASES[0].detail.de}`]);
    } finally {
      console.error = realError;
    }
  });
});

describe('a widget with an error among others', () => {
  it('does not disturb its neighbour: the neighbour draws, has no message, keeps its own ids', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <indicator-bar id="bad" src=${MISSING} style="width:600px"><p class="fallback">Ersatz</p></indicator-bar>
      <indicator-bar id="good" style="width:600px"><script type="application/json">${madeUpIndicator}</script></indicator-bar>
    </div>`);
    const [bad, good] = [...page.querySelectorAll('indicator-bar')];
    await settled(bad);
    await settled(good);
    expect(readerText(bad)).to.equal(`${HEADLINE.de} Die Daten wurden nicht gefunden.`);
    expect($(good, 'svg.bars')).to.not.equal(null);
    expect($(good, '.message')).to.equal(null);
    expect(good.querySelector('.fallback')).to.equal(null);
    // Opening the editors' details of one widget changes nothing in the other.
    details(bad).querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details(bad).open).to.equal(true);
    expect($(good, 'svg.bars')).to.not.equal(null);
    expect($(good, 'details:not(.all-sources)')).to.equal(null);
    await expect(page).to.be.accessible();
  });
});

describe('messages on paper, in dark and in forced colours', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen', colorScheme: 'light' });
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'none' }] });
  });

  it('print: the reader’s sentence prints, the details do not (even when opened)', async () => {
    const el = await widget(CASES[1].render('de'));
    details(el).open = true;
    await emulateMedia({ media: 'print' });
    expect(visible($(el, '.message strong'))).to.equal(true);
    expect(visible(details(el)), 'no details on paper').to.equal(false);
    expect(visible(el.querySelector('.fallback'))).to.equal(true);
  });

  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  /** Contrast of the headline, the reason and the summary against the message box. */
  const readable = (el: Element) => {
    const box = getComputedStyle($(el, '.message')!).backgroundColor;
    return [$(el, '.message')!, $(el, '.message strong')!, details(el).querySelector('summary')!, details(el).querySelector('li')!].map((n) =>
      contrast(getComputedStyle(n).color, box),
    );
  };

  it('dark theme: headline, reason, summary and details at 4.5:1 or more; axe-clean with the details open', async () => {
    const el = await widget(html`<indicator-bar theme="dark" src=${MISSING} style="width:600px"></indicator-bar>`);
    details(el).open = true;
    expect(el.getAttribute('data-srw-theme')).to.contain('dark');
    for (const ratio of readable(el)) expect(ratio).to.be.at.least(4.5);
    await expect(el).to.be.accessible();
  });

  it('forced colours: the message is in system colours, the summary keeps a visible focus outline', async () => {
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    const el = await widget(CASES[2].render('en'));
    details(el).open = true;
    for (const ratio of readable(el)) expect(ratio).to.be.at.least(4.5);
    const summary = details(el).querySelector('summary')!;
    summary.focus();
    await sendKeys({ press: 'Shift' }); // a key press makes :focus-visible apply, as for a keyboard user
    const outline = getComputedStyle(summary);
    expect(outline.outlineStyle).to.equal('solid');
    expect(parseFloat(outline.outlineWidth)).to.be.at.least(2);
  });
});
