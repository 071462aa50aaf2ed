/**
 * The editing guide (docs/EDITING.md) against the code it documents:
 * - its "Figure tags" section is exactly what scripts/docs-components.ts
 *   generates from the one list of figure components;
 * - every message a planted fault produces is explained there: the first
 *   words of each problem's "expected" text appear in the guide, so a comms
 *   officer who searches the guide for a message finds its entry.
 * Faults are planted in scratch copies of content/ and checked with the one
 * validation stage (src/ingest/validate.ts), as `npm run check` and the build do.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBlock, END_MARKER, figureComponentsMarkdown, START_MARKER } from '../scripts/docs-components.ts';
import { FIGURE_COMPONENTS } from '../src/core/figure-components.ts';
import type { Problem } from '../src/core/problems.ts';
import { ROOT } from './helpers/build';
import { readIn, replaceIn, setCell, writeIn } from './helpers/content';
import { reportOf } from './helpers/model';

const GUIDE = join(ROOT, 'docs/EDITING.md');
const guide = readFileSync(GUIDE, 'utf8');

describe('the Figure tags section of docs/EDITING.md', () => {
  it('is exactly what scripts/docs-components.ts generates (run `node scripts/docs-components.ts --write` after changing the components)', () => {
    const block = currentBlock(guide);
    expect(block, `docs/EDITING.md must contain ${START_MARKER} ... ${END_MARKER}`).not.toBeNull();
    expect(block).toBe(figureComponentsMarkdown());
  });

  it('documents every component, each prop and its worked example', () => {
    const block = figureComponentsMarkdown();
    for (const component of FIGURE_COMPONENTS) {
      expect(block).toContain(`### \`<${component.name} />\``);
      expect(block).toContain(component.example);
      for (const prop of component.props) expect(block).toContain(`| \`${prop.name}\` |`);
    }
  });
});

// ---- planted faults ----

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const Q1 = 'quarters/2024-25-q1';
const Q1_DATA = `${Q1}/data.tsv`;
const Q1_COMMENTARY = `${Q1}/commentary.mdx`;
const WORKBOOKS = join(ROOT, 'test/fixtures/workbooks');

const read = readIn;
const write = writeIn;

/** Changes the lines of a tab-separated file. */
function editLines(dir: string, path: string, change: (lines: string[]) => void) {
  const lines = read(dir, path).split('\n');
  change(lines);
  write(dir, path, lines.join('\n'));
}

/** Replaces Q1's data file with another file (a workbook fixture, or text). */
function replaceData(dir: string, name: string, bytes: Uint8Array | string) {
  unlinkSync(join(dir, Q1_DATA));
  writeFileSync(join(dir, Q1, name), bytes);
}

const workbook = (name: string) => readFileSync(join(WORKBOOKS, name));

/** Replaces the commentary body (everything after the frontmatter) of Q1. */
function body(dir: string, text: string) {
  const source = read(dir, Q1_COMMENTARY);
  const end = source.indexOf('\n---\n') + 5;
  write(dir, Q1_COMMENTARY, `${source.slice(0, end)}\n${text}\n`);
}

/** A frontmatter line of Q1's commentary replaced. */
const setting = (dir: string, name: string, line: string) => replaceIn(dir, Q1_COMMENTARY, new RegExp(`^${name}: .*$`, 'm'), line);

const CORRECTION = {
  date: '"2024-10-01"',
  indicator: 'care-leavers-eet',
  figure: 'latest',
  oldValue: '"47.8%"',
  newValue: '"47.3%"',
  reason: 'The September data refresh found two fewer care leavers in education.',
};

function correction(dir: string, changes: Partial<Record<keyof typeof CORRECTION, string | null>>) {
  const fields = Object.entries({ ...CORRECTION, ...changes }).filter(([, value]) => value !== null);
  const yaml = fields.map(([key, value], index) => `${index === 0 ? '  - ' : '    '}${key}: ${value}`).join('\n');
  setting(dir, 'corrections', `corrections:\n${yaml}`);
}

/**
 * A Q4 2023/24 folder whose export gives care leavers EET for Q3 2023/24 as
 * 60.2%, where Q3's published report gave 61.6%: a restated figure.
 */
