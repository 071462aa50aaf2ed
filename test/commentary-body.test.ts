import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCommentaryText, type BodyContext } from '../src/ingest/commentary-body.ts';
import { FIGURE_COMPONENTS, readStringLiteral, withDefaults } from '../src/core/figure-components.ts';
import { formatProblem, type Problem } from '../src/core/problems.ts';

const FIXTURES = 'test/fixtures/commentary';

const context: BodyContext = {
  catalogueIds: ['care-leavers-eet', 'care-leavers-suitable-accommodation', 'cp-reviews-in-timescale', 'suspensions', 'neet-16-17'],
  // neet-16-17 is in the catalogue but not reported this quarter.
  quarterIds: ['care-leavers-eet', 'care-leavers-suitable-accommodation', 'cp-reviews-in-timescale', 'suspensions'],
  quarterLabel: 'Q1 2024/25',
};

/** Every fixture starts with the same five-line frontmatter and a blank line, so the body starts on line 7. */
const FRONTMATTER = '---\ntitle: Test commentary\nperiod: Q1 2024/25\nstatus: draft\n---\n\n';

function check(source: string, file = 'content/quarters/2024-25-q1/commentary.mdx') {
  return readCommentaryText(source, file, context);
}

/** The problem as the editor reads it, so the words asserted are the words shown. */
function shown(problem: Problem): string {
  return formatProblem(problem);
}

interface Expected {
  line: number;
  column: number;
  /** Words the printed problem must contain. */
  words: string[];
}

describe('hostile commentary fixtures', () => {
  it.each<[string, Expected[]]>([
    [
      'code-execution.mdx',
      [
        { line: 9, column: 1, words: ['import { execSync }', 'cannot import or export code'] },
        { line: 11, column: 1, words: ["{execSync('id')}", 'cannot run code', '<Value of="..." />'] },
      ],
    ],
    ['meta-refresh.mdx', [{ line: 9, column: 1, words: ['<meta http-equiv="refresh"', 'send readers to another page'] }]],
    ['script.mdx', [{ line: 9, column: 1, words: ['found "<script>"', 'Delete the script: commentary cannot run code', '<Value of="..." />'] }]],
    [
      'style.mdx',
      [
        { line: 9, column: 1, words: ['found "<style>"', 'Delete the style'] },
        { line: 9, column: 8, words: ['{`main { display: none }`}', 'cannot run code'] },
      ],
    ],
    ['tracking-img-tag.mdx', [{ line: 9, column: 1, words: ['<img src="https://t.example/p.gif">', 'Delete the image', 'track readers'] }]],
    ['tracking-markdown-image.mdx', [{ line: 7, column: 33, words: ['![x](https://t.example/p.gif)', 'Delete the image', 'track readers'] }]],
    ['javascript-link.mdx', [{ line: 7, column: 6, words: ['found "javascript:alert(1)"', 'https://', 'can run code'] }]],
    ['prop-typo.mdx', [{ line: 7, column: 28, words: ['found "perid="previous""', 'one of the props of <Value>: of, period', 'Did you mean period?'] }]],
    ['lower-case-component.mdx', [{ line: 7, column: 28, words: ['found "<value>"', 'capital letters matter', 'Did you mean <Value>?'] }]],
    ['unknown-component.mdx', [{ line: 9, column: 1, words: ['found "<Sparkline>"', 'one of the figure components: <Value>', 'no <Sparkline> component'] }]],
    ['h2-heading.mdx', [{ line: 7, column: 1, words: ['found "## Heading"', 'a heading starting ###', 'Start this heading with ### instead'] }]],
    ['unclosed-tag.mdx', [{ line: 7, column: 16, words: ['<Value of="care-leavers-eet"', 'a complete tag', 'end the tag with />'] }]],
  ])('%s', (name, expected) => {
    const file = `${FIXTURES}/${name}`;
    const { problems, references } = readCommentaryText(readFileSync(file, 'utf8'), file, context);
    expect(references).toEqual([]);
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual(expected.map(({ line, column }) => ({ line, column })));
    problems.forEach((problem, index) => {
      const text = shown(problem);
      expect(text).toContain(`${file}:${problem.line}:${problem.column}`);
      expect(text).toContain(`character ${problem.column}`);
      for (const word of expected[index]?.words ?? []) expect(text).toContain(word);
      // Plain words for the editor: never the parser's internals or a stack trace.
      expect(text).not.toMatch(/mdx-jsx|GenericFailure|node_modules|\n\s+at /);
    });
  });
});

