/**
 * Figures typed into a piece of text that should only state figures through
 * figure tags (the commentary's `summary`). A person reading the summary takes
 * "４８%", "1509" and "forty-eight per cent" as figures just as they take
 * "48%": all are refused. Years of the quarter's own periods, period names,
 * the names of measures ("Progress 8") and small counts in words ("three of
 * the indicators") are not figures and stay allowed.
 *
 * Pure: text in, findings out. The caller says where the text is.
 */
import { parsePeriod } from '../core/periods.ts';

export interface TypedFigure {
  /** The figure as written, such as "48%", "1509" or "forty-eight per cent". */
  found: string;
  /** Offset of its first character in the text. */
  index: number;
  /**
   * digits: ASCII digits that are no period; unicode-digits: digits of another
   * script or form (full-width, Arabic-Indic, superscript, fractions); year: a
   * year none of the quarter's periods falls in; words: a number written in words.
   */
  kind: 'digits' | 'unicode-digits' | 'year' | 'words';
}

export interface TypedFigureOptions {
  /** The calendar years the quarter's periods fall in (see periodYears); a year outside them is a typed figure. */
  years: ReadonlySet<number>;
}

/** Names of measures that contain a digit but state no figure. Written once: the docs quote this list. */
export const MEASURE_NAMES = ['Progress 8', 'Attainment 8', 'Key Stage 1', 'Key Stage 2', 'Key Stage 3', 'Key Stage 4', 'Key Stage 5', 'KS1', 'KS2', 'KS3', 'KS4', 'KS5'];

/** The largest count that may be written in words; from twenty up, a number in words is a figure to put in with a tag. */
export const LARGEST_COUNT_IN_WORDS = 19;

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

const isNumberWord = (word: string) => word in UNITS || word in TENS || word in SCALES;

/** Every calendar year a period falls in; a quarter also names both years of its financial year ("Q1 2024/25"). */
export function periodYears(periods: readonly { kind: string; start: string; end: string }[]): Set<number> {
  const years = new Set<number>();
  for (const period of periods) {
    const first = Number(period.start.slice(0, 4));
    const last = Number(period.end.slice(0, 4));
    for (let year = first; year <= last; year++) years.add(year);
    if (period.kind === 'quarter') {
      // Q4 (January to March) is in the second year of its financial year; the others in the first.
      const month = Number(period.start.slice(5, 7));
      years.add(month <= 3 ? first - 1 : first + 1);
    }
  }
  return years;
}