function restatedQuarter(dir: string, revisions = '') {
  const q4 = 'quarters/2023-24-q4';
  cpSync(join(dir, Q1), join(dir, q4), { recursive: true });
  const lines = read(dir, Q1_DATA).split('\n');
  const rows = lines.flatMap((text, index) => {
    if (index === 0) return [text];
    const cells = text.split('\t');
    if (cells[2] !== 'Care leavers EET') return [];
    cells.splice(6, 4, 'Q3 2023/24', '60.2%', 'Q4 2023/24', '63.3%');
    return [cells.join('\t')];
  });
  write(dir, `${q4}/data.tsv`, `${rows.join('\n')}\n`);
  const source = read(dir, `${q4}/commentary.mdx`);
  let frontmatter = source
    .slice(0, source.indexOf('\n---\n') + 5)
    .replace(/^period: .*$/m, 'period: Q4 2023/24')
    .replace(/^summary: .*$/m, 'summary: A short summary of the fourth quarter, written to test revised figures.');
  if (revisions) frontmatter = frontmatter.replace(/^corrections: .*$/m, (line) => `${line}\n${revisions}`);
  write(dir, `${q4}/commentary.mdx`, `${frontmatter}\nA short commentary.\n`);
}

const FAULTS: [string, (dir: string) => void][] = [
  // The data file's rows and cells (line 22: Care leavers EET, a quarterly percentage; line 12: children educated at home, a
  // count; line 2: three-year-olds' early education, a termly percentage).
  ['a quarterly figure for another quarter', (d) => setCell(d, Q1_DATA, 22, 9, 'Q2 2024/25')],
  ['a period that starts after the folder’s quarter', (d) => setCell(d, Q1_DATA, 2, 9, 'Autumn Term 2024')],
  ['a quarter for a termly indicator', (d) => setCell(d, Q1_DATA, 2, 9, 'Q1 2024/25')],
  ['a previous period after the latest', (d) => setCell(d, Q1_DATA, 22, 7, 'Q2 2024/25')],
  ['a period the site cannot read', (d) => setCell(d, Q1_DATA, 22, 7, 'June 2024')],
  ['a financial year that does not follow on', (d) => setCell(d, Q1_DATA, 22, 7, 'Q4 2023/25')],
  ['a previous value without its period', (d) => setCell(d, Q1_DATA, 22, 7, '')],
  ['a space inside a number', (d) => setCell(d, Q1_DATA, 22, 10, '44 93%')],
  ['a percentage over 100', (d) => setCell(d, Q1_DATA, 22, 10, '144.5%')],
  ['a percentage written as a fraction', (d) => setCell(d, Q1_DATA, 22, 10, '0.473')],
  ['a 0 average of a percentage', (d) => setCell(d, Q1_DATA, 5, 16, '0')],
  ['a note in a column without a heading', (d) => writeIn(d, Q1_DATA, readIn(d, Q1_DATA).split('\n').map((line, i) => (line.trim() ? `${line}\t${i === 21 ? 'check with Sam' : ''}` : line)).join('\n'))],
  ['a data file that is a symbolic link', (d) => {
    renameSync(join(d, Q1_DATA), join(d, 'elsewhere.tsv'));
    symlinkSync(join(d, 'elsewhere.tsv'), join(d, Q1_DATA));
  }],
  ['an alias of punctuation only', (d) => replaceIn(d, 'indicators.csv', 'Care leavers EET,"Care leavers in education, work or training",,', 'Care leavers EET,"Care leavers in education, work or training",—,')],
  ['a count with a decimal point', (d) => setCell(d, Q1_DATA, 12, 10, '1.279')],
  ['a % sign on a count', (d) => setCell(d, Q1_DATA, 12, 10, '1279%')],
  ['a percentage target on a count', (d) => setCell(d, Q1_DATA, 12, 12, '>50%')],
  ['a comma as the decimal point', (d) => setCell(d, Q1_DATA, 22, 10, '47,3%')],
  ['a number too long to hold', (d) => setCell(d, Q1_DATA, 22, 10, '1234567890123456789')],
  ['a target in words', (d) => setCell(d, Q1_DATA, 22, 12, 'about 90')],
  ['a misspelt rating', (d) => setCell(d, Q1_DATA, 22, 13, 'Gren')],
  ['a quartile out of range', (d) => setCell(d, Q1_DATA, 22, 14, '5th')],
  ['an unknown polarity', (d) => setCell(d, Q1_DATA, 22, 5, 'Good')],
  ['a polarity against the catalogue', (d) => setCell(d, Q1_DATA, 22, 5, 'Low = Good')],
  ['an unknown value type', (d) => setCell(d, Q1_DATA, 22, 4, 'Ratio')],
  ['a value type against the catalogue', (d) => setCell(d, Q1_DATA, 22, 4, 'Number')],
  ['an indicator name nearly right', (d) => setCell(d, Q1_DATA, 22, 3, 'Care leaver EET')],
  ['an indicator name the catalogue lacks', (d) => setCell(d, Q1_DATA, 22, 3, 'Young carers assessed')],
  ['an indicator twice', (d) => editLines(d, Q1_DATA, (lines) => lines.splice(23, 0, lines[21]!))],
  ['a row shifted left', (d) => editLines(d, Q1_DATA, (lines) => (lines[21] = [...lines[21]!.split('\t').slice(2), '', ''].join('\t')))],
  ['stray text', (d) => editLines(d, Q1_DATA, (lines) => lines.splice(23, 0, 'This page is intentionally left blank'))],
  ['a short row', (d) => editLines(d, Q1_DATA, (lines) => (lines[21] = lines[21]!.split('\t').slice(0, 12).join('\t')))],
  ['a stray quote mark', (d) => setCell(d, Q1_DATA, 22, 3, '"Care leavers EET')],
  // The header and the file as a whole.
  ['a misspelt column heading', (d) => replaceIn(d, Q1_DATA, 'England average', 'Englnd average')],
  ['a missing column', (d) => replaceIn(d, Q1_DATA, '\tTarget\t', '\tGoal\t')],
  ['a title above the header', (d) => write(d, Q1_DATA, `Children and Family Services dashboard\n${read(d, Q1_DATA)}`)],
  ['a semicolon-separated file', (d) => replaceData(d, 'data.csv', read(d, Q1_DATA).replaceAll('\t', ';'))],
  ['a workbook saved as .csv', (d) => replaceData(d, 'data.csv', workbook('q1.xlsx'))],
  ['a file that is not UTF-8', (d) => writeFileSync(join(d, Q1_DATA), Buffer.from(read(d, Q1_DATA).replace('Care leavers EET', 'Care leavers EET £'), 'latin1'))],
  ['an empty data file', (d) => write(d, Q1_DATA, '')],
  ['a header and no rows', (d) => write(d, Q1_DATA, `${read(d, Q1_DATA).split('\n')[0]}\n`)],
  [
    'the untouched template',
    (d) => editLines(d, Q1_DATA, (lines) => lines.forEach((text, i) => i > 0 && text && (lines[i] = text.split('\t').map((cell, c) => ([6, 7, 8, 9].includes(c) ? '' : cell)).join('\t')))),
  ],
  // Workbooks.
  ['a workbook with a password', (d) => replaceData(d, 'data.xlsx', workbook('password-protected.xlsx'))],
  ['a formula never worked out', (d) => replaceData(d, 'data.xlsx', workbook('formula-without-value.xlsx'))],
  ['Excel error cells', (d) => replaceData(d, 'data.xlsx', workbook('error-cells.xlsx'))],
  ['an unsupported number format', (d) => replaceData(d, 'data.xlsx', workbook('unsupported-format.xlsx'))],
  ['a text file named .xlsx', (d) => replaceData(d, 'data.xlsx', workbook('renamed-text.xlsx'))],
  ['a damaged workbook', (d) => replaceData(d, 'data.xlsx', workbook('truncated.xlsx'))],
  ['an empty first sheet', (d) => replaceData(d, 'data.xlsx', workbook('empty-first-sheet.xlsx'))],
  ['a workbook without sheets', (d) => replaceData(d, 'data.xlsx', workbook('no-sheets.xlsx'))],
  ['a title row in a workbook', (d) => replaceData(d, 'data.xlsx', workbook('title-row.xlsx'))],
  // The folder.
  ['two data files', (d) => cpSync(join(d, Q1_DATA), join(d, Q1, 'data.csv'))],
  ['no data file', (d) => unlinkSync(join(d, Q1_DATA))],
  ['a wrongly named folder', (d) => renameSync(join(d, Q1), join(d, 'quarters/2024-q1'))],
  // The commentary's settings.
  ['a misspelt setting', (d) => replaceIn(d, Q1_COMMENTARY, /^publishedDate:/m, 'publishDate:')],
  ['a closing fence with a space after it', (d) => replaceIn(d, Q1_COMMENTARY, /^---\n\n/m, '--- \n---\n\n')],
  ['an invisible character in the text', (d) => replaceIn(d, Q1_COMMENTARY, 'This page sums up', 'This page\u200b sums up')],
  ['a YAML tag in the settings', (d) => setting(d, 'title', 'title: !!str Quarter 1 2024/25 performance report')],
  ['a link to a page the site does not make', (d) => replaceIn(d, Q1_COMMENTARY, 'This page sums up', '[This page](/2024-25-q1/) sums up')],
  ['an unknown setting', (d) => setting(d, 'committee', 'committee: Children and Family Services Overview and Scrutiny Committee\nauthor: Jane')],
  ['a date in the wrong form', (d) => setting(d, 'meetingDate', 'meetingDate: 3/9/2024')],
  ['a date not on the calendar', (d) => setting(d, 'publishedDate', 'publishedDate: "2024-02-30"')],
  ['a misspelt status', (d) => setting(d, 'status', 'status: live')],
  ['no status', (d) => replaceIn(d, Q1_COMMENTARY, /^status: .*\n/m, '')],
  ['a period from another quarter', (d) => setting(d, 'period', 'period: Q4 2023/24')],
  ['a period written in words', (d) => setting(d, 'period', 'period: Quarter 1 2024/25')],
  ['a one-word title', (d) => setting(d, 'title', 'title: Q1')],
  ['a short summary', (d) => setting(d, 'summary', 'summary: Care leavers did well.')],
  ['a long summary', (d) => setting(d, 'summary', `summary: ${'Care leavers did well this quarter, and so did others. '.repeat(13)}`)],
  ['a typed figure in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training fell to 47.3% this quarter.')],
  ['a link in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training are on [our page](https://example.gov.uk) this quarter.')],
  ['a card in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training fell to <Indicator of="care-leavers-eet" /> this quarter.')],
  ['a misspelt id in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training fell to <Value of="care-leaver-eet" /> this quarter.')],
  ['a year without its second half', (d) => setting(d, 'benchmarkYear', 'benchmarkYear: 2022')],
  ['an http paper address', (d) => setting(d, 'papers', 'papers:\n  - title: The report\n    url: http://www.example.gov.uk/report.pdf')],
  ['an email that is not one', (d) => replaceIn(d, Q1_COMMENTARY, /^ {2}email: .*$/m, '  email: Jane Moore')],
  ['an unquoted colon', (d) => setting(d, 'title', 'title: Quarter 1: performance report: "the best"')],
  ['no frontmatter block', (d) => replaceIn(d, Q1_COMMENTARY, /^---\n/, '')],
  ['an unknown headline', (d) => setting(d, 'committee', 'committee: Children and Family Services Overview and Scrutiny Committee\nheadlines: [care-leaver-eet]')],
  ['a headline twice', (d) => setting(d, 'committee', 'committee: Children and Family Services Overview and Scrutiny Committee\nheadlines: [care-leavers-eet, care-leavers-eet]')],
  [
    'seven headlines',
    (d) =>
      setting(
        d,
        'committee',
        'committee: Children and Family Services Overview and Scrutiny Committee\nheadlines: [care-leavers-eet, neet-16-17, suspensions, cic-dental-checks, cpp-second-time, re-referrals-12-months, assessments-45-days]',
      ),
  ],
  // The publication gate.
  ['a placeholder left in', (d) => body(d, 'FILL IN: write about social care here.')],
  ['TBC and XX% left in a sentence', (d) => body(d, 'The share was XX% and the date is TBC.')],
  ['the example reason in a correction', (d) => correction(d, { reason: 'Why the figure changed, in a sentence.' })],
  ['no publication date', (d) => replaceIn(d, Q1_COMMENTARY, /^publishedDate: .*\n/m, '')],
  // Corrections.
  ['a correction without figure', (d) => correction(d, { figure: null })],
  ['a correction whose new value is not the card’s', (d) => correction(d, { oldValue: '"47.3%"', newValue: '"47.8%"' })],
  ['a correction that changes nothing', (d) => correction(d, { oldValue: '"47.3%"' })],
  ['a correction whose old value is words', (d) => correction(d, { oldValue: '"about half"' })],
  ['a correction of an unknown id', (d) => correction(d, { indicator: 'care-leaver-eet' })],
  ['a correction of a figure that is neither', (d) => correction(d, { figure: 'current' })],
  ['a correction with a one-word reason', (d) => correction(d, { reason: 'Refresh' })],
  // Revisions.
  ['a restated figure not listed', (d) => restatedQuarter(d)],
  [
    'a listed revision the data does not make',
    (d) => restatedQuarter(d, 'revisions:\n  - indicator: care-leavers-eet\n    period: "Q3 2023/24"\n    oldValue: "61.6%"\n    newValue: "62.0%"\n    reason: The data was refreshed after publication.'),
  ],
  ['a revision without a reason', (d) => restatedQuarter(d, 'revisions:\n  - indicator: care-leavers-eet\n    period: "Q3 2023/24"\n    oldValue: "61.6%"\n    newValue: "60.2%"')],
  // The commentary text: the MDX subset.
  ['an import', (d) => body(d, 'import Chart from "../x.astro";\n\nText.')],
  ['an expression', (d) => body(d, 'The figure is {1 + 1}.')],
  ['a script', (d) => body(d, '<script>alert(1)</script>\n\nText.')],
  ['a meta refresh', (d) => body(d, '<meta http-equiv="refresh" content="0; url=https://example.com" />\n\nText.')],
  ['an image', (d) => body(d, '![chart](https://tracker.example/p.gif)\n\nText.')],
  ['an HTML comment', (d) => body(d, '<!-- a note -->\n\nText.')],
  ['a fragment', (d) => body(d, '<>Text</>')],
  ['a javascript: link', (d) => body(d, 'See [this](javascript:alert(1)).')],
  ['an http link', (d) => body(d, 'See [this](http://example.com).')],
  ['an address in angle brackets', (d) => body(d, 'See <https://example.com>.')],
  ['a ## heading', (d) => body(d, '## Social care\n\nText.')],
  ['a ##### heading', (d) => body(d, '##### Social care\n\nText.')],
  ['a table', (d) => body(d, '| a | b |\n| - | - |\n| 1 | 2 |')],
  ['a code block', (d) => body(d, '```\nsome text\n```')],
  ['a footnote', (d) => body(d, 'Text.[^1]\n\n[^1]: A note.')],
  ['a horizontal line', (d) => body(d, 'Text.\n\n***\n\nMore.')],
  ['struck-through text', (d) => body(d, 'Text ~~old~~ new.')],
  ['a tick-box list', (d) => body(d, '- [ ] a task')],
  ['a less-than sign', (d) => body(d, 'Less than <1% of cases.')],
  ['a less-than sign before a word', (d) => body(d, 'Figures <a lot.')],
  ['an unknown component', (d) => body(d, '<Figure of="care-leavers-eet" />')],
  ['a component in lower case', (d) => body(d, '<value of="care-leavers-eet" />')],
  ['an unclosed tag', (d) => body(d, 'It fell to <Value of="care-leavers-eet">.')],
  ['a closing tag', (d) => body(d, 'Text </Value> more.')],
  ['words inside a tag', (d) => body(d, 'It fell to <Value of="care-leavers-eet">47%</Value>.')],
  ['a chart in a sentence', (d) => body(d, 'It fell, see <Chart of="care-leavers-eet" /> here.')],
  ['a tag without of', (d) => body(d, 'It fell to <Value />.')],
  ['a misspelt prop', (d) => body(d, 'It fell to <Value off="care-leavers-eet" />.')],
  ['a prop twice', (d) => body(d, 'It fell to <Value of="care-leavers-eet" of="neet-16-17" />.')],
  ['a prop in curly brackets', (d) => body(d, 'It fell to <Value of={id} />.')],
  ['spread props', (d) => body(d, 'It fell to <Value {...props} />.')],
  ['a prop without a value', (d) => body(d, 'It fell to <Value of />.')],
  ['a prop value not allowed', (d) => body(d, 'It fell to <Value of="care-leavers-eet" period="last" />.')],
  ['an empty id', (d) => body(d, 'It fell to <Value of="" />.')],
  ['a misspelt id', (d) => body(d, 'It fell to <Value of="care-leaver-eet" />.')],
  ['an id this quarter does not report', (d) => body(d, 'It fell to <Value of="ks2-rwm" />.')],
  ['a prop on a tag that takes none', (d) => body(d, '<QuarterSummary of="x" />')],
  // The words around figure tags (#20).
  ['curly quotes in a tag', (d) => body(d, 'It fell to <Value of=“care-leavers-eet” />.')],
  ['a mistyped percentage beside a tag', (d) => body(d, 'It fell to <Value of="care-leavers-eet" />, 48% of young people.')],
  ['"rose to" a figure that fell', (d) => body(d, 'Care leavers in education rose to <Value of="care-leavers-eet" />.')],
  ['"above the target" for a figure that misses it', (d) => body(d, 'At <Value of="care-leavers-eet" />, care leavers in education are above the target.')],
  ['full-width digits in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training fell to ４７.３% this quarter.')],
  ['a figure in words in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training fell to forty-seven per cent this quarter.')],
  ['"rose to" in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training rose to <Value of="care-leavers-eet" /> this quarter.')],
  ['curly quotes in the summary', (d) => setting(d, 'summary', 'summary: Care leavers in education, employment or training fell to <Value of=“care-leavers-eet” /> this quarter.')],
  // The catalogue and site settings.
  ['an area not in site.yaml', (d) => replaceIn(d, 'indicators.csv', ',SEND,', ',Send services,')],
  ['an id and name twice', (d) => editLines(d, 'indicators.csv', (lines) => lines.splice(lines.length - 1, 0, lines[1]!))],
  ['an unknown unit', (d) => replaceIn(d, 'indicators.csv', ',count,neither,termly,', ',number,neither,termly,')],
  ['an unknown frequency', (d) => replaceIn(d, 'indicators.csv', ',count,neither,termly,', ',count,neither,monthly,')],
  ['no catalogue', (d) => unlinkSync(join(d, 'indicators.csv'))],
  ['an area listed twice', (d) => replaceIn(d, 'site.yaml', /^ {2}- SEND\n/m, '  - SEND\n  - SEND\n')],
  ['no site settings', (d) => unlinkSync(join(d, 'site.yaml'))],
];

