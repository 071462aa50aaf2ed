/**
 * Synthetic content for the build benchmark: a catalogue of M indicators
 * (content/indicators.csv format) and N consecutive quarter folders
 * (<yyyy-yy>-q<n>/data.tsv in the council's dashboard export format, plus a
 * published commentary.mdx), written into a folder of the caller's choosing,
 * never into content/.
 *
 * The shape comes from the schemas themselves, so it cannot drift from what the
 * site reads: the catalogue's columns from src/schemas/indicator.ts, the data
 * file's columns from QUARTER_COLUMNS (src/schemas/quarter-row.ts), units,
 * polarities, frequencies, RAG ratings and the export's words for them from
 * src/core/vocabulary.ts, the commentary's frontmatter from
 * src/schemas/commentary.ts and its figure tags from FIGURE_COMPONENTS
 * (src/core/figure-components.ts: every tag, with every value of its props). A
 * field the generator has no value for stops it with a message naming the
 * table to add it to; every catalogue row and frontmatter is parsed with its
 * schema before it is written. test/bench.test.ts runs the result through the
 * check (validateContent) and a smoke run of the benchmark.
 *
 * The figures behave like the real exports: percentages with one decimal
 * place and a % sign, counts, Progress 8 style scores with two decimals and
 * minus signs; targets such as >90.0% with a RAG rating that agrees with
 * them; national quartiles, statistical-neighbour and England averages; Topic
 * and Theme blank when the same as the row above. Quarters are consecutive, and
 * each quarter's Previous Value is the figure the previous quarter published
 * as its Latest Value for that period (termly and annual indicators repeat
 * their latest figure until a new term or year is published, as the real
 * exports do). The output is deterministic for a given seed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

// What the content looks like comes from the site's own modules (Node 24 strips their types), so the generator
// cannot drift from the reader: the catalogue's columns from its schema, the data file's columns from
// QUARTER_COLUMNS, the words from the vocabulary, the commentary's frontmatter from its schema and the figure
// tags from the list the commentary checker reads. A column or field the generator cannot fill stops it with
// a message, and every row it writes is parsed with the schema it is for.
import { EXPORT_WORDS, frequencySchema, polaritySchema, ragSchema, unitSchema } from '../../src/core/vocabulary.ts';
import { FIGURE_COMPONENTS } from '../../src/core/figure-components.ts';
import { commentarySchema } from '../../src/schemas/commentary.ts';
import { indicatorSchema } from '../../src/schemas/indicator.ts';
import { QUARTER_COLUMNS } from '../../src/schemas/quarter-row.ts';

/** The data file's header: every column the reader knows, as the export spells it. */
export const HEADER = QUARTER_COLUMNS.map((column) => column.header);

/** The catalogue's columns, in the schema's order. */
export const CATALOGUE_COLUMNS = Object.keys(indicatorSchema.shape);

/** Stops the generator when a schema has a field it does not write. */
function missing(what, key, where) {
  throw new Error(`${what} has a field "${key}" that the benchmark generator does not write: add it to ${where} in scripts/bench/generate.mjs`);
}

/** Share of the catalogue in each unit (as the real catalogue: mostly percentages). */
const UNIT_SHARE = { percent: 0.65, count: 0.23, score: 0.12 };
/** Share of the catalogue published at each frequency. */
const FREQUENCY_SHARE = { quarterly: 0.65, termly: 0.2, annual: 0.15 };
/** Decimal places the export writes for each unit. */
const DECIMALS = { percent: 1, count: 0, score: 2 };
for (const [name, list, table] of [
  ['unit', unitSchema.options, UNIT_SHARE],
  ['frequency', frequencySchema.options, FREQUENCY_SHARE],
  ['unit', unitSchema.options, DECIMALS],
]) {
  for (const word of list) if (!(word in table)) missing(`The vocabulary's ${name} list`, word, 'UNIT_SHARE, FREQUENCY_SHARE and DECIMALS');
}
const [HIGHER, LOWER, NEITHER] = polaritySchema.options;

