import { isValidDate } from './format.js';
import { warning, type Problem } from './problems.js';
import { periodOf } from './time.js';

/** Attribute values the trend chart and the timeline read alike. */

/** "a b", "a, b" or "a;b" → ids (series, milestones, categories). */
export function idList(text: string | null | undefined): string[] {
  return text ? text.split(/[\s,;]+/).filter(Boolean) : [];
}

/**
 * A `from`/`to` attribute as the period it names, as precise as the editor wants ("2014" is the whole
 * year, "2014-06" June); a bad value is named in `problems` as written.
 */
export function periodAttr(name: string, text: string | null | undefined, problems: Problem[]): [number, number] | undefined {
  if (!text) return undefined;
  const p = isValidDate(text.trim()) ? periodOf(text.trim()) : undefined;
  if (!p) problems.push(warning('p_badPeriod', name, text));
  return p;
}