describe('other refused constructs', () => {
  it.each<[string, string, Expected[]]>([
    ['# heading', '# Title', [{ line: 7, column: 1, words: ['found "# Title"', '###'] }]],
    ['setext heading', 'Title\n=====', [{ line: 7, column: 1, words: ['found "Title ..."', '###'] }]],
    ['##### heading', '##### Small', [{ line: 7, column: 1, words: ['##### Small', 'Start this heading with #### instead'] }]],
    ['http link', 'See [this](http://example.com).', [{ line: 7, column: 5, words: ['http://example.com', 'change http:// to https://'] }]],
    // A bare "www." address is the words as written (issue #20: never refused as http://); a bare http:// one is refused.
    ['bare http link', 'See http://example.com today.', [{ line: 7, column: 5, words: ['http://example.com', 'https://'] }]],
    ['an http link to a www address', 'See [www.example.com](http://www.example.com).', [{ line: 7, column: 5, words: ['http://www.example.com', 'change http:// to https://'] }]],
    ['curly quotes from Word in a tag', 'It fell to <Value of=“care-leavers-eet” />.', [{ line: 7, column: 12, words: ['straight double quotes', 'left double quote “, right double quote ”', 'Write <Value of="care-leavers-eet" />'] }]],
    ['one curly quote in a tag', 'It fell to <Value of="care-leavers-eet” />.', [{ line: 7, column: 12, words: ['right double quote ”'] }]],
    ['curly single quotes in a tag', 'It fell to <Value of=‘care-leavers-eet’ />.', [{ line: 7, column: 12, words: ['left single quote ‘', 'Write <Value of="care-leavers-eet" />'] }]],
    ['data link', '[x](data:text/html,<script>alert(1)</script>)', [{ line: 7, column: 1, words: ['data:text/html', 'can run code'] }]],
    ['encoded javascript link', '[x](java&#115;cript:alert(1))', [{ line: 7, column: 1, words: ['javascript:alert(1)'] }]],
    ['protocol-relative link', '[x](//evil.example/)', [{ line: 7, column: 1, words: ['//evil.example/', 'starting https://'] }]],
    ['backslash link', '[x](/\\evil.example/)', [{ line: 7, column: 1, words: ['/\\evil.example/'] }]],
    ['relative link', '[x](other-page)', [{ line: 7, column: 1, words: ['other-page', 'start with /'] }]],
    ['empty link', '[x]()', [{ line: 7, column: 1, words: ['Put the address in the brackets'] }]],
    ['javascript link definition', 'Read [the report][r].\n\n[r]: javascript:alert(1)', [{ line: 9, column: 1, words: ['javascript:alert(1)'] }]],
    ['image reference', '![pixel][p]\n\n[p]: https://t.example/p.gif', [{ line: 7, column: 1, words: ['Delete the image'] }]],
    ['inline JavaScript expression', 'Total: {1+1}.', [{ line: 7, column: 8, words: ['{1+1}', 'cannot run code'] }]],
    ['environment expression', '{process.env.SECRET}', [{ line: 7, column: 1, words: ['{process.env.SECRET}'] }]],
    ['comment followed by code', '{/* note */ alert(1)}', [{ line: 7, column: 1, words: ['alert(1)', 'cannot run code'] }]],
    ['export', 'export const figure = 42', [{ line: 7, column: 1, words: ['export const figure = 42', 'cannot import or export code'] }]],
    ['fragment', 'A <>fragment</> here.', [{ line: 7, column: 3, words: ['found "<>"', 'Delete the <> and </>'] }]],
    ['member name', '<a.b />', [{ line: 7, column: 1, words: ['found "<a.b>"', 'one of the figure components'] }]],
    ['div', '<div>text</div>', [{ line: 7, column: 1, words: ['found "<div>"', 'keep the text'] }]],
    ['iframe', '<iframe src="https://evil.example" />', [{ line: 7, column: 1, words: ['found "<iframe>"', 'cannot show other websites'] }]],
    ['form', '<form action="https://evil.example"></form>', [{ line: 7, column: 1, words: ['found "<form>"', 'cannot collect anything'] }]],
    ['object', '<object data="x.swf" />', [{ line: 7, column: 1, words: ['found "<object>"', 'cannot embed'] }]],
    ['anchor tag', 'A <a href="https://example.com">link</a>.', [{ line: 7, column: 3, words: ['found "<a>"', '[text](https://...)'] }]],
    ['HTML comment', 'Text <!-- note --> more.', [{ line: 7, column: 6, words: ['{/* note */}'] }]],
    ['autolink', 'See <https://example.com>.', [{ line: 7, column: 5, words: ['[text](https://...)'] }]],
    ['stray less-than', 'Rates fell to a<b.', [{ line: 7, column: 16, words: ['less than'] }]],
    ['unclosed brace', 'Between {2023 and 2024.', [{ line: 7, column: 9, words: ['curly brackets', '\\{'] }]],
    ['figure with children', '<Value of="care-leavers-eet">47%</Value>', [{ line: 7, column: 1, words: ['<Value> to close itself', 'nothing inside it'] }]],
    ['figure not closed', '<Value of="care-leavers-eet">', [{ line: 7, column: 1, words: ['end with />', 'Add a / before the >'] }]],
    ['stray closing tag', 'Text </Value> here.', [{ line: 7, column: 6, words: ['Delete </Value>'] }]],
    ['spread', '<Value of="care-leavers-eet" {...props} />', [{ line: 7, column: 1, words: ['found "{...props}"', 'cannot run code'] }]],
    ['duplicate prop', '<Value of="care-leavers-eet" of="suspensions" />', [{ line: 7, column: 1, words: ['found "of="suspensions""', 'each prop once'] }]],
    ['missing prop', 'It was <Value />.', [{ line: 7, column: 8, words: ['found "<Value />"', '<Value> to have of="..."'] }]],
    ['missing required enum', '<Average of="care-leavers-eet" />', [{ line: 7, column: 1, words: ['<Average> to have group="..."'] }]],
    ['prop without value', '<Value of />', [{ line: 7, column: 1, words: ['a value for of'] }]],
    ['wrong enum value', '<Value of="care-leavers-eet" period="last" />', [{ line: 7, column: 1, words: ['found "period="last""', 'period to be "latest" or "previous"'] }]],
    ['enum in other case', '<Average of="care-leavers-eet" group="England" />', [{ line: 7, column: 1, words: ['Did you mean group="england"?'] }]],
    ['wrong Count', '<Count of="reds" />', [{ line: 7, column: 1, words: ['"indicators"', 'Did you mean of="red"?'] }]],
    ['indicator id in Count', '<Count of="care-leavers-eet" />', [{ line: 7, column: 1, words: ['of to be "indicators"'] }]],
    ['props on QuarterSummary', '<QuarterSummary of="care-leavers-eet" />', [{ line: 7, column: 1, words: ['<QuarterSummary> takes none'] }]],
    ['code expression value', '<Value of={ids[0]} />', [{ line: 7, column: 1, words: ['found "of={ids[0]}"', 'Write of="..." instead'] }]],
    ['template literal value', '<Value of={`care-leavers-eet`} />', [{ line: 7, column: 1, words: ['Write of="..." instead'] }]],
    ['unknown indicator', '<Value of="care-leaver-eet" />', [{ line: 7, column: 1, words: ['content/indicators.csv', 'Did you mean "care-leavers-eet"?'] }]],
    ['indicator in wrong case', '<Value of="Care-Leavers-EET" />', [{ line: 7, column: 1, words: ['Did you mean "care-leavers-eet"?'] }]],
    ['indicator not reported this quarter', '<Value of="neet-16-17" />', [{ line: 7, column: 1, words: ['Q1 2024/25’s data file', 'does not report it'] }]],
    ['block component in a sentence', 'See <Chart of="care-leavers-eet" /> here.', [{ line: 7, column: 5, words: ['<Chart> on a line of its own'] }]],
    ['table', '| a | b |\n|---|---|\n| 1 | 2 |', [{ line: 7, column: 1, words: ['not a table', 'as a list'] }]],
    ['footnote', 'A claim.[^1]\n\n[^1]: The source.', [
      { line: 7, column: 9, words: ['[^1]', 'not a footnote'] },
      { line: 9, column: 1, words: ['[^1]: The source.', 'not a footnote'] },
    ]],
    ['thematic break', 'One.\n\n---\n\nTwo.', [{ line: 9, column: 1, words: ['not a horizontal line', '### heading'] }]],
    ['fenced code block', '```\nsome code\n```', [{ line: 7, column: 1, words: ['not a code block'] }]],
    ['strikethrough', 'It was ~~47%~~ 48%.', [{ line: 7, column: 8, words: ['struck-through', 'corrections'] }]],
    ['task list', '- [ ] Check the figures', [{ line: 7, column: 1, words: ['an ordinary list item', 'Remove the [ ]'] }]],
  ])('%s', (_, body, expected) => {
    const { problems, references } = check(FRONTMATTER + body);
    expect(references).toEqual([]);
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual(expected.map(({ line, column }) => ({ line, column })));
    problems.forEach((problem, index) => {
      for (const word of expected[index]?.words ?? []) expect(shown(problem)).toContain(word);
    });
  });

  it('reports every problem in a file, not just the first', () => {
    const { problems } = check(`${FRONTMATTER}## One\n\n<script />\n\n[x](javascript:x)\n\n<Value of="x" perid="y" />`);
    expect(problems.map((problem) => problem.line)).toEqual([7, 9, 11, 13, 13]);
  });

  it('reports the problem of each of several tags on a line at its own character', () => {
    const { problems } = check(`${FRONTMATTER}<value of="care-leavers-eet" /> and <Vaule of="care-leavers-eet" />`);
    expect(problems.map((problem) => [problem.column, problem.found])).toEqual([
      [1, '<value>'],
      [37, '<Vaule>'],
    ]);
    expect(problems[1]?.hint).toContain('Did you mean <Value>?');
  });

  it('counts lines of a file with Windows line endings and a byte-order mark like the editor', () => {
    const source = `\uFEFF${FRONTMATTER}Text <script />\n`.replace(/\n/g, '\r\n');
    expect(check(source).problems.map(({ line, column, found }) => ({ line, column, found }))).toEqual([{ line: 7, column: 6, found: '<script>' }]);
  });
});