/** Every problem of a scratch copy of content/ with one fault planted. */
async function problemsWith(plant: (dir: string) => void): Promise<Problem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cfs-docs-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  plant(dir);
  const report = await reportOf(dir);
  return [...report.catalogueProblems, ...report.quarters.flatMap((quarter) => quarter.problems)];
}

/** The guide as searched: any run of spaces or line breaks is one space, letters in any case. */
const searchable = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/** The first words of a message's "expected" text, which head its entry in the guide. */
const firstWords = (expected: string, count = 4) => expected.trim().split(/\s+/).slice(0, count).join(' ');

describe('"What the messages mean" in docs/EDITING.md', () => {
  const searchableGuide = searchable(guide);

  it('plants many different faults', () => {
    expect(new Set(FAULTS.map(([name]) => name)).size).toBe(FAULTS.length);
    expect(FAULTS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(FAULTS)('explains every message for %s', async (_name, plant) => {
    const problems = await problemsWith(plant);
    // A fault that no longer produces a problem would make this test pass without checking anything.
    expect(problems.length, 'the planted fault produced no problem').toBeGreaterThan(0);
    const missing = problems.map((problem) => firstWords(problem.expected)).filter((words) => !searchableGuide.includes(searchable(words)));
    expect(missing, `not found in docs/EDITING.md: ${missing.map((words) => JSON.stringify(words)).join(', ')}`).toEqual([]);
  });

  it('has the section the check and the build point to', () => {
    expect(guide).toMatch(/^## \d+\. What the messages mean$/m);
  });
});
