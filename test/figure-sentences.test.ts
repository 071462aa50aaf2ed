/**
 * The words around figure tags: typed percentages beside a percentage
 * indicator's tag, movement words and target words that contradict the
 * figure. Each row plants one fault in a paragraph, or is a control.
 */
import { describe, expect, it } from 'vitest';
import { checkFigureSentences, figureFacts, piecesFromInlines, sentences, type FigureFacts, type InlinePiece } from '../src/ingest/figure-sentences.ts';
import { readTarget } from '../src/core/cells.ts';

const fig = (value: number, decimals = 1) => ({ value, decimals });
const obs = (value: number | null, decimals = 1) => ({ figure: value === null ? null : { value, decimals } });
const target = (text: string) => {
  const read = readTarget(text);
  if (!read.ok) throw new Error(text);
  return read.value;
};

// The Q1 2024/25 figures of three indicators, as the data file gives them.
const FACTS: Record<string, FigureFacts> = {
  // Fell from 63.3% to 47.3%, misses >54.0%; neighbours 56.6%.
  'care-leavers-eet': figureFacts(
    { unit: 'percent', polarity: 'higher is better' },
    { latest: obs(47.3), previous: obs(63.3), target: target('>54.0%'), statisticalNeighbourAverage: fig(56.6), englandAverage: null },
  ),
  // Rose from 87.4% to 92.2%, misses >97.2%.
  'cp-reviews-in-timescale': figureFacts(
    { unit: 'percent', polarity: 'higher is better' },
    { latest: obs(92.2), previous: obs(87.4), target: target('>97.2%'), statisticalNeighbourAverage: null, englandAverage: null },
  ),
  // Lower is better, below its <20.8% target (met).
  'cpp-second-time': figureFacts(
    { unit: 'percent', polarity: 'lower is better' },
    { latest: obs(18.2), previous: obs(21.0), target: target('<20.8%'), statisticalNeighbourAverage: null, englandAverage: null },
  ),
  // A count with no better direction.
  'elective-home-education': figureFacts(
    { unit: 'count', polarity: 'neither' },
    { latest: obs(1279, 0), previous: obs(1100, 0), target: null, statisticalNeighbourAverage: null, englandAverage: null },
  ),
};
const lookup = (id: string) => FACTS[id];

/** A paragraph written as MDX-like text: {Tag id} and {Tag id period} stand for figure tags, each on line 1 at its offset. */
function paragraph(written: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let from = 0;
  for (const match of written.matchAll(/\{(\w+) ([\w-]+)(?: (\w+)=(\w+))?\}/g)) {
    if (match.index > from) pieces.push({ kind: 'text', text: written.slice(from, match.index), line: 1, column: from + 1 });
    const props: Record<string, string> = { of: match[2]! };
    if (match[1] === 'Value' || match[1] === 'Period') props.period = 'latest';
    if (match[3]) props[match[3]] = match[4]!;
    pieces.push({ kind: 'tag', component: match[1]!, props, line: 1, column: match.index + 1 });
    from = match.index + match[0].length;
  }
  if (from < written.length) pieces.push({ kind: 'text', text: written.slice(from), line: 1, column: from + 1 });
  return pieces;
}

describe('sentences', () => {
  it('splits at a full stop and a capital, never inside 2.8% or after e.g.', () => {
    const split = sentences(paragraph('It fell to {Value care-leavers-eet}, 2.8% more (e.g. Jane). This rose. {Value cp-reviews-in-timescale} was next.'));
    expect(split.map((sentence) => sentence.map((piece) => (piece.kind === 'text' ? piece.text : `<${piece.props.of}>`)).join(''))).toEqual([
      'It fell to <care-leavers-eet>, 2.8% more (e.g. Jane). ',
      'This rose. ',
      '<cp-reviews-in-timescale> was next.',
    ]);
  });
});

describe('typed percentages beside a percentage indicator’s tag', () => {
  it.each<[string, string, { found: string; expected: RegExp }[]]>([
    [
      'a mistyped latest figure',
      'Care leavers in education fell to {Value care-leavers-eet}, 48% of young people.',
      [{ found: '48%', expected: /^a figure tag in place of the typed 48%: <Value of="care-leavers-eet" \/> \(it shows 47.3%, the latest figure\)/ }],
    ],
    ['a mistyped previous figure', 'It fell to {Value care-leavers-eet} from 63 per cent.', [{ found: '63 per cent', expected: /<Value of="care-leavers-eet" period="previous" \/> \(it shows 63.3%, the previous figure\)/ }]],
    ['a target typed wrongly', 'At {Value care-leavers-eet} it misses the 55% target.', [{ found: '55%', expected: /<Target of="care-leavers-eet" \/> \(it shows 54.0%, the target\)/ }]],
    ['a mistyped change', 'It fell to {Value care-leavers-eet}, down 15.0 percentage points.', [{ found: '15.0 percentage points', expected: /<Change of="care-leavers-eet" \/> \(it shows 16.0 percentage points\)/ }]],
    ['a percentage next to a Change tag', 'Down ({Change care-leavers-eet}) to 41%.', [{ found: '41%', expected: /<Value of="care-leavers-eet" \/>/ }]],
    // Controls.
    ['the latest figure typed right', 'It fell to {Value care-leavers-eet}, that is 47.3%.', []],
    ['previous, target and average typed right', 'From 63.3% with a 54% target and 56.6% among neighbours: {Value care-leavers-eet}.', []],
    ['the change typed right', 'It fell to {Value care-leavers-eet}, down 16.0 percentage points.', []],
    ['a count behind the rate', 'It fell to {Value care-leavers-eet}, 44 of 93 young people.', []],
    ['a percentage in another sentence', 'It fell to {Value care-leavers-eet}. Of referrals, 55% were missing education.', []],
    ['a percentage beside a count indicator', 'There were {Value elective-home-education} children, 12% more.', []],
    ['a name with a digit', 'Progress 8 and {Value care-leavers-eet} in 2023.', []],
  ])('%s', (_name, written, expected) => {
    const found = checkFigureSentences(paragraph(written), lookup);
    expect(found.map(({ column, found: text, expected: words }) => ({ column, found: text, expected: words }))).toEqual(
      // Each reported where it is written.
      expected.map((entry) => ({ column: written.indexOf(entry.found) + 1, found: entry.found, expected: expect.stringMatching(entry.expected) })),
    );
  });
});

