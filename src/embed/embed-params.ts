/**
 * What the embed page (embed.html) makes of its URL: which element, which attributes with which values,
 * and what it refuses. No DOM is touched here; embed.ts draws the result.
 *
 * Every parameter must be an attribute of the chosen element; anything else is ignored (and named in the
 * console). URL-valued attributes (`src`, `geo`, `milestones`) are accepted only from the embed page's
 * own origin or from origins the host lists in `<meta name="srw-allowed-origins">`: an embed link must
 * not be able to show someone else's numbers under the city's address.
 */

/** The elements an embed may show (when the loaded library defines them). */
export const ELEMENTS = ['indicator-bar', 'sozialraum-map', 'trend-chart', 'milestone-timeline', 'network-graph', 'key-figure'];

/** Attributes every element reads itself, besides its Lit properties (`observedAttributes`). */
export const SHARED_ATTRIBUTES = ['theme', 'heading-level', 'group'];

/** Attributes that name a file the widget loads. */
export const URL_ATTRIBUTES = ['src', 'geo', 'milestones', 'sparkline'];

/** Parameters of the page itself; `lang` also sets the widget's language (it inherits the page's). */
export const PAGE_PARAMETERS = ['el', 'id', 'transparent', 'lang'];

export interface EmbedPlan {
  /** The element to create; undefined when `el` is missing or unknown (see `problem`). */
  element?: string;
  /** Attribute name and value, in the order of the URL; URL values made absolute. */
  attributes: Array<[string, string]>;
  /** Parameters that are no attribute of the element (told in the console). */
  ignored: string[];
  /** URL-valued parameters whose address is not allowed. */
  refused: Array<{ name: string; value: string }>;
  /** The page's language (`lang`, when it is a language tag) and whether the page is see-through. */
  lang?: string;
  transparent: boolean;
  /** `id`: echoed in the height messages, so a page with several iframes can tell them apart. */
  id: string | null;
  problem?: { key: 'noElement' | 'unknownElement'; name: string };
}

/**
 * The origins data may come from: the page's own and those in the meta tag's content (separated by
 * spaces or commas). Entries that are no http(s) origin are returned in `invalid`.
 */
export function allowedOrigins(pageOrigin: string, listed: string | null | undefined): { origins: string[]; invalid: string[] } {
  const origins = new Set<string>([pageOrigin]);
  const invalid: string[] = [];
  for (const entry of (listed ?? '').split(/[\s,]+/).filter(Boolean)) {
    try {
      const url = new URL(entry);
      if (!/^https?:$/.test(url.protocol)) throw new Error(entry);
      origins.add(url.origin);
    } catch {
      invalid.push(entry);
    }
  }
  return { origins: [...origins], invalid };
}

/** The absolute address when it is http(s) on an allowed origin; undefined when it is refused. */
export function allowedUrl(value: string, base: string, origins: readonly string[]): string | undefined {
  try {
    const url = new URL(value, base);
    return /^https?:$/.test(url.protocol) && origins.includes(url.origin) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * @param params the page's query parameters
 * @param attributesOf the attributes an element takes (its `observedAttributes`); undefined when it is not defined
 * @param base what relative addresses are relative to
 * @param origins where data may come from (see allowedOrigins)
 */
export function planEmbed(
  params: URLSearchParams,
  attributesOf: (element: string) => readonly string[] | undefined,
  base: string,
  origins: readonly string[],
): EmbedPlan {
  const lang = params.get('lang') ?? undefined;
  const transparent = params.has('transparent') && !/^(0|false|no)$/i.test(params.get('transparent') ?? '');
  const plan: EmbedPlan = { attributes: [], ignored: [], refused: [], transparent, id: params.get('id') };
  if (lang !== undefined) {
    if (LANGUAGE_TAG.test(lang)) plan.lang = lang;
    else plan.ignored.push('lang');
  }
  const name = params.get('el') ?? '';
  const own = ELEMENTS.includes(name) ? attributesOf(name) : undefined;
  if (!own) {
    plan.problem = { key: name ? 'unknownElement' : 'noElement', name };
    return plan;
  }
  plan.element = name;
  const allowed = new Set([...own, ...SHARED_ATTRIBUTES]);
  for (const [key, value] of params) {
    if (PAGE_PARAMETERS.includes(key)) continue;
    if (!allowed.has(key)) plan.ignored.push(key);
    else if (!URL_ATTRIBUTES.includes(key)) plan.attributes.push([key, value]);
    else {
      const url = allowedUrl(value, base, origins);
      if (url) plan.attributes.push([key, url]);
      else plan.refused.push({ name: key, value });
    }
  }
  return plan;
}
