import { expect } from '@open-wc/testing';
import { areaById, matchArea, sozialraeume } from '../src/core/areas.js';
import { formatDate, formatNumber, formatValue, isValidDate, parseLocaleNumber, readLocaleNumber } from '../src/core/format.js';
import { isMissingCell } from '../src/core/table-input.js';
import { langOf, resolveLocale } from '../src/core/i18n.js';
import { wrapText, textWidth } from '../src/core/text-measure.js';
import { sourceLineText } from '../src/core/source-line.js';

describe('number formatting', () => {
  // Pseudo-random but repeatable values across magnitudes, signs and awkward binary fractions.
  const values: number[] = [0, -0, 1, -1, 0.5, 1.005, 2.675, 39.9, 17.3, 12040, 602713, 5983900, -335678, 0.045, 999.995, 1e-7, 123456789.125];
  let seed = 7;
  for (let i = 0; i < 3000; i++) {
    seed = (seed * 16807) % 2147483647;
    const magnitude = 10 ** ((seed % 13) - 4);
    values.push(((seed / 2147483647) * 2 - 1) * magnitude);
    values.push(Math.round((seed / 2147483647) * 1000) / 10);
  }

  for (const [locale, tag] of [['de', 'de-DE'], ['en', 'en-GB'], ['en-US', 'en-US']] as const) {
    it(`formats exactly like Intl.NumberFormat(${tag}) — plain, fixed decimals and percent`, () => {
      const plain = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
      const one = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
      // One deliberate difference: a value that rounds to zero is "0", where Intl writes "-0".
      const intl = (s: string) => s.replace(/^-(?=0(\D0*)?(\D?%)?$)/, '');
      for (const v of values) {
        expect(formatNumber(v, locale), `${v}`).to.equal(intl(plain.format(v)));
        expect(formatNumber(v, locale, 1), `${v}`).to.equal(intl(one.format(v)));
        expect(formatValue(v, locale, langOf(locale), { unit: '%', decimals: 1 }), `${v} %`).to.equal(intl(percent.format(v / 100)));
      }
    });
  }

  it('writes "39,9 %" and "12.040" in German, "39.9%" and "12,040" in English', () => {
    expect(formatValue(39.9, 'de', 'de', { unit: '%', decimals: 1 })).to.equal('39,9\u00a0%');
    expect(formatNumber(12040, 'de')).to.equal('12.040');
    expect(formatValue(39.9, 'en', 'en', { unit: '%', decimals: 1 })).to.equal('39.9%');
    expect(formatNumber(12040, 'en')).to.equal('12,040');
    expect(formatValue(24, 'de', 'de', { unit: { de: 'Arbeitsplätze', en: 'jobs' } })).to.equal('24\u00a0Arbeitsplätze');
    expect(formatValue(24, 'en', 'en', { unit: { de: 'Arbeitsplätze', en: 'jobs' } })).to.equal('24\u00a0jobs');
  });

  it('uses Intl for other locales', () => {
    expect(formatNumber(12040.5, 'fr')).to.equal(new Intl.NumberFormat('fr').format(12040.5));
    expect(formatNumber(12040.5, 'de-CH')).to.equal(new Intl.NumberFormat('de-CH').format(12040.5));
  });

  it('reads numbers as typed in a table', () => {
    expect(parseLocaleNumber('39,9 %', 'de')).to.equal(39.9);
    expect(parseLocaleNumber('12.040', 'de')).to.equal(12040);
    expect(parseLocaleNumber('12,040.5', 'en')).to.equal(12040.5);
    expect(parseLocaleNumber('−5,5', 'de')).to.equal(-5.5);
    expect(parseLocaleNumber('abc', 'de')).to.equal(undefined);
    // A point that cannot be German thousands grouping is a decimal point (spreadsheet exports).
    expect(parseLocaleNumber('39.9 %', 'de')).to.equal(39.9);
    expect(parseLocaleNumber('1.234.567', 'de')).to.equal(1234567);
    expect(parseLocaleNumber('1.234,5', 'de')).to.equal(1234.5);
  });
});