/** Picks a word of `options` with the given shares. */
function pick(options, share, roll) {
  let sum = 0;
  for (const option of options) {
    sum += share[option];
    if (roll < sum) return option;
  }
  return options.at(-1);
}

const OUTCOMES = {
  'Early Years': 'Help every child to get the best possible start in life',
  Education: 'Help every child to have access to good quality education to ensure they achieve their maximum potential',
  SEND: 'Help children and their families build strength, resilience, confidence and capacity',
  'Social Care': 'Help children in Leicestershire to live in safe, stable environments and have secure attachments',
};
const AREAS = Object.keys(OUTCOMES);

// Words to build distinct, realistic-length indicator names from.
const SUBJECTS = {
  'Early Years': ['Eligible 2 year olds', 'Eligible 3 year olds', 'Children under 5', 'Families with a new baby', 'Early years settings'],
  Education: ['Primary pupils', 'Secondary pupils', 'Pupils with Free School Meals (FSM) status', 'Pupils with SEN Support', 'Young people aged 16-17'],
  SEND: ['Children with an EHCP', 'Children in mainstream schools', 'New EHC needs assessments', 'Children in special schools', 'Families using SEND short breaks'],
  'Social Care': ['Children in care', 'Care leavers', 'Children on a child protection plan', 'Referrals to CSC', 'Children in need'],
};
const MEASURES = [
  'reviewed within timescales',
  'with a health assessment in the last 12 months',
  'in suitable accommodation',
  'in education, employment or training',
  'reaching the expected standard',
  'seen within 10 working days',
  'with a stable placement for 2 years or more',
  'taking up their entitlement',
  'attending a Good or Outstanding setting',
  'with a plan issued within 20 weeks',
];

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "Children in care" → "children in care", but "EHCP" stays. */
const lowerFirst = (text) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

const csvCell = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The catalogue: M indicators spread over the four areas, most of them
 * percentages. The first indicator of each area is quarterly, rated and
 * benchmarked, so the commentary can use every figure tag on it.
 */
export function makeCatalogue(count, rand) {
  const indicators = [];
  for (let i = 0; i < count; i++) {
    const area = AREAS[i % AREAS.length];
    const subjects = SUBJECTS[area];
    const subject = subjects[Math.floor(i / AREAS.length) % subjects.length];
    const measure = MEASURES[Math.floor(i / (AREAS.length * subjects.length)) % MEASURES.length];
    const n = i + 1;
    const complete = i < AREAS.length;
    const unit = complete ? 'percent' : pick(unitSchema.options, UNIT_SHARE, rand());
    const polarity = complete ? HIGHER : unit === 'count' ? (rand() < 0.7 ? NEITHER : LOWER) : rand() < 0.7 ? HIGHER : LOWER;
    const frequency = complete ? 'quarterly' : pick(frequencySchema.options, FREQUENCY_SHARE, rand());
    // "(measure 17)" keeps every name distinct after the site's name normalisation.
    const name = unit === 'count' ? `Number of ${lowerFirst(subject)} ${measure} (measure ${n})` : `${subject} ${measure} (measure ${n})`;
    const title = unit === 'count' ? `How many ${lowerFirst(subject)} are ${measure}, measure ${n}` : `${subject} ${measure}, measure ${n}`;
    const definition =
      unit === 'percent'
        ? `The percentage of ${lowerFirst(subject)} who are ${measure}, counted at the end of each reporting period. It shows whether the council and its partners give children the help they need at the right time.`
        : unit === 'count'
          ? `The number of ${lowerFirst(subject)} ${measure} at the end of the period. It describes demand on services rather than performance, so neither a rise nor a fall is better in itself.`
          : `A score comparing the progress of ${lowerFirst(subject)} with pupils nationally who started at the same level. 0 is the national average; above 0 is better.`;
    indicators.push({
      id: `synthetic-${area.toLowerCase().replace(/\s+/g, '-')}-${n}`,
      name,
      title,
      aliases: i % 10 === 3 ? `${name.replace(/ \(measure/, ' (m.')}` : '',
      area,
      outcome: OUTCOMES[area],
      unit,
      polarity,
      frequency,
      decimals: DECIMALS[unit],
      definition,
      // Figures: a starting level and how much it moves from one period to the next.
      base: unit === 'percent' ? 40 + rand() * 55 : unit === 'count' ? Math.round(200 + rand() * 14000) : -0.8 + rand() * 1.2,
      step: unit === 'percent' ? 0.5 + rand() * 3 : unit === 'count' ? 0.01 + rand() * 0.05 : 0.02 + rand() * 0.1,
      annualCalendar: frequency === 'annual' && rand() < 0.3,
      rated: complete || (unit !== 'count' && rand() < 0.7),
      benchmarked: complete || (unit !== 'count' && rand() < 0.75),
    });
  }
  return indicators;
}

