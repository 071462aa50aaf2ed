/**
 * Words around figure tags that a reader would take as figures or claims about
 * them, checked against the published figures:
 *
 * - a percentage typed in the same sentence as a tag of a percentage
 *   indicator must be one of that indicator's published figures (latest,
 *   previous, target, averages) or its change; otherwise it is most likely the
 *   figure mistyped, and the message gives the tag to use. Counts ("44 of 93
 *   young people"), scores, years and names ("Progress 8") carry no % and are
 *   outside the rule;
 * - movement words right before a tag ("rose to <Value …/>") must agree with
 *   which way the figure moved, and target words ("above the target",
 *   "meeting its target") with where it stands against its target.
 *
 * Pure: a paragraph as a list of inline pieces and a lookup of each
 * indicator's figures in, findings out. Headings are never passed in, so
 * their words ("What improved") are never read as claims.
 */
import { formatDifference, formatFigure, type Figure } from '../core/format.ts';
import { meetsTarget, type Polarity, type Target } from '../core/cells.ts';
import { directionOfTravel, movement, type Direction, type Movement } from '../core/direction.ts';

/** One inline piece of a paragraph: text as the reader sees it, or a figure tag with its props (defaults filled in). */
export type InlinePiece =
  | { kind: 'text'; text: string; line?: number; column?: number; /** Where later parts start, when pieces were joined. */ parts?: readonly { offset: number; line?: number; column?: number }[] }
  | { kind: 'tag'; component: string; props: Readonly<Record<string, string>>; line?: number; column?: number };

/**
 * Inline content as the commentary tree holds it (src/core/commentary-tree.ts's
 * Inline): text, emphasis, strong, links, code, breaks and figure tags.
 */
export type TreeInline =
  | { kind: 'text' | 'code'; value: string; line?: number; column?: number }
  | { kind: 'emphasis' | 'strong' | 'link'; children: readonly TreeInline[] }
  | { kind: 'break' }
  | { kind: 'figure'; component: string; props: Readonly<Record<string, string>>; line: number; column: number };

/** A paragraph of the commentary tree as the pieces the rules read: the words a reader reads, and the tags. */
export function piecesFromInlines(inlines: readonly TreeInline[]): InlinePiece[] {
  return inlines.flatMap((node): InlinePiece[] => {
    switch (node.kind) {
      case 'text':
      case 'code':
        return [{ kind: 'text', text: node.value, line: node.line, column: node.column }];
      case 'break':
        return [{ kind: 'text', text: '\n' }];
      case 'figure':
        return [{ kind: 'tag', component: node.component, props: node.props, line: node.line, column: node.column }];
      default:
        return piecesFromInlines(node.children);
    }
  });
}

/** Blocks as the commentary tree holds them (src/core/commentary-tree.ts's Block). */
export type TreeBlock =
  | { kind: 'paragraph'; children: readonly TreeInline[] }
  | { kind: 'heading'; children: readonly TreeInline[] }
  | { kind: 'list'; items: readonly (readonly TreeBlock[])[] }
  | { kind: 'blockquote'; children: readonly TreeBlock[] }
  | { kind: 'figure' };

/** The findings of every paragraph of a commentary body, in lists and quotes too; headings are never read. */
export function checkCommentarySentences(blocks: readonly TreeBlock[], lookup: FigureLookup): SentenceFinding[] {
  return blocks.flatMap((block): SentenceFinding[] => {
    switch (block.kind) {
      case 'paragraph':
        return checkFigureSentences(piecesFromInlines(block.children), lookup);
      case 'list':
        return block.items.flatMap((item) => checkCommentarySentences(item, lookup));
      case 'blockquote':
        return checkCommentarySentences(block.children, lookup);
      default:
        return [];
    }
  });
}

/** What is published for one indicator this quarter. */
export interface FigureFacts {
  unit: 'percent' | 'count' | 'score';
  polarity: Polarity;
  latest: Figure | null;
  previous: Figure | null;
  target: (Figure & { comparison: 'above' | 'below' | 'at least' | 'at most' | null }) | null;
  averages: { neighbours: Figure | null; england: Figure | null };
  /** Which way the value moved (null without two figures), and whether that is better. */
  movement: Movement | null;
  direction: Direction | null;
  /** Whether the latest figure meets the target; null with no target or no figure. */
  targetMet: boolean | null;
}

export type FigureLookup = (id: string) => FigureFacts | undefined;