describe('words that contradict a tag', () => {
  it.each<[string, string, RegExp[]]>([
    ['"rose to" a figure that fell', 'Care leavers in education rose to {Value care-leavers-eet}.', [/^words that fit the figure: care-leavers-eet went down \(63.3% to 47.3%\), but the sentence says it went up/]],
    ['"fell to" a figure that rose', 'Reviews on time fell to {Value cp-reviews-in-timescale}.', [/cp-reviews-in-timescale went up \(87.4% to 92.2%\), but the sentence says it went down/]],
    ['"has risen slightly to"', 'The share has risen slightly to {Value care-leavers-eet}.', [/went down/]],
    ['a movement word several words before', 'Results rose for care leavers, to {Value care-leavers-eet}.', [/went down/]],
    ['"improved to" a figure that got worse', 'The share improved to {Value care-leavers-eet}.', [/got worse \(63.3% to 47.3%\), but the sentence says it improved/]],
    ['"stayed at" a figure that moved', 'It stayed at {Value cp-reviews-in-timescale}.', [/went up/]],
    ['"rose from" the previous figure of one that fell', 'The share rose from {Value care-leavers-eet period=previous} to {Value care-leavers-eet}.', [/care-leavers-eet went down \(63.3% to 47.3%\), but the sentence says it went up/]],
    ['"above the target" for a figure that misses it', 'At {Value care-leavers-eet}, the share is above the target.', [/^words that fit the figure: care-leavers-eet is 47.3% against a target of 54.0%: not met, but the sentence says it is above the target/]],
    ['"meeting its target" for a figure that misses it', 'Reviews on time were {Value cp-reviews-in-timescale}, meeting its target.', [/cp-reviews-in-timescale is 92.2% against a target of 97.2%: not met, but the sentence says it meets the target/]],
    ['"missed the target" for a figure that meets it', 'Second plans were {Value cpp-second-time}, which missed the target.', [/cpp-second-time is 18.2% against a target of 20.8%: met, but the sentence says it misses the target/]],
    ['"above the <Target>"', 'The share, {Value cp-reviews-in-timescale}, is above the {Target care-leavers-eet}.', [/care-leavers-eet is 47.3%/]],
    // Controls.
    ['"fell to" a figure that fell', 'Care leavers in education fell to {Value care-leavers-eet}.', []],
    ['"rose to" a figure that rose', 'Reviews on time rose to {Value cp-reviews-in-timescale}, from {Value cp-reviews-in-timescale period=previous}.', []],
    ['"rose" for something else, then a tag after "but"', 'Requests rose, but the share fell to {Value care-leavers-eet}.', []],
    ['a movement word in another sentence', 'Requests rose. The share is now at {Value care-leavers-eet}.', []],
    ['"short of its target" for a figure that misses it', 'Reviews were {Value cp-reviews-in-timescale}, still well short of its target.', []],
    ['"below the target" for a lower-is-better figure under it', 'Second plans were {Value cpp-second-time}, below the target.', []],
    ['"rose to" the previous figure (a claim about the latest only)', 'It rose to {Value care-leavers-eet period=previous} last year.', []],
    ['"fell from" the previous figure of one that fell', 'The share fell from {Value care-leavers-eet period=previous} to {Value care-leavers-eet}.', []],
    ['"improved" for an indicator with no better direction', 'Home education improved to {Value elective-home-education}.', []],
    ['target words with no tag in the sentence', 'Care leaver measures met their targets. {Value care-leavers-eet} is the figure.', []],
  ])('%s', (_name, written, expected) => {
    const found = checkFigureSentences(paragraph(written), lookup);
    expect(found.map((finding) => finding.expected)).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
    for (const finding of found) expect(finding.line).toBe(1);
  });
});

describe('a paragraph of the commentary tree', () => {
  it('reads emphasis, links and code as words, and reports text without a position at the sentence’s tag', () => {
    const pieces = piecesFromInlines([
      { kind: 'strong', children: [{ kind: 'text', value: 'Care leavers' }] },
      { kind: 'text', value: ' in education ' },
      { kind: 'emphasis', children: [{ kind: 'text', value: 'rose to' }] },
      { kind: 'text', value: ' ' },
      { kind: 'figure', component: 'Value', props: { of: 'care-leavers-eet', period: 'latest' }, line: 12, column: 40 },
      { kind: 'text', value: ', 48% of young people.' },
    ]);
    expect(checkFigureSentences(pieces, lookup).map(({ line, column, found }) => ({ line, column, found }))).toEqual([
      { line: 12, column: 40, found: '48%' },
      { line: 12, column: 40, found: 'rose to <Value of="care-leavers-eet" />' },
    ]);
  });
});
