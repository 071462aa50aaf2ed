#!/usr/bin/env node
/**
 * npm run new-quarter -- 2024-25 q2
 * Creates content/quarters/2024-25-q2/ with a data file holding the header
 * row and every catalogue indicator, and a draft commentary stub. Refuses to
 * overwrite a quarter that exists.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const contentDir = process.env.CONTENT_DIR || 'content';
const [year, quarter] = process.argv.slice(2);

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const yearMatch = /^(\d{4})-(\d{2})$/.exec(year ?? '');
if (!yearMatch || (Number(yearMatch[1]) + 1) % 100 !== Number(yearMatch[2]) || !/^q[1-4]$/i.test(quarter ?? '')) {
  fail('Give the financial year and the quarter, like this:\n  npm run new-quarter -- 2024-25 q2');
}
const id = `${year}-${quarter.toLowerCase()}`;
const label = `Q${quarter.slice(1)} ${yearMatch[1]}/${yearMatch[2]}`;
const folder = join(contentDir, 'quarters', id);
if (existsSync(folder)) fail(`${folder} already exists, so nothing was changed. To start again, delete that folder first.`);

const catalogue = Papa.parse(readFileSync(join(contentDir, 'indicators.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const header = ['Topic', 'Theme', 'Indicator', 'Value Type', 'Polarity', 'Reporting Frequency', 'Previous Period', 'Previous Value', 'Latest Period', 'Latest Value', 'Trend', 'Target', 'Status RAG', 'National benchmark (quartile 1 = top)', 'Most recent Statistical Neighbour average', 'England average'];
const polarity = { 'higher is better': 'High = Good', 'lower is better': 'Low = Good', neither: 'N/A' };
const frequency = { quarterly: 'Quarter', termly: 'Term', annual: 'Annual' };
const areas = ['Early Years', 'Education', 'SEND', 'Social Care'];
const rows = [...catalogue]
  .sort((a, b) => areas.indexOf(a.area) - areas.indexOf(b.area) || a.name.localeCompare(b.name))
  .map((indicator, i, all) => {
    const firstOfGroup = i === 0 || all[i - 1].area !== indicator.area;
    return [
      firstOfGroup ? indicator.outcome : '',
      firstOfGroup ? indicator.area : '',
      indicator.name,
      indicator.unit === 'percent' ? 'Percent' : 'Number',
      polarity[indicator.polarity],
      frequency[indicator.frequency],
      ...Array(header.length - 6).fill(''),
    ];
  });

mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'data.tsv'), `${[header, ...rows].map((row) => row.join('\t')).join('\n')}\n`);
writeFileSync(
  join(folder, 'commentary.mdx'),
  `---
# The heading of the commentary on the quarter page.
title: Quarter ${quarter.slice(1)} ${yearMatch[1]}/${yearMatch[2]} performance report
# The reporting period: must be exactly this quarter.
period: ${label}
# The committee the report goes to.
committee: Children and Family Services Overview and Scrutiny Committee
# The meeting date, written YYYY-MM-DD in quotes: remove the # at the start of the next line and fill it in.
# meetingDate: "YYYY-MM-DD"
# The date the page goes public, YYYY-MM-DD in quotes: remove the # and fill it in.
# publishedDate: "YYYY-MM-DD"
# draft: only the preview (npm run dev) shows this quarter. Change to published when it is ready.
status: draft
# One or two sentences for the home page and for link previews. Figures here must match the data.
summary: Write one or two sentences that sum up this quarter's performance for residents.
# The year of the national figures the quartiles compare with, such as "2022/23".
benchmarkYear: "${Number(yearMatch[1]) - 1}/${String(Number(yearMatch[2]) - 1).padStart(2, '0')}"
# Links to the committee papers: a title and a full web address for each. Leave as [] if none.
papers: []
# Who readers can contact about the report.
contact:
  name: Your name
  role: Your job title
  email: someone@example.gov.uk
# Corrections made after publication (see docs/EDITING.md). Leave as [] if none.
corrections: []
---

{/* Write the commentary below. Start headings with ###. Put every figure from the data file in with a component,
    for example <Value of="care-leavers-eet" /> or <Change of="care-leavers-eet" />, never typed by hand. */}

<QuarterSummary />

### Social care

Write about social care here.
`,
);
console.log(`Created ${folder}/data.tsv and ${folder}/commentary.mdx (a draft).
Next: paste the dashboard figures into data.tsv (or replace it with data.csv), write the commentary,
and run  npm run check  to see any problems.`);
