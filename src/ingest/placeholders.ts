/**
 * Text left for someone to fill in, in the spellings the template or an
 * officer might leave: "FILL IN", "Fill in:", "[fill in]", "TBC", "TBA",
 * "TBD", "TODO", "XX%", "X.X%", "[insert …]", "[…]", "???", "lorem ipsum",
 * and the template's own example reason for a correction or revision. A
 * quarter still carrying one cannot be published. Each is matched as whole
 * words (the "tbc" inside another word is not one), and the template's
 * explanatory notes ("remove the # and fill it in") are not placeholders. Pure.
 */

/** What the template (scripts/new-quarter.ts) writes where the officer must write. */
export const PLACEHOLDER = 'FILL IN';

/** The example reason the check's own revision hint gives (validate.ts): it explains nothing, so it cannot be published. */
export const TEMPLATE_REASON = 'Why the figure changed, in a sentence.';

export interface PlaceholderFound {
  /** The placeholder as written. */
  found: string;
  /** Offset of its first character. */
  index: number;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

const PATTERNS: RegExp[] = [
  // FILL IN in capitals anywhere; in other cases when it is clearly a slot: "Fill in:", "fill in …", "[fill in]".
  new RegExp(`${NOT_WORD_BEFORE}FILL[\\s-]*IN${NOT_WORD_AFTER}:?`, 'gu'),
  new RegExp(`${NOT_WORD_BEFORE}fill[\\s-]*in\\s*(?::|…|\\.\\.\\.)`, 'giu'),
  new RegExp(`[[(<]\\s*fill[\\s-]*in${NOT_WORD_AFTER}[^\\])>\\n]*[\\])>]?`, 'giu'),
  // To be confirmed, arranged, decided; a note to do something.
  new RegExp(`${NOT_WORD_BEFORE}(?:TBC|TBA|TBD)${NOT_WORD_AFTER}`, 'giu'),
  new RegExp(`${NOT_WORD_BEFORE}TODO${NOT_WORD_AFTER}`, 'gu'),
  // A figure still to come: XX, XX%, X%, X.X%, XX,XXX, £XX (one X alone is a letter, so it needs a %).
  new RegExp(`${NOT_WORD_BEFORE}[£$]?(?:X{2,}|x{2,}|X(?=[.,]?X*\\s?%)|x(?=[.,]?x*\\s?%))(?:[.,](?:X+|x+))*(?:\\s?%)?${NOT_WORD_AFTER}`, 'gu'),
  // [insert the figure], [add a sentence], [enter date], […], [...].
  /\[\s*(?:insert|add|enter|type|write)\b[^\]\n]*\]?/giu,
  /\[\s*(?:…|\.{3})\s*\]/gu,
  /\?{3,}/gu,
  /\blorem\s+ipsum\b/giu,
];

/** Every placeholder in a piece of text (a line), in order, overlapping matches merged. */
export function findPlaceholders(text: string): PlaceholderFound[] {
  const found: { index: number; end: number }[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) found.push({ index: match.index, end: match.index + match[0].length });
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const merged: { index: number; end: number }[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.index < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map(({ index, end }) => ({ index, found: text.slice(index, end).trim() }));
}

/** Words alone, for comparing sentences whatever their case, spacing and final full stop. */
const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Is this correction's or revision's reason still the template's example? (A placeholder in it is found like any other.) */
export function isTemplateReason(reason: string): boolean {
  return words(reason) === words(TEMPLATE_REASON);
}