describe('numbers typed in a table, in German and English', () => {
  // [typed, German reading, English reading]; undefined = not a number.
  const cases: Array<[string, number | undefined, number | undefined]> = [
    // A separator not followed by exactly three digits cannot group thousands: a decimal mark in both.
    ['39,9', 39.9, 39.9],
    ['39,9 %', 39.9, 39.9],
    ['39.9', 39.9, 39.9],
    ['39.9%', 39.9, 39.9],
    ['39,95 %', 39.95, 39.95],
    ['12,0405', 12.0405, 12.0405],
    ['0,040', 0.04, 0.04], // a leading 0 is no thousands group
    ['1234,567', 1234.567, 1234.567], // four digits before: no thousands group
    [',5', 0.5, 0.5],
    // Both marks: the last one is the decimal mark.
    ['1,234.5', 1234.5, 1234.5],
    ['1.234,5', 1234.5, 1234.5],
    ['12,040.5', 12040.5, 12040.5],
    ['1.234.567,89', 1234567.89, 1234567.89],
    // One mark, repeated: grouping.
    ['1.234.567', 1234567, 1234567],
    ['1,234,567', 1234567, 1234567],
    // Truly ambiguous — one separator, three digits after one to three: the language decides.
    ['12,040', 12.04, 12040],
    ['12.040', 12040, 12.04],
    ['1.204', 1204, 1.204],
    ['1,204', 1.204, 1204],
    // Signs: hyphen, Unicode minus, en dash.
    ['−3,2', -3.2, -3.2],
    ['-3.2', -3.2, -3.2],
    ['–3,2 %', -3.2, -3.2],
    ['− 12.040', -12040, -12.04],
    ['+5', 5, 5],
    // Space, no-break space and narrow no-break space group thousands; then the mark is decimal.
    ['1 234,5', 1234.5, 1234.5],
    ['1\u00a0234,5', 1234.5, 1234.5],
    ['1\u202f234,5', 1234.5, 1234.5],
    ['1\u202f234.5', 1234.5, 1234.5],
    ['12 040', 12040, 12040],
    ['1 234 567', 1234567, 1234567],
    ['602\u00a0713 €', 602713, 602713],
    // A trailing mark (a German ordinal rank "1.") is ignored.
    ['1.', 1, 1],
    // Integers.
    ['12040', 12040, 12040],
    ['0', 0, 0],
    // Not numbers: missing-value words, broken grouping, text.
    ['', undefined, undefined],
    ['–', undefined, undefined],
    ['-', undefined, undefined],
    ['k. A.', undefined, undefined],
    ['abc', undefined, undefined],
    ['12,34.5', undefined, undefined],
    ['1.23.456', undefined, undefined],
    ['1,234.5.6', undefined, undefined],
    ['1.234,5,6', undefined, undefined],
    ['12 34', undefined, undefined],
    ['12–15', undefined, undefined],
    ['3 Personen', undefined, undefined],
  ];
  for (const [typed, de, en] of cases) {
    it(`reads "${typed}" as ${de} in German and ${en} in English`, () => {
      expect(parseLocaleNumber(typed, 'de'), 'de').to.equal(de);
      expect(parseLocaleNumber(typed, 'en'), 'en').to.equal(en);
      expect(parseLocaleNumber(typed, 'en-GB'), 'en-GB').to.equal(en);
    });
  }

  it('says which decimal mark a string proves, and when it is ambiguous', () => {
    expect(readLocaleNumber('39,9', 'en')).to.deep.equal({ value: 39.9, decimals: 1, mark: ',' });
    expect(readLocaleNumber('39,90', 'en')).to.deep.equal({ value: 39.9, decimals: 2, mark: ',' });
    expect(readLocaleNumber('1,234.5', 'de')).to.deep.equal({ value: 1234.5, decimals: 1, mark: '.' });
    expect(readLocaleNumber('1.234.567', 'en')?.mark).to.equal(',');
    expect(readLocaleNumber('12040', 'de')).to.deep.equal({ value: 12040, decimals: 0 });
    expect(readLocaleNumber('12,040', 'de')).to.deep.equal({ value: 12.04, decimals: 3, ambiguous: { grouped: 12040, decimal: 12.04 } });
    expect(readLocaleNumber('12,040', 'en')).to.deep.equal({ value: 12040, decimals: 0, ambiguous: { grouped: 12040, decimal: 12.04 } });
    expect(readLocaleNumber('12.040', 'de')).to.deep.equal({ value: 12040, decimals: 0, ambiguous: { grouped: 12040, decimal: 12.04 } });
  });

  it('treats "–", "" and "k. A." as missing (keine Angabe), not as a number or a problem', () => {
    for (const s of ['', '–', '—', '-', 'k. A.', 'k.A.', 'keine Angabe', 'n/a', ' – ']) expect(isMissingCell(s), s).to.equal(true);
    for (const s of ['0', '39,9', '−3,2', '-3.2']) expect(isMissingCell(s), s).to.equal(false);
  });
});

describe('dates as precise as the source', () => {
  it('formats year, month and day like Intl in German and English', () => {
    expect(formatDate('2001', 'de')).to.equal('2001');
    expect(formatDate('2020-12', 'de')).to.equal(new Intl.DateTimeFormat('de-DE', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2020, 11, 1)));
    expect(formatDate('2020-12', 'de')).to.equal('Dezember 2020');
    expect(formatDate('2023-12-31', 'de')).to.equal('31.12.2023');
    expect(formatDate('2020-12', 'en')).to.equal('December 2020');
    expect(formatDate('2023-12-31', 'en')).to.equal(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2023, 11, 31)));
    for (let m = 1; m <= 12; m++) {
      const s = `2014-${String(m).padStart(2, '0')}`;
      expect(formatDate(s, 'de')).to.equal(new Intl.DateTimeFormat('de-DE', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2014, m - 1, 1)));
      expect(formatDate(`${s}-09`, 'de')).to.equal(new Intl.DateTimeFormat('de-DE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2014, m - 1, 9)));
    }
  });

  it('rejects impossible dates', () => {
    expect(isValidDate('2021-02-30')).to.equal(false);
    expect(isValidDate('2020-13')).to.equal(false);
    expect(isValidDate('2020-02-29')).to.equal(true);
    expect(isValidDate('20-1-1')).to.equal(false);
  });
});

