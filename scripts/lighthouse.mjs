#!/usr/bin/env node
/**
 * Lighthouse over the built site (`npm run lighthouse`): builds into dist/
 * (or, with --no-build, uses the dist/ there is), serves it on 127.0.0.1
 * with a small static server (gzip, as a real host would), and runs
 * Lighthouse with its mobile defaults in Debian's Chromium on the home page,
 * a quarter page and an indicator page. Prints the four category scores and
 * every audit that fails in a category under its target, and writes HTML and
 * JSON reports to test-results/lighthouse/.
 *
 * Options:
 *   --no-build        use the existing dist/
 *   --assert          exit 1 when a score is under its target
 *   --runs 1          runs per page; the median performance score is reported (the others are stable)
 *   --pages a,b       paths to test (default: /, /2024-25/q1/, /indicators/care-leavers-eet/)
 *
 * Chromium: CHROME_PATH, else /usr/bin/chromium. Nothing is downloaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startServer } from './serve-dist.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const LIGHTHOUSE_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'test-results/lighthouse');
const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    assert: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    pages: { type: 'string', default: '/,/2024-25/q1/,/indicators/care-leavers-eet/' },
  },
});
const pages = values.pages.split(',').map((page) => page.trim()).filter(Boolean);
const runs = Math.max(1, Number(values.runs) || 1);

// ---- Build ----------------------------------------------------------------------------------

if (!values['no-build']) {
  console.log('Building the site into dist/ …');
  const astro = join(ROOT, 'node_modules/astro', JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).bin.astro);
  const build = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } });
  if (build.status !== 0) {
    console.error(`The build failed (exit ${build.status}).`);
    process.exit(2);
  }
}
if (!existsSync(join(DIST, 'index.html'))) {
  console.error('There is no dist/index.html: run without --no-build, or `npm run build` first.');
  process.exit(2);
}

// ---- A static server for dist/ --------------------------------------------------------------

// The project's one static server, gzipping as a real host does, with the cache headers public/_headers gives.
const served = await startServer({ root: DIST, basePath: '/', compress: true });
const server = served.server;
const origin = served.origin;
console.log(`Serving dist/ at ${origin}`);

// ---- Lighthouse -----------------------------------------------------------------------------

const chromePath = CHROMIUM_PATH;
if (!existsSync(chromePath)) {
  console.error(`No Chromium at ${chromePath}: apt-get install chromium, or set CHROME_PATH.`);
  server.close();
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
const slug = (page) => page.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const results = [];
let chrome;
try {
  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  for (const page of pages) {
    const url = `${origin}${page}`;
    const attempts = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: Object.keys(TARGETS),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      attempts.push(result);
    }
    // The run with the median performance score stands for the page.
    const scoreOf = (result) => Math.round((result.lhr.categories.performance?.score ?? 0) * 100);
    const chosen = attempts.find((result) => scoreOf(result) === median(attempts.map(scoreOf)));
    const [html, json] = chosen.report;
    writeFileSync(join(OUT, `${slug(page)}.report.html`), html);
    writeFileSync(join(OUT, `${slug(page)}.report.json`), json);
    const { lhr } = chosen;
    if (lhr.runtimeError) console.warn(`${page}: Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(Object.keys(TARGETS).map((id) => [id, lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100)]));
    const metrics = Object.fromEntries(
      ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, lhr.audits[id]?.displayValue ?? '–']),
    );
    // Failing audits: scored below 1 in a category that is under its target.
    const failing = {};
    for (const [id, target] of Object.entries(TARGETS)) {
      if (scores[id] !== null && scores[id] >= target) continue;
      const category = lhr.categories[id];
      failing[id] = (category?.auditRefs ?? [])
        .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
        .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode))
        .map(({ ref, audit }) => ({
          id: ref.id,
          weight: ref.weight,
          score: audit.score,
          title: audit.title,
          displayValue: audit.displayValue ?? '',
          // What the audit points at: elements and URLs (not the structured tables some insights hold).
          items: (audit.details?.items ?? [])
            .map((item) => item.node?.snippet ?? item.url ?? item.source?.url ?? null)
            .filter((item) => typeof item === 'string')
            .slice(0, 5),
        }));
    }
    results.push({ page, scores, metrics, failing, runs: attempts.map(scoreOf) });
  }
} finally {
  chrome?.kill();
  server.close();
}

// ---- Report -------------------------------------------------------------------------------

const cell = (id, score) => (score === null ? 'n/a' : `${score}${score < TARGETS[id] ? ' ✗' : ''}`);
console.log(`\nLighthouse ${LIGHTHOUSE_VERSION} (mobile defaults, simulated throttling), Chromium at ${chromePath}:\n`);
const headers = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'];
const rows = results.map((r) => [
  r.page,
  cell('performance', r.scores.performance) + (runs > 1 ? ` (runs ${r.runs.join('/')})` : ''),
  cell('accessibility', r.scores.accessibility),
  cell('best-practices', r.scores['best-practices']),
  cell('seo', r.scores.seo),
  r.metrics['first-contentful-paint'],
  r.metrics['largest-contentful-paint'],
  r.metrics['total-blocking-time'],
  r.metrics['cumulative-layout-shift'],
]);
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
console.log(`| ${headers.map((h, i) => h.padEnd(widths[i])).join(' | ')} |`);
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(`| ${row.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`);
console.log(`\nTargets: ${Object.entries(TARGETS).map(([id, t]) => `${id} >= ${t}`).join(', ')}.`);

let under = 0;
for (const r of results) {
  for (const [id, audits] of Object.entries(r.failing)) {
    under += 1;
    console.log(`\n${r.page}: ${id} ${r.scores[id]} (target ${TARGETS[id]}). Failing audits:`);
    if (!audits.length) console.log('  (none scored below 1: the score comes from the metrics above)');
    for (const audit of audits) {
      console.log(`  - ${audit.id} (weight ${audit.weight}, score ${audit.score}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`);
      for (const item of audit.items) console.log(`      ${String(item).replace(/\s+/g, ' ').slice(0, 200)}`);
    }
  }
}
writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify({ date: new Date().toISOString(), targets: TARGETS, results }, null, 2)}\n`);
console.log(`\nReports: ${OUT}/<page>.report.html and .report.json; summary.json.`);
if (values.assert && under > 0) {
  console.error(`${under} score(s) under target.`);
  process.exit(1);
}
