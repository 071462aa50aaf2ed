/**
 * What the search (src/client/search.ts) looks through for an indicator, built once here for both the quarter
 * page's filter and the indicators page: the plain title, the dashboard's names, the definition.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { SearchDoc } from '../core/search.ts';

export function searchDoc(indicator: Indicator, publishedNames: readonly string[] = []): SearchDoc {
  return {
    id: indicator.id,
    title: indicator.title,
    names: [...new Set([indicator.name, ...publishedNames, ...indicator.aliases])].join(' · '),
    definition: indicator.definition,
  };
}

/** JSON safe inside a <script> element: a closing script tag or a comment opener in a definition would end or break it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
