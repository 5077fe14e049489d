import { msg, type Lang, type MessageKey } from './i18n.js';

/**
 * Something wrong with a widget's input. Problems are kept language-neutral (a message key and its
 * arguments) so the same problem reads in German or English, whatever `lang` the widget has when drawn.
 * `error` means nothing can be drawn; `warning` means the valid part is drawn and the rest is named.
 */
export interface Problem {
  severity: 'error' | 'warning';
  key: MessageKey;
  /** Arguments of the message; a nested `{ key }` is itself translated (e.g. "eine Zahl"). */
  args: Array<string | number | { key: MessageKey }>;
}

export function problem(key: MessageKey, ...args: Problem['args']): Problem {
  return { severity: 'error', key, args };
}

export function warning(key: MessageKey, ...args: Problem['args']): Problem {
  return { severity: 'warning', key, args };
}

/** The same problem as a warning (the valid rest is drawn) or as an error (nothing can be drawn). */
export const asWarning = (p: Problem): Problem => ({ ...p, severity: 'warning' });
export const asError = (p: Problem): Problem => ({ ...p, severity: 'error' });

/** What was loaded is not a JSON object (a list, a bare value, a table where a file is needed). */
export const notAnObject = (): Problem => problem('p_type', { key: 'fileRoot' }, { key: 'expected_object' });

export function problemText(p: Problem, lang: Lang): string {
  const args = p.args.map((a) => (typeof a === 'object' ? msg(lang, a.key as never) : a));
  return (msg as (l: Lang, k: MessageKey, ...a: unknown[]) => string)(lang, p.key, ...args);
}

/**
 * A missing chart, told to a reader in plain words: the problem keys behind each of a few reasons. A key
 * not listed (bad JSON, a field against the schema, no valid entry left) means the data are faulty. The
 * technical text is for the editors (the console and the message's details).
 */
const READER_REASONS: Array<[MessageKey, string]> = [
  ['why_notFound', 'p_http p_network p_fileProtocol'],
  ['why_noData', 'p_noData p_jsonEmpty p_emptyTable p_noMilestones'],
  ['why_wrongKind', 'p_notTimeseries p_notMilestones net_notNetworks p_mapNeedsAreas p_geoFormat p_geoEmpty p_tableNeeds'],
  ['why_selection', 'p_unknownIndicator net_unknownNetwork p_noPointsInPeriod'],
];

/** The reader's reason (a message key) for a problem that stops a chart from being drawn. */
export const readerReason = (p: Problem): MessageKey =>
  READER_REASONS.find(([, keys]) => keys.split(' ').includes(p.key))?.[0] ?? 'why_broken';

/** Thrown inside a data pipeline to stop with one or more problems; caught by the widget. */
export class DataProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => problemText(p, 'de')).join(' '));
  }
}

/** A plain object (not null, not a list): what a raw data file's parts must be before fields are read. */
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `values[3].value` from a path of keys and indices. */
export function pathString(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

/** An entry left out, as a message lists it: `milestones[3] („Title“)`, or only the path without a name. */
export const entryName = (path: ReadonlyArray<string | number>, name: unknown): string =>
  `${pathString(path)}${typeof name === 'string' && name ? ` („${name}“)` : ''}`;