describe('allowed commentary', () => {
  it('keeps a bare www address as the words written, not a link to http://', () => {
    const { problems, blocks } = check(`${FRONTMATTER}See www.leicestershire.gov.uk today.`);
    expect(problems).toEqual([]);
    // Text keeps where it was written, for the messages about its words (src/ingest/figure-sentences.ts).
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', value: 'See ', line: 7, column: 1 },
          { kind: 'text', value: 'www.leicestershire.gov.uk', line: 7, column: 5 },
          { kind: 'text', value: ' today.', line: 7, column: 30 },
        ],
      },
    ]);
  });

  it('passes the control commentary, using every component and allowed construct, with its references', () => {
    const file = `${FIXTURES}/control.mdx`;
    const { problems, references } = readCommentaryText(readFileSync(file, 'utf8'), file, context);
    expect(problems.map(formatProblem)).toEqual([]);
    const eet = 'care-leavers-eet';
    expect(references).toEqual([
      { component: 'QuarterSummary', props: {}, line: 10, column: 24 },
      { component: 'Count', props: { of: 'indicators' }, line: 10, column: 46 },
      { component: 'Count', props: { of: 'red' }, line: 10, column: 84 },
      { component: 'Value', props: { of: eet, period: 'latest' }, line: 14, column: 52 },
      { component: 'Period', props: { of: eet, period: 'latest' }, line: 14, column: 87 },
      { component: 'Value', props: { of: eet, period: 'previous' }, line: 14, column: 135 },
      { component: 'Period', props: { of: eet, period: 'previous' }, line: 14, column: 188 },
      { component: 'Change', props: { of: eet }, line: 14, column: 240 },
      { component: 'Direction', props: { of: eet }, line: 14, column: 274 },
      { component: 'Target', props: { of: eet, show: 'value' }, line: 18, column: 17 },
      { component: 'Target', props: { of: eet, show: 'status' }, line: 18, column: 61 },
      { component: 'Rag', props: { of: eet }, line: 19, column: 15 },
      { component: 'Quartile', props: { of: 'cp-reviews-in-timescale' }, line: 19, column: 51 },
      { component: 'Average', props: { of: eet, group: 'neighbours' }, line: 20, column: 21 },
      { component: 'Average', props: { of: eet, group: 'england' }, line: 20, column: 84 },
      { component: 'Indicator', props: { of: eet }, line: 32, column: 1 },
      { component: 'Chart', props: { of: 'cp-reviews-in-timescale' }, line: 34, column: 1 },
    ]);
    // Every component of the list is exercised by the control.
    expect(new Set(references.map((reference) => reference.component))).toEqual(new Set(FIGURE_COMPONENTS.map((component) => component.name)));
  });

  it.each([
    ['an MDX comment', '{/* <Value of="care-leavers-eet" /> */}'],
    ['an MDX comment in a sentence', 'Text {/* <Value of="care-leavers-eet" /> */} more.'],
    ['backticks', 'Write `<Value of="care-leavers-eet" />` for the figure.'],
    ['double backticks', 'Write ``<Value of="care-leavers-eet" />`` for the figure.'],
    ['an escaped tag', 'Write \\<Value of="care-leavers-eet" /> for the figure.'],
    ['a less-than sign with spaces', 'Rates fell from 5 < 6 to 4.'],
    // #20: a web address typed in prose is text (the page links it over https), never refused as http://.
    ['a bare www address', 'See www.example.com today.'],
  ])('yields no reference and no problem for a tag in %s', (_, body) => {
    expect(check(FRONTMATTER + body)).toMatchObject({ references: [], problems: [] });
  });

  it('ignores the frontmatter, even a tag in its summary', () => {
    expect(check('---\nsummary: Rose to <Value of="nope" />.\n---\n\nText.')).toMatchObject({ references: [], problems: [] });
  });

  it('accepts a multi-line tag and reports it at its first line', () => {
    const { problems, references } = check(`${FRONTMATTER}<Value\n  of="care-leavers-eet"\n  period="previous"\n/>`);
    expect(problems).toEqual([]);
    expect(references).toEqual([{ component: 'Value', props: { of: 'care-leavers-eet', period: 'previous' }, line: 7, column: 1 }]);
  });

  it.each([
    ['both real commentaries pass', '2023-24-q3'],
    ['both real commentaries pass', '2024-25-q1'],
  ])('%s: %s', (_, quarter) => {
    const catalogue = Papa.parse<Record<string, string>>(readFileSync('content/indicators.csv', 'utf8'), { header: true, skipEmptyLines: true });
    const ids = catalogue.data.map((row) => row.id ?? '').filter((id) => id !== '');
    expect(ids.length).toBeGreaterThan(20);
    const file = `content/quarters/${quarter}/commentary.mdx`;
    const { problems, references } = readCommentaryText(readFileSync(file, 'utf8'), file, { catalogueIds: ids, quarterIds: ids, quarterLabel: quarter });
    expect(problems.map(formatProblem)).toEqual([]);
    expect(references.length).toBeGreaterThan(50);
  });
});

