/**
 * `npm run check`: the content validation the build runs (src/ingest/validate.ts,
 * the same function), without building. Prints every problem grouped by file in
 * plain words, and says "valid" only when `npm run build` will not stop for a
 * content reason. Exit code 1 when it would.
 *
 *   npm run check                  check content/ (or CONTENT_DIR)
 *   npm run check -- --watch       check again whenever a content file is saved
 *   npm run check -- --drafts      treat drafts' problems as blocking (as npm run preview:drafts does)
 *   npm run check -- --verbose     also list the warnings of quarters already published
 */
import { formatFileProblems, formatProblem, groupByFile } from '../src/core/problems.ts';
import { contentSignature, readContentFiles } from '../src/ingest/read-content.ts';
import { blockingProblems, validateContent, type ContentReport } from '../src/ingest/validate.ts';
import { readBuildClock } from '../src/core/release-time.ts';
import { annotation, annotationSystem } from '../src/core/annotations.ts';
import { readability } from '../src/ingest/readability.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const contentDir = process.env.CONTENT_DIR || 'content';
const includeDrafts = args.has('--drafts');
const verbose = args.has('--verbose');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Advice on the commentary's plain English (#23), never a problem: average sentence length, reading age, and the longest
 * sentences. Drafts always get it; a published quarter only with --verbose (its text is the record and is not edited).
 */
function readingReport(folder: string, published = false): string[] {
  const file = join(folder, 'commentary.mdx');
  if (!existsSync(file) || (published && !verbose)) return [];
  const read = readability(readFileSync(file, 'utf8'));
  if (!read.sentences) return [];
  const out = [
    `  Reading: ${read.wordsPerSentence.toFixed(1)} words a sentence on average, reading age about ${Math.round(read.readingAge)} (aim for under 20 words and an age of 9 to 12).`,
  ];
  if (read.longest.length) {
    out.push(`  Longest sentences (over 25 words; shorter ones are easier to read on a phone):`);
    for (const sentence of read.longest) out.push(`    ${file}${sentence.line ? `:${sentence.line}` : ''} (${sentence.words} words): "${sentence.text.length > 100 ? `${sentence.text.slice(0, 97)}...` : sentence.text}"`);
  }
  return out;
}

function describe(report: ContentReport): { text: string; ok: boolean } {
  const out: string[] = [];
  if (report.catalogueProblems.length) {
    for (const [file, problems] of groupByFile(report.catalogueProblems)) out.push(formatFileProblems(file, problems));
    out.push('No quarter can be checked until the catalogue is fixed.');
  } else {
    out.push(`Catalogue: ${plural(report.catalogue.length, 'indicator')}, fine.`);
  }
  for (const quarter of report.quarters) {
    const state = { published: 'published', scheduled: 'published, scheduled: not on the public site until its time', draft: 'draft, not on the public site' }[quarter.publication];
    const verdict = quarter.problems.length ? plural(quarter.problems.length, 'problem') : 'fine';
    out.push('', `${quarter.id} (${state}): ${verdict}.`);
    for (const note of quarter.notes) out.push(`  ${note}`);
    out.push(...readingReport(quarter.path, quarter.publication === 'published'));
    if (quarter.problems.length) {
      if (quarter.publication === 'draft' && !includeDrafts) out.push('  These do not stop the build while the quarter is a draft; fix them before publishing.');
      for (const [file, problems] of groupByFile(quarter.problems)) out.push(formatFileProblems(file, problems).replace(/^/gm, '  '));
    }
    if (quarter.warnings.length) {
      // A published quarter's file is the record of what was published, and is not edited: one line, not the list, every run.
      if (quarter.publication === 'published' && !verbose) {
        out.push(`  ${plural(quarter.warnings.length, 'warning')} in the published data (not a problem; npm run check -- --verbose lists them).`);
      } else {
        out.push(`  ${plural(quarter.warnings.length, 'thing')} to look at (the build carries on):`);
        for (const warning of quarter.warnings) out.push(formatProblem(warning).replace(/^/gm, '  '));
      }
    }
  }
  const blocking = blockingProblems(report, { includeDrafts });
  const published = report.quarters.filter((quarter) => quarter.publication === 'published' && quarter.quarter);
  out.push('');
  if (blocking.length) {
    out.push(`Not valid: ${plural(blocking.length, 'problem')} would stop the build. Fix ${blocking.length === 1 ? 'it' : 'them'} and check again (docs/EDITING.md explains each message).`);
  } else {
    const drafts = report.quarters.filter((quarter) => quarter.publication === 'draft').length;
    const scheduled = report.quarters.filter((quarter) => quarter.publication === 'scheduled').length;
    const left = [drafts ? plural(drafts, 'draft') : '', scheduled ? `${plural(scheduled, 'scheduled quarter')} until ${scheduled === 1 ? 'its' : 'their'} time` : ''].filter(Boolean).join(' and ');
    out.push(`Valid: npm run build will publish ${plural(published.length, 'quarter')}${left ? ` (and leave out ${left})` : ''}.`);
  }
  return { text: out.join('\n'), ok: blocking.length === 0 };
}

async function run(): Promise<boolean> {
  const started = performance.now();
  // The clock is read once per check, as the build reads it once (BUILD_TIME fixes it).
  const report = await validateContent(readContentFiles(contentDir), { clock: readBuildClock(process.env) });
  const { text, ok } = describe(report);
  console.log(`Checking ${contentDir}/ ...\n\n${text}\n(checked in ${Math.round(performance.now() - started)} ms)`);
  // In a GitHub or Azure DevOps pipeline each blocking problem is also shown beside its line in the review.
  const system = annotationSystem(process.env);
  if (system) for (const problem of blockingProblems(report, { includeDrafts })) console.log(annotation(problem, system));
  return ok;
}

if (args.has('--watch')) {
  await run();
  console.log('\nWatching for changes; press Ctrl+C to stop.');
  // The folder's signature, taken twice a second: file events miss a file replaced by a rename (how many editors
  // and git save), which once left a stale "Valid" on screen. A save is checked once the signature settles.
  let seen = contentSignature(contentDir);
  let pending: string | null = null;
  setInterval(() => {
    const now = contentSignature(contentDir);
    if (now !== seen && now === pending) {
      seen = now;
      pending = null;
      console.clear();
      run().catch((error: unknown) => console.error(error));
    } else if (now !== seen) pending = now;
  }, 500);
} else {
  process.exitCode = (await run()) ? 0 : 1;
}
