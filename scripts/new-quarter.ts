/**
 * npm run new-quarter -- 2024-25 q2
 * Creates content/quarters/2024-25-q2/ with a data file holding the header row
 * and every catalogue indicator, and a draft commentary. The quarter is a draft:
 * the site still builds without it, and `npm run check` lists what it still
 * needs. Placeholders say FILL IN, and a quarter carrying one cannot be published.
 * Refuses to overwrite a quarter that exists.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue } from '../src/ingest/catalogue.ts';
import { decodeText } from '../src/ingest/delimited.ts';
import { parseQuarterId } from '../src/core/periods.ts';
import { formatFileProblems } from '../src/core/problems.ts';
import { QUARTER_COLUMNS } from '../src/schemas/quarter-row.ts';
import { EXPORT_WORDS } from '../src/core/vocabulary.ts';
import { SITE } from '../src/site.config.ts';
import { CONTACT_NAME_PLACEHOLDER, NEW_QUARTER_BODY, SUMMARY_PLACEHOLDER, TERMINAL_BODY_NOTE } from '../src/ingest/quarter-template.ts';

const contentDir = process.env.CONTENT_DIR || 'content';
const [year = '', quarter = ''] = process.argv.slice(2);

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const reporting = parseQuarterId(`${year}-${quarter.toLowerCase()}`);
if (!reporting) fail('Give the financial year and the quarter, like this:\n  npm run new-quarter -- 2024-25 q2');
const folder = join(contentDir, 'quarters', reporting.id);
if (existsSync(folder)) fail(`${folder} already exists, so nothing was changed. To start again, delete that folder first.`);

const catalogueFile = join(contentDir, 'indicators.csv');
const decoded = decodeText(readFileSync(catalogueFile), catalogueFile);
if (!decoded.ok) fail(formatFileProblems(catalogueFile, [decoded.problem]));
const { entries, problems } = parseCatalogue(decoded.text, catalogueFile);
if (problems.length) fail(formatFileProblems(catalogueFile, problems));

const header = QUARTER_COLUMNS.map((column) => column.header);
const indicators = entries
  .map((entry) => entry.indicator)
  .sort((a, b) => SITE.areas.indexOf(a.area) - SITE.areas.indexOf(b.area) || a.name.localeCompare(b.name, 'en-GB'));
const rows = indicators.map((indicator, i) => {
  const firstOfGroup = i === 0 || indicators[i - 1]!.area !== indicator.area;
  const cells: Record<string, string> = {
    topic: firstOfGroup ? indicator.outcome : '',
    theme: firstOfGroup ? indicator.area : '',
    indicator: indicator.name,
    valueType: EXPORT_WORDS.valueType[indicator.unit],
    polarity: EXPORT_WORDS.polarity[indicator.polarity],
    frequency: EXPORT_WORDS.frequency[indicator.frequency],
  };
  return QUARTER_COLUMNS.map((column) => cells[column.key] ?? '');
});

const [first, second] = reporting.year.split('-').map(Number) as [number, number];
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'data.tsv'), `${[header, ...rows].map((row) => row.join('\t')).join('\n')}\n`);
writeFileSync(
  join(folder, 'commentary.mdx'),
  `---
# The heading of the commentary on the quarter page.
title: Quarter ${reporting.quarter.slice(1)} ${reporting.label.split(' ')[1]} performance report
# The reporting period: must be exactly this quarter.
period: ${reporting.label}
# The committee the report goes to.
committee: ${SITE.committee}
# The meeting date, written YYYY-MM-DD in quotes: remove the # at the start of the next line and fill it in.
# meetingDate: "YYYY-MM-DD"
# The date the page goes public, YYYY-MM-DD in quotes (needed to publish): remove the # and fill it in.
# publishedDate: "YYYY-MM-DD"
# draft: only previews show this quarter (npm run dev, npm run preview:drafts). Change to published when it is ready.
status: draft
# One or two sentences for the home page, link previews and the feed. Put figures in as tags, such as <Value of="an-indicator-id" />, never typed.
# Write them on the lines below "summary: >-", each indented by two spaces: then quotes, colons and tags need no extra quoting.
summary: >-
  ${SUMMARY_PLACEHOLDER}
# The year of the national figures the quartiles compare with, such as "2022/23".
benchmarkYear: "${first - 1}/${String(second - 1).padStart(2, '0')}"
# Links to the committee papers: a title and a full web address (https://) for each. Leave as [] if none.
papers: []
# Who readers can contact about the report.
contact:
  name: "${CONTACT_NAME_PLACEHOLDER}"
  email: ${SITE.contact.email}
# Corrections made after publication (see docs/EDITING.md). Leave as [] if none.
corrections: []
# Figures of earlier quarters this report gives differently (see docs/EDITING.md). Leave as [] if none.
revisions: []
---
${TERMINAL_BODY_NOTE}${NEW_QUARTER_BODY}`,
);
console.log(`Created ${folder}/data.tsv and ${folder}/commentary.mdx (a draft: the site builds without it).
Next: put this quarter's dashboard export in the folder in place of data.tsv (data.csv, data.tsv or data.xlsx),
write the commentary, and run  npm run check  to see what it still needs.`);
