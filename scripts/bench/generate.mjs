/**
 * Synthetic content for the build benchmark: a catalogue of M indicators
 * (content/indicators.csv format) and N consecutive quarter folders
 * (<yyyy-yy>-q<n>/data.tsv in the council's dashboard export format, plus a
 * published commentary.mdx), written into a folder of the caller's choosing,
 * never into content/.
 *
 * The figures behave like the real exports: percentages with one decimal
 * place and a % sign, counts, Progress 8 style scores with two decimals and
 * minus signs; targets such as >90.0% with a RAG rating that agrees with
 * them; national quartiles and statistical-neighbour averages; Topic and
 * Theme blank when the same as the row above. Quarters are consecutive, and
 * each quarter's Previous Value is the figure the previous quarter published
 * as its Latest Value for that period (termly and annual indicators repeat
 * their latest figure until a new term or year is published, as the real
 * exports do). The output is deterministic for a given seed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The export's words come from the site's own modules (Node 24 strips their types), so the generator cannot drift from the reader.
import { EXPORT_WORDS } from '../../src/core/vocabulary.ts';
import { QUARTER_COLUMNS } from '../../src/schemas/quarter-row.ts';

/** The council's dashboard export has no England column: the benchmark writes the columns it does have. */
export const HEADER = QUARTER_COLUMNS.filter((column) => column.key !== 'englandAverage').map((column) => column.header);

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

/** The catalogue: M indicators spread over the four areas, most of them percentages. */
export function makeCatalogue(count, rand) {
  const indicators = [];
  for (let i = 0; i < count; i++) {
    const area = AREAS[i % AREAS.length];
    const subjects = SUBJECTS[area];
    const subject = subjects[Math.floor(i / AREAS.length) % subjects.length];
    const measure = MEASURES[Math.floor(i / (AREAS.length * subjects.length)) % MEASURES.length];
    const n = i + 1;
    const roll = rand();
    const unit = roll < 0.65 ? 'percent' : roll < 0.88 ? 'count' : 'score';
    const polarity = unit === 'count' ? (rand() < 0.7 ? 'neither' : 'lower is better') : rand() < 0.7 ? 'higher is better' : 'lower is better';
    const f = rand();
    const frequency = f < 0.65 ? 'quarterly' : f < 0.85 ? 'termly' : 'annual';
    const decimals = unit === 'percent' ? 1 : unit === 'score' ? 2 : 0;
    // "(measure 17)" keeps every name distinct after the site's name normalisation.
    const name = unit === 'count' ? `Number of ${lowerFirst(subject)} ${measure} (measure ${n})` : `${subject} ${measure} (measure ${n})`;
    const definition =
      unit === 'percent'
        ? `The percentage of ${lowerFirst(subject)} who are ${measure}, counted at the end of each reporting period. It shows whether the council and its partners give children the help they need at the right time.`
        : unit === 'count'
          ? `The number of ${lowerFirst(subject)} ${measure} at the end of the period. It describes demand on services rather than performance, so neither a rise nor a fall is better in itself.`
          : `A score comparing the progress of ${lowerFirst(subject)} with pupils nationally who started at the same level. 0 is the national average; above 0 is better.`;
    indicators.push({
      id: `synthetic-${area.toLowerCase().replace(/\s+/g, '-')}-${n}`,
      name,
      aliases: i % 10 === 3 ? `${name.replace(/ \(measure/, ' (m.')}` : '',
      area,
      outcome: OUTCOMES[area],
      unit,
      polarity,
      frequency,
      decimals,
      definition,
      // Figures: a starting level and how much it moves from one period to the next.
      base: unit === 'percent' ? 40 + rand() * 55 : unit === 'count' ? Math.round(200 + rand() * 14000) : -0.8 + rand() * 1.2,
      step: unit === 'percent' ? 0.5 + rand() * 3 : unit === 'count' ? 0.01 + rand() * 0.05 : 0.02 + rand() * 0.1,
      annualCalendar: frequency === 'annual' && rand() < 0.3,
      rated: unit !== 'count' && rand() < 0.7,
      benchmarked: unit !== 'count' && rand() < 0.75,
    });
  }
  return indicators;
}