/** The cell of each catalogue column, as content/indicators.csv writes it. */
const CATALOGUE_CELLS = {
  id: (ind) => ind.id,
  name: (ind) => ind.name,
  title: (ind) => ind.title,
  aliases: (ind) => ind.aliases,
  area: (ind) => ind.area,
  outcome: (ind) => ind.outcome,
  unit: (ind) => ind.unit,
  polarity: (ind) => ind.polarity,
  frequency: (ind) => ind.frequency,
  definition: (ind) => ind.definition,
};

/** content/indicators.csv: the schema's columns, each row parsed with the schema before it is written. */
export function catalogueCsv(indicators) {
  for (const key of CATALOGUE_COLUMNS) if (!(key in CATALOGUE_CELLS)) missing('The catalogue schema (src/schemas/indicator.ts)', key, 'CATALOGUE_CELLS');
  const rows = indicators.map((ind) => {
    const row = Object.fromEntries(CATALOGUE_COLUMNS.map((key) => [key, CATALOGUE_CELLS[key](ind)]));
    const parsed = indicatorSchema.safeParse(row);
    if (!parsed.success) throw new Error(`The generated catalogue row ${ind.id} does not fit src/schemas/indicator.ts: ${parsed.error.message}`);
    return CATALOGUE_COLUMNS.map((key) => csvCell(String(row[key]))).join(',');
  });
  return `${CATALOGUE_COLUMNS.join(',')}\n${rows.join('\n')}\n`;
}