describe('the figure component list', () => {
  it('has unique names, unique props, and defaults among the allowed values', () => {
    const names = FIGURE_COMPONENTS.map((component) => component.name);
    expect(new Set(names).size).toBe(names.length);
    for (const component of FIGURE_COMPONENTS) {
      const props: readonly { name: string; kind: string; required: boolean; default?: string; values?: readonly string[] }[] = component.props;
      expect(new Set(props.map((prop) => prop.name)).size).toBe(props.length);
      for (const prop of props) {
        if (prop.default !== undefined) {
          expect(prop.required).toBe(false);
          expect(prop.values).toContain(prop.default);
        }
      }
    }
  });

  it.each(FIGURE_COMPONENTS.map((component) => [component.name, component] as const))('the example of <%s> passes the validator', (_, component) => {
    const { problems, references } = check(`${FRONTMATTER}${component.example}`);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(references).toHaveLength(1);
    expect(references[0]?.component).toBe(component.name);
    expect(references[0]?.props).toEqual(withDefaults(component, references[0]?.props ?? {}));
  });

  it.each([
    ['"care-leavers-eet"', 'care-leavers-eet'],
    [' "a\\"b" ', 'a"b'],
    ["'care-leavers-eet'", undefined],
    ['`care-leavers-eet`', undefined],
    ['"a" + "b"', undefined],
    ['ids[0]', undefined],
    ['"unterminated', undefined],
  ])('reads the expression %j as %j without running it', (expression, expected) => {
    expect(readStringLiteral(expression)).toBe(expected);
  });
});