/** An indicator's published figures, as a data file row gives them (the shape of QuarterIndicator). */
export interface PublishedRow {
  latest: { figure: Figure | null };
  previous: { figure: Figure | null } | null;
  target: Target | null;
  statisticalNeighbourAverage: Figure | null;
  englandAverage: Figure | null;
}

/** The facts the sentence rules read, from an indicator's unit and polarity and its row. */
export function figureFacts(indicator: { unit: FigureFacts['unit']; polarity: Polarity }, row: PublishedRow): FigureFacts {
  const latest = row.latest.figure;
  const previous = row.previous?.figure ?? null;
  return {
    unit: indicator.unit,
    polarity: indicator.polarity,
    latest,
    previous,
    target: row.target,
    averages: { neighbours: row.statisticalNeighbourAverage, england: row.englandAverage },
    movement: latest && previous ? movement(previous.value, latest.value) : null,
    direction: directionOfTravel(previous?.value ?? null, latest?.value ?? null, indicator.polarity),
    targetMet: row.target && latest ? meetsTarget(latest.value, row.target, indicator.polarity) : null,
  };
}

export interface SentenceFinding {
  /** Where to point: the piece the finding is about. */
  line?: number;
  column?: number;
  found: string;
  expected: string;
  hint: string;
}

/** Tags whose `of` names an indicator (Count's `of` names a count). */
const INDICATOR_TAGS = new Set(['Value', 'Period', 'Change', 'Direction', 'Target', 'Rag', 'Quartile', 'Average', 'Indicator', 'Chart']);

/** Where a new sentence starts: a full stop, ! or ? and a space, before a capital, a digit or a tag (never the point in 2.8%). */
const SENTENCE_END = /[.!?]["'’”)]*\s+(?=["'‘“(]*[\p{Lu}\p{N}<]|$)/gu;

/**
 * The paragraph cut into sentences. A text piece is split where a sentence
 * ends; tags stay whole. Abbreviations such as "e.g." do not end a sentence.
 */
export function sentences(pieces: readonly InlinePiece[]): InlinePiece[][] {
  const result: InlinePiece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind === 'tag') {
      result.at(-1)!.push(piece);
      continue;
    }
    let from = 0;
    for (const match of piece.text.matchAll(SENTENCE_END)) {
      const before = piece.text.slice(0, match.index);
      if (/\b(?:e\.g|i\.e|etc|approx|no|vs|cf)$/i.test(before)) continue;
      const end = match.index + match[0].length;
      result.at(-1)!.push(textPart(piece, from, end));
      result.push([]);
      from = end;
    }
    if (from < piece.text.length) result.at(-1)!.push(textPart(piece, from, piece.text.length));
  }
  return result.filter((sentence) => sentence.length > 0);
}

/** Part of a text piece, with the line and column of its first character. */
function textPart(piece: Extract<InlinePiece, { kind: 'text' }>, from: number, to: number): InlinePiece {
  const parts = (piece.parts ?? []).filter((part) => part.offset > from && part.offset < to).map((part) => ({ ...part, offset: part.offset - from }));
  return { kind: 'text', text: piece.text.slice(from, to), ...positionIn(piece, from), ...(parts.length ? { parts } : {}) };
}

/** Neighbouring text pieces (split by emphasis or a link) joined, so "*rose* to" reads as the words it is. */
function joinText(pieces: readonly InlinePiece[]): InlinePiece[] {
  const joined: InlinePiece[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (piece.kind === 'text' && last?.kind === 'text') {
      const parts = [...(last.parts ?? []), { offset: last.text.length, line: piece.line, column: piece.column }];
      joined[joined.length - 1] = { ...last, text: last.text + piece.text, parts };
    } else joined.push(piece);
  }
  return joined;
}

function positionIn(piece: Extract<InlinePiece, { kind: 'text' }>, offset: number): { line?: number; column?: number } {
  // In joined text, count from the start of the part the offset is in.
  const part = [...(piece.parts ?? [])].reverse().find((candidate) => candidate.offset <= offset);
  if (part && part.offset > 0) return positionIn({ kind: 'text', text: piece.text.slice(part.offset), line: part.line, column: part.column }, offset - part.offset);
  if (piece.line === undefined) return {};
  const before = piece.text.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  // After a soft line break the column counts from the line's start (indentation is not in the text).
  return newlines === 0 ? { line: piece.line, column: (piece.column ?? 1) + offset } : { line: piece.line + newlines, column: before.length - before.lastIndexOf('\n') };
}