/** The N consecutive reporting quarters ending with `last` ("2024-25-q4"), oldest first. */
export function quarterIds(count, last = '2024-25-q4') {
  const match = /^(\d{4})-\d{2}-q([1-4])$/.exec(last);
  let year = Number(match[1]);
  let q = Number(match[2]);
  const ids = [];
  for (let i = 0; i < count; i++) {
    ids.unshift({ id: `${year}-${String((year + 1) % 100).padStart(2, '0')}-q${q}`, year, q });
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return ids;
}

const fy = (year) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

/**
 * The periods a quarter's export gives an indicator, as the council writes them:
 * [previous, latest]. Quarterly: this quarter and the one before. Termly: the
 * latest school term published by then. Annual: the latest academic year
 * (published each Q3) or calendar year (published each Q1).
 */
function periodsFor(indicator, { year, q }) {
  if (indicator.frequency === 'quarterly') {
    const previous = q === 1 ? `Q4 ${fy(year - 1)}` : `Q${q - 1} ${fy(year)}`;
    return [previous, `Q${q} ${fy(year)}`];
  }
  if (indicator.frequency === 'termly') {
    // Q1 and Q2: Summer term of this calendar year; Q3: Autumn; Q4: Spring of the next.
    if (q === 1 || q === 2) return [`Spring Term ${year}`, `Summer Term ${year}`];
    if (q === 3) return [`Summer Term ${year}`, `Autumn Term ${year}`];
    return [`Autumn Term ${year}`, `Spring Term ${year + 1}`];
  }
  if (indicator.annualCalendar) return [`${year - 1}`, `${year}`];
  // Academic year y-1/y is published in Q3 of financial year y/y+1.
  const latest = q >= 3 ? year - 1 : year - 2;
  // The export marks the figure "Final" in the quarter it first appears.
  return [fy(latest - 1), q === 3 ? `${fy(latest)} Final` : fy(latest)];
}

function format(value, indicator) {
  if (indicator.unit === 'percent') return `${value.toFixed(1)}%`;
  if (indicator.unit === 'score') return value.toFixed(2).replace(/^-/, '−');
  return String(Math.round(value));
}

function round(value, indicator) {
  const factor = 10 ** indicator.decimals;
  return Math.round(value * factor) / factor;
}

/** The next figure of a random walk that stays in the unit's sensible range. */
function nextValue(previous, indicator, rand) {
  const move = (rand() - 0.5) * 2;
  let value =
    indicator.unit === 'count' ? previous * (1 + move * indicator.step) : previous + move * indicator.step;
  if (indicator.unit === 'percent') value = Math.min(99.9, Math.max(0.1, value));
  if (indicator.unit === 'count') value = Math.max(1, value);
  if (indicator.unit === 'score') value = Math.min(1.5, Math.max(-1.5, value));
  return round(value, indicator);
}

/** A target the council might set, written as it publishes them. */
function targetFor(indicator, rand) {
  const sign = indicator.polarity === HIGHER ? '>' : '<';
  const offset = (rand() - 0.3) * indicator.step * 4;
  const level = indicator.polarity === HIGHER ? indicator.base + offset : indicator.base - offset;
  // A percentage target stays a percentage (0 to 100), as the check requires.
  const bounded = indicator.unit === 'percent' ? Math.min(99.9, Math.max(0.1, level)) : level;
  return { sign, value: round(bounded, indicator) };
}

function ragFor(value, target, indicator) {
  const meets = target.sign === '>' ? value > target.value : value < target.value;
  if (meets) return 'green';
  const gap = Math.abs(value - target.value);
  return gap <= indicator.step * 2 ? 'amber' : 'red';
}

function trendWord(previous, latest) {
  return latest > previous ? 'Increase' : latest < previous ? 'Decrease' : 'No change';
}

/** Capitalised, as the export writes a RAG rating ("Green"). */
const RAG_WORD = Object.fromEntries(ragSchema.options.map((rag) => [rag, rag[0].toUpperCase() + rag.slice(1)]));

/** Every figure tag the commentary checker knows, with the props it takes: each value of an enum prop in turn, an indicator prop naming `id`. */
export function figureTags(id) {
  const tags = [];
  for (const component of FIGURE_COMPONENTS) {
    const variants = Math.max(1, ...component.props.map((prop) => (prop.kind === 'enum' ? prop.values.length : 1)));
    for (let v = 0; v < variants; v++) {
      const props = component.props
        .filter((prop) => prop.required || prop.kind === 'enum')
        .map((prop) => `${prop.name}="${prop.kind === 'indicator' ? id : prop.values[v % prop.values.length]}"`);
      tags.push({ component, tag: `<${[component.name, ...props].join(' ')} />` });
    }
  }
  return tags;
}

/** The commentary's frontmatter fields, filled as a real report fills them. */
const FRONTMATTER = {
  title: ({ quarter }) => `Quarter ${quarter.q} ${fy(quarter.year)} performance report`,
  period: ({ label }) => label,
  committee: () => 'Children and Family Services Overview and Scrutiny Committee',
  meetingDate: ({ published }) => published,
  publishedDate: ({ published }) => published,
  publishedTime: () => '09:30',
  status: () => 'published',
  summary: ({ lead }) =>
    `Synthetic commentary for the build benchmark: in ${lead.indicator.area}, the first headline figure was <Value of="${lead.indicator.id}" />, against <Value of="${lead.indicator.id}" period="previous" /> before. It is generated, not written.`,
  headlines: ({ rows }) => rows.slice(0, 6).map((row) => row.indicator.id),
  benchmarkYear: ({ quarter }) => fy(quarter.year - 2),
  papers: ({ quarter }) => [{ title: `Performance report, quarter ${quarter.q} ${fy(quarter.year)}`, url: `https://democracy.example.gov.uk/reports/${quarter.year}-q${quarter.q}.pdf` }],
  contact: () => ({ name: 'Benchmark Contact', role: 'Head of Performance', email: 'performance@example.gov.uk', phone: '0116 305 0000' }),
  corrections: () => [],
  revisions: () => [],
};

/** A published commentary.mdx: the schema's frontmatter, then every figure tag in sentences and on lines of their own. */
function commentary(quarter, rows, label) {
  // At most eight sections, as a report discusses a handful of indicators; between them they use every tag.
  const complete = rows.filter((row) => row.complete).slice(0, 8);
  const lead = complete[0];
  // Published in the quarter after: Q3 (October to December) in March and Q4 in June of the next calendar year.
  const published = `${quarter.q >= 3 ? quarter.year + 1 : quarter.year}-${String([9, 12, 3, 6][quarter.q - 1]).padStart(2, '0')}-15`;
  const context = { quarter, rows, label, lead, published };
  const frontmatter = {};
  for (const key of Object.keys(commentarySchema.shape)) {
    if (!(key in FRONTMATTER)) missing('The commentary schema (src/schemas/commentary.ts)', key, 'FRONTMATTER');
    frontmatter[key] = FRONTMATTER[key](context);
  }
  const parsed = commentarySchema.safeParse(frontmatter);
  if (!parsed.success) throw new Error(`The generated commentary of ${quarter.id} does not fit src/schemas/commentary.ts: ${parsed.error.message}`);
  const sections = complete.map((row, i) => {
    const tags = figureTags(row.indicator.id).filter((_, t) => i === 0 || t % complete.length === i);
    const inline = tags.filter((t) => t.component.placement === 'inline').map((t) => t.tag);
    const blocks = tags.filter((t) => t.component.placement === 'block').map((t) => t.tag);
    return [
      `### ${row.indicator.title}`,
      '',
      `${row.indicator.title}: ${inline.join(', then ')}.`,
      ...blocks.flatMap((tag) => ['', tag]),
      '',
    ].join('\n');
  });
  return `---\n${stringify(frontmatter)}---\n\nThis page sums up the quarter. <QuarterSummary />\n\n${sections.join('\n')}`;
}

/** One row of the data file, keyed as QUARTER_COLUMNS: the export's words for the catalogue's vocabulary. */
function dataCells({ indicator, previousPeriod, previous, latestPeriod, latest }, { lastTopic, lastTheme, target, rand }) {
  return {
    topic: indicator.outcome === lastTopic ? '' : indicator.outcome,
    theme: indicator.area === lastTheme ? '' : indicator.area,
    indicator: indicator.aliases && rand() < 0.5 ? indicator.aliases : indicator.name,
    valueType: EXPORT_WORDS.valueType[indicator.unit],
    polarity: EXPORT_WORDS.polarity[indicator.polarity],
    frequency: EXPORT_WORDS.frequency[indicator.frequency],
    previousPeriod,
    previousValue: format(previous, indicator),
    latestPeriod,
    latestValue: format(latest, indicator),
    trend: trendWord(previous, latest),
    target: target ? `${target.sign}${format(target.value, indicator)}` : 'N/A',
    rag: target ? RAG_WORD[ragFor(latest, target, indicator)] : 'N/A',
    quartile: indicator.benchmarked ? String(1 + Math.floor(rand() * 4)) : 'N/A',
    statisticalNeighbourAverage: indicator.benchmarked ? format(nextValue(latest, indicator, rand), indicator) : 'N/A',
    englandAverage: indicator.benchmarked ? format(nextValue(latest, indicator, rand), indicator) : 'N/A',
  };
}

/**
 * Writes `<dir>/indicators.csv` and `<dir>/quarters/<id>/{data.tsv,commentary.mdx}`.
 * Returns what it wrote, for the caller to report.
 * @param {string} dir
 * @param {{ quarters: number, indicators: number, seed?: number, commentary?: boolean, last?: string }} options
 * @returns {{ quarters: string[], indicators: number, dataBytes: number }}
 */
export function generateContent(dir, { quarters: quarterCount, indicators: indicatorCount, seed = 20240903, commentary: withCommentary = true, last }) {
  const rand = random(seed + quarterCount * 1000 + indicatorCount);
  const catalogue = makeCatalogue(indicatorCount, rand);
  mkdirSync(join(dir, 'quarters'), { recursive: true });
  writeFileSync(join(dir, 'indicators.csv'), catalogueCsv(catalogue));
  // The site settings of the real content, with this catalogue's areas.
  const settings = readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8');
  writeFileSync(join(dir, 'site.yaml'), settings.replace(/^areas:\n(?:  - .*\n)+/m, `areas:\n${AREAS.map((area) => `  - ${area}\n`).join('')}`));

  // Per indicator: the figure published for each period label, so a later report repeats it exactly.
  const published = new Map(catalogue.map((indicator) => [indicator.id, new Map()]));
  const valueFor = (indicator, period, fallback) => {
    const known = published.get(indicator.id);
    if (!known.has(period)) known.set(period, fallback());
    return known.get(period);
  };
  const targets = new Map(catalogue.map((indicator) => [indicator.id, targetFor(indicator, rand)]));
  const ids = quarterIds(quarterCount, last);
  let bytes = 0;
  for (const quarter of ids) {
    const label = `Q${quarter.q} ${fy(quarter.year)}`;
    const rows = [];
    for (const indicator of catalogue) {
      const [previousPeriod, latestPeriod] = periodsFor(indicator, quarter);
      const previous = valueFor(indicator, previousPeriod.replace(/ Final$/, ''), () => round(indicator.base, indicator));
      const latest = valueFor(indicator, latestPeriod.replace(/ Final$/, ''), () => nextValue(previous, indicator, rand));
      rows.push({ indicator, previousPeriod, previous, latestPeriod, latest, complete: indicator.rated && indicator.benchmarked && indicator.frequency === 'quarterly' });
    }
    // The export lists indicators grouped by area, as the dashboard does.
    rows.sort((x, y) => AREAS.indexOf(x.indicator.area) - AREAS.indexOf(y.indicator.area));
    const lines = [HEADER.join('\t')];
    let lastTopic = '';
    let lastTheme = '';
    for (const row of rows) {
      const cells = dataCells(row, { lastTopic, lastTheme, target: row.indicator.rated ? targets.get(row.indicator.id) : null, rand });
      lines.push(QUARTER_COLUMNS.map((column) => (column.key in cells ? cells[column.key] : missing('QUARTER_COLUMNS (src/schemas/quarter-row.ts)', column.key, 'dataCells'))).join('\t'));
      lastTopic = row.indicator.outcome;
      lastTheme = row.indicator.area;
    }
    const folder = join(dir, 'quarters', quarter.id);
    mkdirSync(folder, { recursive: true });
    const tsv = `${lines.join('\r\n')}\r\n`;
    writeFileSync(join(folder, 'data.tsv'), tsv);
    bytes += tsv.length;
    if (withCommentary) writeFileSync(join(folder, 'commentary.mdx'), commentary(quarter, rows, label));
  }
  return { quarters: ids.map((q) => q.id), indicators: catalogue.length, dataBytes: bytes };
}
