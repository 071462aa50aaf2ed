/**
 * The one search rule of both filters (the quarter page's and the indicators
 * page's): case, accents and curly quotes folded, every word of the query
 * somewhere in the text.
 */

/** Lower case, accents and curly quotes folded, so "cafe" finds "café" and "children's" finds "children’s". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase();
}

/** Every word of the query must appear somewhere in the (already folded) text. */
export function searchMatches(haystack: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((word) => haystack.includes(word));
}

/** How long typing must pause before the result count is read out, so each keystroke is not announced. */
export const ANNOUNCE_PAUSE_MS = 600;