describe('area names and aliases', () => {
  // Every spelling in the two charts of seed 000 (as printed, PDF artefacts included).
  const printed = [
    'Bodelschw ingh/Westerfilde', 'Mengede/Oestrich/Schw hs', 'Barop/Brünninghsn./Hombr.', 'Brechten/Holthsn.',
    'Eichlingh./Menglgh./Perseb.', 'Benning-/Wellinghf./Hach.', 'Kirchhörde/Löttringh./Lückl.', '(Kirch-)Derne/Hostedde',
    'Kirchhörde/Löttringh./ Lücklemberg', 'Benningh./Hacheney/ Wellingh./Wichlingh.', 'Barop/Brünning./ Hombruch',
    'Mengede/Oestrich/ Schwieringhausen', 'Lindenhorst/Eving II', 'Eving I /Kemminghausen', 'Kurl/Husen/Lanstrop',
    'Jungferntal/Kirchlinde', 'Holzen/Syburg', 'Menglinghausen', 'Derne/Hostedde/Kirchderne', 'Südl. Gartenstadt/Ruhrallee',
  ];
  it('matches every spelling printed in the seed charts', () => {
    for (const name of printed) expect(matchArea(name, 'sozialraum'), name).to.not.equal(undefined);
  });

  it('has 39 Sozialräume in 12 Stadtbezirke with 13 Aktionsräume (2008)', () => {
    const all = sozialraeume();
    expect(all).to.have.length(39);
    expect(new Set(all.map((a) => a.stadtbezirk)).size).to.equal(12);
    expect(all.filter((a) => a.aktionsraum2008)).to.have.length(13);
  });

  it('tells the Sozialraum Hörde from the Stadtbezirk Hörde', () => {
    expect(matchArea('Hörde', 'sozialraum')!.level).to.equal('sozialraum');
    expect(matchArea('Hörde', 'stadtbezirk')!.level).to.equal('stadtbezirk');
    expect(matchArea('Stadtbezirk Hörde', 'sozialraum')!.id).to.equal('stadtbezirk-hoerde');
    expect(matchArea('Hoerde', 'sozialraum')!.id).to.equal('hoerde');
    expect(matchArea('Gesamtstadt', 'sozialraum')!.id).to.equal('dortmund');
    expect(matchArea('nordstadt', 'stadtbezirk')!.id).to.equal('stadtbezirk-innenstadt-nord');
    expect(areaById('nordmarkt')!.stadtbezirk).to.equal('stadtbezirk-innenstadt-nord');
    expect(matchArea('Atlantis', 'sozialraum')).to.equal(undefined);
  });
});

describe('locale of a widget', () => {
  it('uses its own lang, else the nearest ancestor, else German — also across shadow roots', () => {
    const host = document.createElement('div');
    host.lang = 'en';
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    document.body.append(host);
    expect(resolveLocale(inner)).to.equal('en');
    inner.lang = 'de-DE';
    expect(resolveLocale(inner)).to.equal('de-DE');
    const orphan = document.createElement('span');
    expect(resolveLocale(orphan)).to.equal('de');
    host.remove();
  });
});

describe('text wrapping', () => {
  const font = '400 16px sans-serif';
  it('keeps short names on one line and wraps long ones after slashes', () => {
    expect(wrapText('Nette', 200, font).lines).to.deep.equal(['Nette']);
    const long = wrapText('Kirchhörde/Löttringhausen/Lücklemberg', 150, font);
    expect(long.lines.length).to.equal(2);
    expect(long.lines[0].endsWith('/')).to.equal(true);
    for (const line of long.lines) expect(textWidth(line, font)).to.be.at.most(150);
  });
  it('cuts what does not fit into the lines with an ellipsis', () => {
    const cut = wrapText('Sozialversicherungspflichtig Beschäftigte mit akademischer Ausbildung', 120, font, 2);
    expect(cut.truncated).to.equal(true);
    expect(cut.lines[cut.lines.length - 1].endsWith('…')).to.equal(true);
    for (const line of cut.lines) expect(textWidth(line, font)).to.be.at.most(120);
  });
});

describe('source line of image downloads', () => {
  const src = (publisher: string, unverified = false) => ({ publisher, title: `Bericht ${publisher}`, date: '2014', unverified });
  it('keeps the "nicht bestätigt" mark when four or more sources are shortened to their publishers', () => {
    const info = { sources: [src('Stadt Dortmund'), src('Landtag NRW'), src('Partei X', true), src('Deutscher Städtetag')], stichtage: ['2014-08-31'] };
    const de = sourceLineText(info, 'de', 'de-DE', true);
    expect(de).to.contain('Partei X (nicht bestätigt');
    expect(de).not.to.contain('Stadt Dortmund (nicht');
    expect(sourceLineText(info, 'en', 'en-GB', 'brief')).to.contain('Partei X (unverified');
  });
});
