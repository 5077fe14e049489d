import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from './format.js';
import { msg, pickText, type Lang } from './i18n.js';
import type { Source, Sources } from './schema.js';
import { isWebAddress } from './schema-parts.js';

/**
 * The source line every chart shows: "Quelle: Publisher, Title (Datum), via … · Stand: Dezember 2020".
 * Returned both as a template (with links) and as plain text (for CSV and image downloads).
 */

export interface SourceInfo {
  sources: Source[];
  /** Stichtag(e) of the shown values; several are listed in order. */
  stichtage: string[];
  stichtagNote?: string;
}

export function asList(sources: Sources | undefined): Source[] {
  if (!sources) return [];
  return Array.isArray(sources) ? sources : [sources];
}

/** Sources in order of first appearance, without repeats (same title and date). */
export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.publisher ?? ''}|${s.title}|${s.date ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sourceText(s: Source, lang: Lang, locale: string): { lead: string; title: string; tail: string } {
  const lead = s.publisher ? `${s.publisher}: ` : '';
  const tailParts: string[] = [];
  if (s.date) tailParts.push(formatDate(s.date, locale));
  if (s.via) tailParts.push(`${msg(lang, 'via')} ${s.via}`);
  if (s.unverified) tailParts.push(msg(lang, 'flag_unverified'));
  if (s.note) tailParts.push(pickText(s.note, lang));
  return { lead, title: s.title, tail: tailParts.length ? `, ${tailParts.join(', ')}` : '' };
}

/** With more sources than this, the line names the publishers and the full list opens on demand. */
const COMPACT_FROM = 4;

/** Publishers named in a brief line (a chart fitted into a slide); the rest are counted. */
const BRIEF_PUBLISHERS = 3;

/**
 * The source line as plain text: every source in full (CSV), or, with `compact`, as the page shows it —
 * from four sources on the publishers only (image downloads, where a dozen documents would bury the chart);
 * 'brief': only the first three publishers and how many more (a slide, where 40 publishers would take
 * half of it; the full list opens below the line).
 */
export function sourceLineText(info: SourceInfo, lang: Lang, locale: string, compact?: boolean | 'brief'): string {
  const sources = uniqueSources(info.sources);
  const label = msg(lang, sources.length > 1 ? 'sources' : 'source');
  // A publisher stands for its documents: an unverified one keeps its mark (image downloads show only this line).
  const publishers = [...new Set(sources.map((s) => `${s.publisher ?? s.title}${s.unverified ? ` (${msg(lang, 'flag_unverified')})` : ''}`))];
  const more = publishers.length - BRIEF_PUBLISHERS;
  const list = !sources.length
    ? msg(lang, 'noSource')
    : compact && sources.length >= COMPACT_FROM
      ? // The publishers, each once, stand for the long list.
        compact === 'brief' && more > 0
        ? `${publishers.slice(0, BRIEF_PUBLISHERS).join('; ')} ${msg(lang, 'morePublishers', more)}`
        : publishers.join('; ')
      : sources
          .map((s) => {
            const t = sourceText(s, lang, locale);
            return `${t.lead}${t.title}${t.tail}`;
          })
          .join('; ');
  return `${label}: ${list}${standText(info, lang, locale)}`;
}

function standText(info: SourceInfo, lang: Lang, locale: string): string {
  const dates = [...new Set(info.stichtage)].map((d) => formatDate(d, locale));
  const note = info.stichtagNote ? ` (${info.stichtagNote})` : '';
  return ` · ${msg(lang, 'stand')}: ${dates.length ? dates.join(', ') : msg(lang, 'noValue')}${note}`;
}

/**
 * `list`: whether the full list (from four sources on, in a closed <details>) is drawn yet, and how to
 * ask for it. A timeline cites some 65 documents: drawing them only when the reader opens the list
 * keeps them out of the first render. The click on the summary runs before the browser opens it, so
 * the list is there when it opens; `toggle` covers opening by find-in-page or script.
 */
export function renderSourceLine(info: SourceInfo, lang: Lang, locale: string, list: { shown: boolean; show: () => void }, brief = false): TemplateResult {
  const sources = uniqueSources(info.sources);
  const label = msg(lang, sources.length > 1 ? 'sources' : 'source');
  const full = (s: Source) => {
    const t = sourceText(s, lang, locale);
    // Links were checked with the data (dropBadSourceLinks); a source handed over some other way is checked here too.
    return html`${t.lead}${isWebAddress(s.url) ? html`<a href=${s.url} rel="noopener noreferrer">${t.title}</a>` : t.title}${t.tail}`;
  };
  if (sources.length >= COMPACT_FROM) {
    // A time series can cite a dozen documents with long notes: at 320 px that would bury the chart.
    return html`${sourceLineText(info, lang, locale, brief ? 'brief' : true)}
      <details class="all-sources" @toggle=${list.show}>
        <summary @click=${list.show}>${msg(lang, 'allSources', sources.length)}</summary>
        <ol>
          ${list.shown ? sources.map((s) => html`<li>${full(s)}</li>`) : nothing}
        </ol>
      </details>`;
  }
  return html`${label}:
    ${sources.length ? sources.map((s, i) => html`${i ? '; ' : nothing}${full(s)}`) : msg(lang, 'noSource')}${standText(info, lang, locale)}`;
}
