/**
 * The one search rule of both filters (the quarter page's and the indicators page's), written for residents'
 * words (#23): whole words, not fragments ("care" never finds "childcare"); light stemming ("leaver" finds
 * "leavers", "fostering" finds "foster"); phrases and other words for the same thing from site.yaml's
 * `synonyms` ("looked after" finds children in care); every idea in the query must be found; results ranked
 * by where they were found (title, then the dashboard's names, then the definition), with the words that matched.
 * Pure, so it is unit-tested with residents' queries (test/search.test.ts).
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

/** Irregular forms a resident may use for a word the indicators use. */
const IRREGULAR: Record<string, string> = { children: 'child', people: 'person', yrs: 'year', mths: 'month' };

/** A word's stem: plurals, "-ing", "-ed" and a final "e" taken off, so "leavers", "leaving" and "leave" meet. */
export function stem(word: string): string {
  let w = word.replace(/'s?$/, '');
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|shes|ches|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The words of a text, as written (for showing) and as stems (for matching). */
export function words(text: string): { shown: string; stem: string }[] {
  return (fold(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []).map((shown) => ({ shown, stem: stem(shown) }));
}

/** Words that carry no meaning alone; a query of only these finds nothing rather than everything. */
const STOP = new Set(['a', 'an', 'and', 'are', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'is', 'it', 'many', 'of', 'on', 'or', 'the', 'their', 'to', 'what', 'who', 'with', 'many', 'much', 'number', 'figure', 'about']);

/** One entry of site.yaml's `synonyms`: a resident's word or phrase, and what it also means on this site. */
export interface Synonym {
  term: string;
  means: string[];
}

/** What a search looks through for one indicator, field by field (a field's weight ranks its matches). */
export interface SearchDoc {
  id: string;
  title: string;
  /** The dashboard's name, the names the data files used, its other spellings. */
  names: string;
  definition: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The words of the indicator that matched, as written, in order of the query. */
  matched: string[];
}

const WEIGHTS = { title: 3, names: 2, definition: 1 } as const;
type Field = keyof typeof WEIGHTS;

/** A concept of the query: any one of its phrases (each a sequence of stems) must be found. */
type Concept = string[][];

/** The query's concepts: synonym phrases found in it (longest first), then each other meaningful word. */
export function concepts(query: string, synonyms: readonly Synonym[]): Concept[] {
  const tokens = words(query).map((word) => word.stem);
  const used = new Array<boolean>(tokens.length).fill(false);
  const found: Concept[] = [];
  const phrases = synonyms
    .map((synonym) => ({ stems: words(synonym.term).map((word) => word.stem), means: synonym.means.map((mean) => words(mean).map((word) => word.stem)) }))
    .sort((a, b) => b.stems.length - a.stems.length);
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.stems.length <= tokens.length; i++) {
      const span = tokens.slice(i, i + phrase.stems.length);
      if (span.every((token, j) => token === phrase.stems[j] && !used[i + j])) {
        for (let j = 0; j < span.length; j++) used[i + j] = true;
        found.push([phrase.stems, ...phrase.means]);
      }
    }
  }
  tokens.forEach((token, i) => {
    if (!used[i] && !STOP.has(token)) found.push([[token]]);
  });
  return found;
}

/** Where a phrase (a sequence of stems) occurs in a field's words: the words it covers, or null. */
function findPhrase(fieldWords: readonly { shown: string; stem: string }[], phrase: readonly string[]): string[] | null {
  for (let i = 0; i + phrase.length <= fieldWords.length; i++) {
    if (phrase.every((stem, j) => fieldWords[i + j]!.stem === stem)) return fieldWords.slice(i, i + phrase.length).map((word) => word.shown);
  }
  return null;
}

/**
 * The indicators a query finds, best first (ties keep the documents' order). Every concept of the query must
 * be found somewhere in the indicator; its score adds, for each concept, the weight of the best field it was found in.
 */
export function search(query: string, docs: readonly SearchDoc[], synonyms: readonly Synonym[] = []): SearchHit[] {
  const wanted = concepts(query, synonyms);
  if (wanted.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const fields = (Object.keys(WEIGHTS) as Field[]).map((field) => ({ weight: WEIGHTS[field], words: words(doc[field]) }));
    let score = 0;
    const matched: string[] = [];
    let all = true;
    for (const concept of wanted) {
      let best: { weight: number; shown: string[] } | null = null;
      for (const field of fields) {
        for (const phrase of concept) {
          const shown = findPhrase(field.words, phrase);
          if (shown && (!best || field.weight > best.weight)) best = { weight: field.weight, shown };
        }
      }
      if (!best) {
        all = false;
        break;
      }
      score += best.weight;
      matched.push(best.shown.join(' '));
    }
    if (all) hits.push({ id: doc.id, score, matched: [...new Set(matched)] });
  }
  return hits.map((hit, order) => ({ hit, order })).sort((a, b) => b.hit.score - a.hit.score || a.order - b.order).map(({ hit }) => hit);
}

/** How long typing must pause before the result count is read out, so each keystroke is not announced. */
export const ANNOUNCE_PAUSE_MS = 600;