interface Token {
  /** As written, with the punctuation around it. */
  raw: string;
  text: string;
  /** Lower case, without the punctuation around it. */
  bare: string;
  index: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((match) => {
    const raw = match[0];
    const lead = /^[("'‘“[]*/u.exec(raw)![0].length;
    const inner = raw.slice(lead).replace(/[.,;:!?)"'’”\]]+$/u, '');
    return { raw, text: inner, bare: inner.toLowerCase(), index: match.index + lead };
  });
}

const hasUnicodeDigit = (text: string) => [...text].some((character) => /\p{N}/u.test(character) && !/[0-9]/.test(character));

/** Does a period (such as "2024/25", "Q1 2024/25", "Summer Term 2024") fall in the quarter's years? */
function periodInYears(label: string, years: ReadonlySet<number>): boolean | null {
  const parsed = parsePeriod(label);
  if (!parsed.ok) return null;
  const first = Number(parsed.period.start.slice(0, 4));
  const last = Number(parsed.period.end.slice(0, 4));
  for (let year = first; year <= last; year++) if (!years.has(year)) return false;
  return true;
}

export function typedFigures(text: string, options: TypedFigureOptions): TypedFigure[] {
  const found: TypedFigure[] = [];
  const words = tokens(text);
  const measureWords = MEASURE_NAMES.map((name) => name.toLowerCase().split(' '));
  /** Tokens already accounted for (part of a measure's name or of a period "Q1 2024/25"). */
  const used = new Set<number>();

  for (let i = 0; i < words.length; i++) {
    if (used.has(i)) continue;
    const word = words[i]!;
    const measure = measureWords.find((parts) => parts.every((part, offset) => words[i + offset]?.bare === part.toLowerCase()));
    if (measure) {
      for (let offset = 0; offset < measure.length; offset++) used.add(i + offset);
      continue;
    }
    if (/\p{N}/u.test(word.text)) {
      if (hasUnicodeDigit(word.text)) {
        found.push({ found: word.text, index: word.index, kind: 'unicode-digits' });
        continue;
      }
      const next = words[i + 1];
      if (/^Q[1-4]$/i.test(word.text) && next) {
        const inYears = periodInYears(`${word.text} ${next.text}`, options.years);
        if (inYears !== null) {
          used.add(i + 1);
          if (!inYears) found.push({ found: `${word.text} ${next.text}`, index: word.index, kind: 'year' });
          continue;
        }
      }
      const inYears = periodInYears(word.text, options.years);
      if (inYears === true) continue;
      found.push({ found: word.text, index: word.index, kind: inYears === false ? 'year' : 'digits' });
      continue;
    }
    const phrase = numberInWords(words, i);
    if (phrase) {
      for (let j = i; j < phrase.end; j++) used.add(j);
      if (phrase.percent || phrase.value > LARGEST_COUNT_IN_WORDS) {
        const last = words[phrase.end - 1]!;
        found.push({ found: text.slice(word.index, last.index + last.text.length), index: word.index, kind: 'words' });
      }
      i = phrase.end - 1;
    }
  }
  return found;
}

/**
 * A number written in words starting at token `start` ("forty-eight",
 * "one hundred and twenty", "five per cent"), its value, whether a percentage
 * follows, and the token after it; null when the token is no number word.
 */
function numberInWords(words: readonly Token[], start: number): { value: number; percent: boolean; end: number } | null {
  const parts = (token: Token | undefined) => (token ? token.bare.replace(/%$/, '').split(/[-‐‑–]/u) : []);
  if (!parts(words[start]).every(isNumberWord) || parts(words[start]).length === 0) return null;
  let total = 0;
  let current = 0;
  let end = start;
  for (let i = start; i < words.length; i++) {
    const pieces = parts(words[i]);
    // "and" only inside a number: "one hundred and twenty".
    if (words[i]!.bare === 'and' && i > start && parts(words[i + 1]).every(isNumberWord) && parts(words[i + 1]).length) continue;
    if (!pieces.length || !pieces.every(isNumberWord)) break;
    for (const piece of pieces) {
      if (piece in UNITS) current += UNITS[piece]!;
      else if (piece in TENS) current += TENS[piece]!;
      else if (piece === 'hundred') current = (current || 1) * 100;
      else {
        total += (current || 1) * SCALES[piece]!;
        current = 0;
      }
    }
    end = i + 1;
    if (words[i]!.bare.endsWith('%')) return { value: total + current, percent: true, end };
    // A token ending in punctuation ends the number: "three, four" are two.
    if (!/\p{L}$/u.test(words[i]!.raw)) break;
  }
  const after = words.slice(end, end + 2).map((token) => token.bare);
  const percent = after[0] === '%' || after[0] === 'percent' || (after[0] === 'per' && after[1] === 'cent') || (after[0] === 'percentage' && after[1] === 'points');
  if (percent) end += after[0] === 'per' || after[0] === 'percentage' ? 2 : 1;
  return { value: total + current, percent, end };
}

/** What the found figure is, in words, for the message. */
export function typedFigureWords(figure: TypedFigure): string {
  switch (figure.kind) {
    case 'unicode-digits':
      return `${figure.found} (digits of another script, such as full-width digits)`;
    case 'year':
      return `${figure.found} (not a year of this quarter's figures)`;
    case 'words':
      return `${figure.found} (a figure written in words)`;
    default:
      return figure.found;
  }
}