export function catalogueCsv(indicators) {
  const columns = ['id', 'name', 'aliases', 'area', 'outcome', 'unit', 'polarity', 'frequency', 'decimals', 'definition'];
  return `${columns.join(',')}\n${indicators.map((ind) => columns.map((key) => csvCell(String(ind[key]))).join(',')).join('\n')}\n`;
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
  const sign = indicator.polarity === 'higher is better' ? '>' : '<';
  const offset = (rand() - 0.3) * indicator.step * 4;
  const level = indicator.polarity === 'higher is better' ? indicator.base + offset : indicator.base - offset;
  return { sign, value: round(level, indicator) };
}

function ragFor(value, target, indicator) {
  const meets = target.sign === '>' ? value > target.value : value < target.value;
  if (meets) return 'Green';
  const gap = Math.abs(value - target.value);
  return gap <= indicator.step * 2 ? 'Amber' : 'Red';
}

function trendWord(previous, latest) {
  return latest > previous ? 'Increase' : latest < previous ? 'Decrease' : 'No change';
}

function commentary(quarter, rows, label) {
  const pick = rows.filter((row) => row.indicator.frequency === 'quarterly').slice(0, 4);
  const [a, b, c, d] = pick.length >= 4 ? pick : [...pick, ...rows].slice(0, 4);
  return `---
title: Quarter ${quarter.q} ${fy(quarter.year)} performance report
period: ${label}
committee: Children and Family Services Overview and Scrutiny Committee
status: published
publishedDate: "${quarter.q === 4 ? quarter.year + 1 : quarter.year}-${String([9, 12, 3, 6][quarter.q - 1]).padStart(2, '0')}-15"
summary: Synthetic commentary for the build benchmark, with the figure components a real report uses. It is generated, not written.
benchmarkYear: "${fy(quarter.year - 2)}"
contact:
  name: Benchmark Contact
  role: Head of Performance
  email: performance@example.gov.uk
---

<QuarterSummary />

### Highlights

${a.indicator.name}: <Value of="${a.indicator.id}" /> (<Change of="${a.indicator.id}" />). ${b.indicator.name}: <Value of="${b.indicator.id}" />, compared with <Value of="${b.indicator.id}" period="previous" /> before.

<Indicator of="${c.indicator.id}" />

<Chart of="${d.indicator.id}" />
`;
}

/**
 * Writes `<dir>/indicators.csv` and `<dir>/quarters/<id>/{data.tsv,commentary.mdx}`.
 * Returns what it wrote, for the caller to report.
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
      rows.push({ indicator, previousPeriod, previous, latestPeriod, latest });
    }
    // The export lists indicators grouped by area, as the dashboard does.
    rows.sort((x, y) => AREAS.indexOf(x.indicator.area) - AREAS.indexOf(y.indicator.area));
    const lines = [HEADER.join('\t')];
    let lastTopic = '';
    let lastTheme = '';
    for (const { indicator, previousPeriod, previous, latestPeriod, latest } of rows) {
      const target = indicator.rated ? targets.get(indicator.id) : null;
      const quartile = indicator.benchmarked ? String(1 + Math.floor(rand() * 4)) : 'N/A';
      const neighbours = indicator.benchmarked ? format(nextValue(latest, indicator, rand), indicator) : 'N/A';
      lines.push(
        [
          indicator.outcome === lastTopic ? '' : indicator.outcome,
          indicator.area === lastTheme ? '' : indicator.area,
          indicator.aliases && rand() < 0.5 ? indicator.aliases : indicator.name,
          EXPORT_WORDS.valueType[indicator.unit],
          EXPORT_WORDS.polarity[indicator.polarity],
          EXPORT_WORDS.frequency[indicator.frequency],
          previousPeriod,
          format(previous, indicator),
          latestPeriod,
          format(latest, indicator),
          trendWord(previous, latest),
          target ? `${target.sign}${format(target.value, indicator)}` : 'N/A',
          target ? ragFor(latest, target, indicator) : 'N/A',
          quartile,
          neighbours,
        ].join('\t'),
      );
      lastTopic = indicator.outcome;
      lastTheme = indicator.area;
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