/** A percentage typed in text: "47.3%", "47.3 %", "47.3 per cent", "47.3 percent", or a change "4.8 percentage points". */
const TYPED_PERCENT = /(?<![\p{L}\p{N}.,])([-−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s?(%|per\s?cent\b|percentage\s+points?\b)/giu;

/** The tag that shows each published figure, for the message. */
function tagsFor(id: string, facts: FigureFacts): { tag: string; figure: Figure; what: string }[] {
  const tags: { tag: string; figure: Figure | null; what: string }[] = [
    { tag: `<Value of="${id}" />`, figure: facts.latest, what: 'the latest figure' },
    { tag: `<Value of="${id}" period="previous" />`, figure: facts.previous, what: 'the previous figure' },
    { tag: `<Target of="${id}" />`, figure: facts.target, what: 'the target' },
    { tag: `<Average of="${id}" group="neighbours" />`, figure: facts.averages.neighbours, what: 'the statistical-neighbour average' },
    { tag: `<Average of="${id}" group="england" />`, figure: facts.averages.england, what: 'the England average' },
  ];
  return tags.filter((entry): entry is { tag: string; figure: Figure; what: string } => entry.figure !== null);
}

const PERCENT = { unit: 'percent' } as const;

function typedPercentFindings(sentence: readonly InlinePiece[], lookup: FigureLookup): SentenceFinding[] {
  const ids = [...new Set(sentence.flatMap((piece) => (piece.kind === 'tag' && INDICATOR_TAGS.has(piece.component) && piece.props.of ? [piece.props.of] : [])))];
  const percentIds = ids.filter((id) => lookup(id)?.unit === 'percent');
  if (percentIds.length === 0) return [];
  const findings: SentenceFinding[] = [];
  for (const piece of sentence) {
    if (piece.kind !== 'text') continue;
    for (const match of piece.text.matchAll(TYPED_PERCENT)) {
      const value = Number(match[1]!.replace(/,/g, '').replace('−', '-'));
      const isChange = /^percentage/i.test(match[2]!);
      const matches = percentIds.some((id) => {
        const facts = lookup(id)!;
        if (isChange) {
          return facts.latest && facts.previous ? Number(formatDifference(facts.previous, facts.latest, { unit: 'count' }).replace(/,/g, '')) === Math.abs(value) : false;
        }
        return tagsFor(id, facts).some(({ figure }) => figure.value === value);
      });
      if (matches) continue;
      const candidates = percentIds.flatMap((id) => {
        const facts = lookup(id)!;
        if (isChange) return facts.latest && facts.previous ? [{ tag: `<Change of="${id}" />`, shown: `${formatDifference(facts.previous, facts.latest, PERCENT)}`, distance: 0 }] : [];
        return tagsFor(id, facts).map(({ tag, figure, what }) => ({ tag, shown: `${formatFigure(figure, PERCENT)}, ${what}`, distance: Math.abs(figure.value - value) }));
      });
      candidates.sort((a, b) => a.distance - b.distance);
      const best = candidates[0];
      const published = percentIds
        .map((id) => `${id}: ${tagsFor(id, lookup(id)!).map(({ figure, what }) => `${what.replace(/^the | figure$/g, '')} ${formatFigure(figure, PERCENT)}`).join(', ')}`)
        .join('; ');
      findings.push({
        ...positionIn(piece, match.index),
        found: match[0],
        expected: `a figure tag in place of the typed ${match[0]}${best ? `: ${best.tag} (it shows ${best.shown})` : ''}`,
        hint:
          `${match[0]} is none of the figures published for ${oneOrMore(percentIds)} this quarter (${published}). ` +
          'A typed figure can disagree with the card; a tag always shows the published one. If the percentage is about something else, put it in a sentence of its own and say what it is of.',
      });
    }
  }
  return findings;
}

function oneOrMore(ids: readonly string[]): string {
  return ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;
}

/** Movement words and what they claim. "Improved" and "got worse" claim a direction; the others a movement. */
const MOVEMENT_WORDS: { words: string; claim: { movement?: Movement; direction?: Direction }; said: string }[] = [
  { words: 'rose|risen|rising|rises|increased|increasing|increases|grew|grown|growing|climbed|went up|gone up|jumped', claim: { movement: 'up' }, said: 'went up' },
  { words: 'fell|fallen|falling|falls|dropped|dropping|drops|decreased|decreasing|decreases|declined|declining|went down|gone down', claim: { movement: 'down' }, said: 'went down' },
  { words: 'improved|improving|improves', claim: { direction: 'improved' }, said: 'improved' },
  { words: 'worsened|worsening|deteriorated|deteriorating|got worse', claim: { direction: 'worse' }, said: 'got worse' },
  { words: 'stayed|remained|held steady|unchanged', claim: { movement: 'same' }, said: 'stayed the same' },
];
/**
 * The movement word, then up to eight words without a full stop or semicolon
 * ("rose for pupils on free school meals, to"), then "to" or "at", right before the tag.
 */
const movementBefore = (connectors: string) =>
  new RegExp(`\\b(${MOVEMENT_WORDS.map((entry) => entry.words).join('|')})\\b((?:[\\s,]+[\\p{L}\\p{N}'’-]+){0,8}?)[\\s,]+(?:${connectors})\\s*$`, 'iu');
/** "rose to <Value … />" claims a movement of the latest figure; "fell from <Value … period="previous" />" the same, from the previous one. */
const MOVEMENT_BEFORE_TAG = { latest: movementBefore('to|at'), previous: movementBefore('from') };

const MOVEMENT_SAID: Record<Movement, string> = { up: 'went up', down: 'went down', same: 'stayed the same' };
const DIRECTION_SAID: Record<Direction, string> = { improved: 'improved', worse: 'got worse', 'no-change': 'did not change' };

function movementFindings(sentence: readonly InlinePiece[], lookup: FigureLookup): SentenceFinding[] {
  const findings: SentenceFinding[] = [];
  sentence.forEach((piece, index) => {
    if (piece.kind !== 'tag' || piece.component !== 'Value' || !piece.props.of) return;
    const period = piece.props.period === 'previous' ? 'previous' : 'latest';
    const before = sentence[index - 1];
    if (before?.kind !== 'text') return;
    const match = MOVEMENT_BEFORE_TAG[period].exec(before.text);
    if (!match) return;
    // Words that start another clause ("but", "while") part the movement word from the tag.
    if (/\b(?:but|while|whereas|although|though|and\s+(?:the|its|their))\b/i.test(match[2] ?? '')) return;
    const facts = lookup(piece.props.of);
    if (!facts || facts.movement === null) return;
    const word = match[1]!.toLowerCase().replace(/\s+/g, ' ');
    const entry = MOVEMENT_WORDS.find((candidate) => candidate.words.split('|').includes(word))!;
    const { movement, direction } = entry.claim;
    // An indicator with no better direction (polarity neither) neither improves nor gets worse: no claim to test.
    if (direction !== undefined && facts.direction === null) return;
    const wrong = movement !== undefined ? movement !== facts.movement : direction !== facts.direction;
    if (!wrong) return;
    const actual = movement !== undefined ? MOVEMENT_SAID[facts.movement] : DIRECTION_SAID[facts.direction ?? 'no-change'];
    const from = facts.previous ? formatFigure(facts.previous, facts) : 'no figure';
    const to = facts.latest ? formatFigure(facts.latest, facts) : 'no figure';
    findings.push({
      line: piece.line,
      column: piece.column,
      found: `${match[0].trim()} <Value of="${piece.props.of}"${period === 'previous' ? ' period="previous"' : ''} />`,
      expected: `words that fit the figure: ${piece.props.of} ${actual} (${from} to ${to}), but the sentence says it ${entry.said}`,
      hint: `Change "${match[1]}" to words that fit, or use <Change of="${piece.props.of}" />, which always says which way the figure moved.`,
    });
  });
  return findings;
}

/** Target words and what they claim about the latest figure. */
const TARGET_CLAIMS: { pattern: RegExp; claim: 'above' | 'below' | 'met' | 'missed'; said: string }[] = [
  { pattern: /\b(?:not|never|n[o’']t)\s+(?:\w+\s+)?(?:meet(?:s|ing)?|met|achiev(?:e|es|ed|ing)|reach(?:es|ed|ing)?|hit(?:s|ting)?)\s+(?:the|its|their)\s+(?:\w+\s+)?target/giu, claim: 'missed', said: 'does not meet' },
  { pattern: /\bfail(?:s|ed|ing)?\s+to\s+(?:meet|reach|achieve|hit)\s+(?:the|its|their)\s+(?:\w+\s+)?target/giu, claim: 'missed', said: 'does not meet' },
  { pattern: /\b(?:meet(?:s|ing)?|met|achiev(?:es|ed|ing)|reach(?:es|ed|ing)|hit(?:s|ting)?)\s+(?:the|its|their)\s+(?:\w+\s+)?target/giu, claim: 'met', said: 'meets' },
  { pattern: /\bon\s+target\b/giu, claim: 'met', said: 'meets' },
  { pattern: /\b(?:miss(?:es|ed|ing)?|short\s+of|off)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?target/giu, claim: 'missed', said: 'misses' },
  { pattern: /\babove\s+(?:the|its|their)\s+(?:\w+\s+)?target/giu, claim: 'above', said: 'is above' },
  { pattern: /\bbelow\s+(?:the|its|their)\s+(?:\w+\s+)?target/giu, claim: 'below', said: 'is below' },
];

function targetFindings(sentence: readonly InlinePiece[], lookup: FigureLookup): SentenceFinding[] {
  const findings: SentenceFinding[] = [];
  sentence.forEach((piece, index) => {
    if (piece.kind !== 'text') return;
    // "above the <Target of="…" />": the tag stands for the word "target", and names the indicator.
    const next = sentence[index + 1];
    const targetTag = next?.kind === 'tag' && next.component === 'Target' && next.props.of ? next.props.of : undefined;
    const text = targetTag ? `${piece.text}target` : piece.text;
    const claimed: { start: number; end: number }[] = [];
    for (const { pattern, claim, said } of TARGET_CLAIMS) {
      for (const match of text.matchAll(pattern)) {
        // A longer phrase ("does not meet its target") already read this one ("meet its target").
        if (claimed.some((range) => match.index >= range.start && match.index < range.end)) continue;
        claimed.push({ start: match.index, end: match.index + match[0].length });
        const id = targetTag && match.index + match[0].length > piece.text.length ? targetTag : nearestIndicator(sentence, index, lookup);
        if (!id) continue;
        const facts = lookup(id)!;
        if (facts.targetMet === null || !facts.target || !facts.latest) continue;
        const latest = facts.latest.value;
        const wrong =
          claim === 'above' ? !(latest > facts.target.value)
          : claim === 'below' ? !(latest < facts.target.value)
          : claim === 'met' ? !facts.targetMet
          : facts.targetMet;
        if (!wrong) continue;
        const standing = `${formatFigure(facts.latest, facts)} against a target of ${formatFigure(facts.target, facts)}: ${facts.targetMet ? 'met' : 'not met'}`;
        findings.push({
          ...positionIn(piece, match.index),
          found: match[0].slice(0, piece.text.length - match.index) || match[0],
          expected: `words that fit the figure: ${id} is ${standing}, but the sentence says it ${said} the target`,
          hint: `Change the words, or use <Target of="${id}" show="status" />, which always says whether the target is met.`,
        });
      }
    }
  });
  return findings;
}

/** The indicator a phrase in piece `index` is about: the nearest indicator tag before it in the sentence, else after it. */
function nearestIndicator(sentence: readonly InlinePiece[], index: number, lookup: FigureLookup): string | undefined {
  const isIndicator = (piece: InlinePiece | undefined): piece is Extract<InlinePiece, { kind: 'tag' }> =>
    piece?.kind === 'tag' && INDICATOR_TAGS.has(piece.component) && piece.props.of !== undefined && lookup(piece.props.of) !== undefined;
  for (let i = index - 1; i >= 0; i--) if (isIndicator(sentence[i])) return (sentence[i] as Extract<InlinePiece, { kind: 'tag' }>).props.of;
  for (let i = index + 1; i < sentence.length; i++) if (isIndicator(sentence[i])) return (sentence[i] as Extract<InlinePiece, { kind: 'tag' }>).props.of;
  return undefined;
}

/**
 * Every finding in one paragraph (or list item, or the summary), in reading
 * order. `typedPercentages: false` where every typed figure is refused anyway (the summary).
 */
export function checkFigureSentences(pieces: readonly InlinePiece[], lookup: FigureLookup, options: { typedPercentages?: boolean } = {}): SentenceFinding[] {
  const typed = options.typedPercentages ?? true;
  return sentences(joinText(pieces))
    .flatMap((sentence) => {
      const findings = [...(typed ? typedPercentFindings(sentence, lookup) : []), ...movementFindings(sentence, lookup), ...targetFindings(sentence, lookup)];
      // Text without a position (a tree that keeps none for text) is reported at the sentence's first tag.
      const tag = sentence.find((piece) => piece.kind === 'tag' && piece.line !== undefined);
      return findings.map((finding) => (finding.line === undefined && tag ? { ...finding, line: tag.line, column: tag.column } : finding));
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
