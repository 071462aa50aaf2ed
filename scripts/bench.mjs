#!/usr/bin/env node
/**
 * Build benchmark (`npm run bench`): how the build scales with the amount of
 * content, against a trivial Astro project with the same number of pages.
 *
 * For each size QxI (Q quarters, I indicators) it generates synthetic content
 * in a temporary folder (never in content/; see scripts/bench/generate.mjs),
 * builds the site from it with `CONTENT_DIR=<tmp> astro build --outDir <tmp>`
 * (in a private copy of the project, scripts/bench/site-root.mjs, so that it
 * neither disturbs nor is disturbed by other builds running at the same time),
 * then builds a trivial project of as many HTML pages, and prints:
 *
 *   - the table: pages built, build time, ms per page, peak memory, output
 *     size, the trivial build's time and the ratio between the two;
 *   - where the time went (startup, content check, bundling, rendering by
 *     kind of page);
 *   - the goals: 40x150 in at most 1.5x the trivial build, and doubling the
 *     data (40 to 80 quarters) at most 2.2x the build time.
 *
 * Options:
 *   --sizes 10x30,40x150,80x150   sizes to build (quarters x indicators)
 *   --runs 3                      builds of each, real and trivial interleaved; the median is reported
 *   --no-commentary               no commentary.mdx in the synthetic quarters
 *   --json <file>                 also write the results as JSON (default test-results/bench/bench.json)
 *   --keep                        keep the temporary folders, and print where they are
 *   --dist <dir>                  leave the last site build of each size in <dir>/<size> (the smoke test reads it)
 *   --assert                      exit 1 when a goal is missed
 *   --project <dir>               build the site from another checkout of this project (to compare a change)
 *
 * Timings depend on what else the machine is doing: run it on a quiet machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateContent } from './bench/generate.mjs';
import { filesUnder, measureBuild } from './bench/measure.mjs';
import { BENCH_CONFIG, prepareSiteRoot, resetSiteRoot } from './bench/site-root.mjs';
import { generateTrivialProject } from './bench/trivial.mjs';

const ROOT = resolve(import.meta.dirname, '..');
// Run with this Node (the project's Node 24 under npm), whatever `node` is first on PATH.
const ASTRO = join(ROOT, 'node_modules/astro', JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).bin.astro);
const GOALS = { ratioAt: '40x150', maxRatio: 1.5, doubling: ['40x150', '80x150'], maxDoubling: 2.2 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10x30,40x150,80x150' },
    runs: { type: 'string', default: '3' },
    'no-commentary': { type: 'boolean', default: false },
    json: { type: 'string', default: join(ROOT, 'test-results/bench/bench.json') },
    keep: { type: 'boolean', default: false },
    dist: { type: 'string' },
    assert: { type: 'boolean', default: false },
    project: { type: 'string', default: ROOT },
  },
});
const sizes = values.sizes.split(',').map((size) => {
  const match = /^(\d+)x(\d+)$/.exec(size.trim());
  if (!match) throw new Error(`--sizes: "${size}" is not QUARTERSxINDICATORS, such as 40x150`);
  return { key: size.trim(), quarters: Number(match[1]), indicators: Number(match[2]) };
});
const runs = Math.max(1, Number(values.runs) || 1);

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const medianRun = (list) => {
  const m = median(list.map((r) => r.ms));
  return list.reduce((best, r) => (Math.abs(r.ms - m) < Math.abs(best.ms - m) ? r : best));
};
const s = (ms) => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(2));
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padStart(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`, ...rows.map(line)].join('\n');
}

function fail(what, result) {
  console.error(`\n${what} failed (exit ${result.status}):\n${result.output.split('\n').slice(-40).join('\n')}`);
  process.exit(2);
}

const temps = [];
const temp = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

console.log(`Build benchmark of ${resolve(values.project)}: sizes ${sizes.map((x) => x.key).join(', ')}; ${runs} run(s) each, median reported.`);
console.log(`Machine: ${cpus().length} cores, ${mb(totalmem())} MB memory (${mb(freemem())} MB free), Node ${process.version}; load average ${loadAverage()}.`);
const started = performance.now();
const results = [];
try {
  // The site is built from a private copy of the project (src/, public/, configuration): see scripts/bench/site-root.mjs.
  const siteRoot = prepareSiteRoot(temp('cfs-bench-site-'), resolve(values.project));
  for (const size of sizes) {
    const content = temp(`cfs-bench-content-${size.key}-`);
    const generated = generateContent(content, { quarters: size.quarters, indicators: size.indicators, commentary: !values['no-commentary'] });
    const real = [];
    const trivial = [];
    let pages = 0;
    let html = [];
    let output = [];
    let quarterGzip = 0;
    for (let run = 0; run < runs; run++) {
      const outDir = values.dist ? join(resolve(values.dist), size.key) : temp(`cfs-bench-dist-${size.key}-`);
      if (values.dist) rmSync(outDir, { recursive: true, force: true });
      resetSiteRoot(siteRoot);
      const result = await measureBuild({
        astro: ASTRO,
        args: ['build', '--config', BENCH_CONFIG, '--outDir', outDir],
        cwd: siteRoot,
        env: { CONTENT_DIR: content },
      });
      if (result.status !== 0) fail(`Building ${size.key}`, result);
      output = filesUnder(outDir);
      html = output.filter((file) => file.path.endsWith('.html'));
      pages = html.length;
      const largest = html.filter((file) => /\/\d{4}-\d{2}\/q[1-4]\/index\.html$/.test(file.path)).sort((a, b) => b.bytes - a.bytes)[0];
      quarterGzip = largest ? gzipSync(readFileSync(largest.path)).length : 0;
      real.push(result);
      process.stdout.write(`  ${size.key} run ${run + 1}: site ${s(result.ms)} s`);
      if (!values.keep && !values.dist) rmSync(outDir, { recursive: true, force: true });

      const project = temp(`cfs-bench-trivial-${size.key}-`);
      generateTrivialProject(project, pages, ROOT);
      const trivialOut = join(project, 'dist');
      const yardstick = await measureBuild({ astro: ASTRO, args: ['build', '--root', project, '--outDir', trivialOut], cwd: project, env: {} });
      if (yardstick.status !== 0) fail(`The trivial ${pages}-page build`, yardstick);
      const trivialPages = filesUnder(trivialOut).filter((file) => file.path.endsWith('.html')).length;
      if (trivialPages !== pages) throw new Error(`the trivial build made ${trivialPages} pages, not ${pages}`);
      trivial.push(yardstick);
      console.log(`, trivial ${s(yardstick.ms)} s (load ${loadAverage()})`);
      if (!values.keep) rmSync(project, { recursive: true, force: true });
    }
    const quarterPages = html.filter((file) => /\/\d{4}-\d{2}\/q[1-4]\/index\.html$/.test(file.path));
    const largestQuarterGzip = quarterGzip;
    const r = medianRun(real);
    const t = medianRun(trivial);
    results.push({
      size: size.key,
      quarters: size.quarters,
      indicators: size.indicators,
      dataBytes: generated.dataBytes,
      pages,
      ms: r.ms,
      msPerPage: r.ms / pages,
      peakKb: r.peakKb,
      outputBytes: output.reduce((sum, file) => sum + file.bytes, 0),
      htmlBytes: html.reduce((sum, file) => sum + file.bytes, 0),
      largestQuarterPage: Math.max(0, ...quarterPages.map((file) => file.bytes)),
      largestQuarterPageGzip: largestQuarterGzip,
      trivialMs: t.ms,
      ratio: r.ms / t.ms,
      phases: r.phases,
      byKind: r.byKind,
      trivialPhases: t.phases,
      trivialByKind: t.byKind,
      allRuns: { real: real.map((x) => Math.round(x.ms)), trivial: trivial.map((x) => Math.round(x.ms)) },
    });
  }
} finally {
  if (!values.keep) for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  else console.log(`\nKept: ${temps.join(' ')}`);
}

console.log('\nBuild time by size (median of runs):\n');
console.log(
  table(
    ['quarters', 'indicators', 'pages built', 'build (s)', 'ms/page', 'peak memory (MB)', 'output (MB)', 'largest quarter page (KB raw / gzip)', 'trivial build (s)', 'ratio'],
    results.map((x) => [
      x.quarters,
      x.indicators,
      x.pages,
      s(x.ms),
      x.msPerPage.toFixed(1),
      (x.peakKb / 1024).toFixed(0),
      mb(x.outputBytes),
      `${(x.largestQuarterPage / 1024).toFixed(0)} / ${(x.largestQuarterPageGzip / 1024).toFixed(0)}`,
      s(x.trivialMs),
      `${x.ratio.toFixed(2)}x`,
    ]),
  ),
);

console.log('\nWhere the time goes (seconds; render by kind: pages × mean ms):\n');
const kind = (byKind, name) => (byKind[name] ? `${s(byKind[name].ms)} (${byKind[name].count} × ${(byKind[name].ms / byKind[name].count).toFixed(1)})` : '–');
const profileRow = (label, x, phases, byKind) => [
  label,
  s(x),
  s(phases.startup),
  s(phases.contentCheck),
  s(phases.prepare),
  s(phases.bundle),
  s(phases.render),
  kind(byKind, 'quarter'),
  kind(byKind, 'indicator'),
  kind(byKind, 'data file'),
  kind(byKind, 'other'),
  s(phases.finish),
];
console.log(
  table(
    ['build', 'total', 'startup', 'content check', 'prepare', 'bundle', 'render', 'quarter pages', 'indicator pages', 'data files', 'other pages', 'finish'],
    results.flatMap((x) => [profileRow(`site ${x.size}`, x.ms, x.phases, x.byKind), profileRow(`trivial ${x.pages}`, x.trivialMs, x.trivialPhases, x.trivialByKind)]),
  ),
);

const verdicts = [];
const at = results.find((x) => x.size === GOALS.ratioAt);
if (at) {
  verdicts.push({
    goal: `${GOALS.ratioAt} builds in <= ${GOALS.maxRatio}x the trivial ${at.pages}-page build`,
    figure: `${at.ratio.toFixed(2)}x (${s(at.ms)} s vs ${s(at.trivialMs)} s)`,
    met: at.ratio <= GOALS.maxRatio,
  });
}
const [from, to] = GOALS.doubling.map((key) => results.find((x) => x.size === key));
if (from && to) {
  const factor = to.ms / from.ms;
  const render = to.phases.render && from.phases.render ? to.phases.render / from.phases.render : NaN;
  const quarter = to.byKind.quarter && from.byKind.quarter ? to.byKind.quarter.ms / from.byKind.quarter.ms : NaN;
  verdicts.push({
    goal: `doubling the data (${from.size} to ${to.size}) <= ${GOALS.maxDoubling}x build time`,
    figure: `${factor.toFixed(2)}x (render ${render.toFixed(2)}x, quarter pages ${quarter.toFixed(2)}x, output ${(to.outputBytes / from.outputBytes).toFixed(2)}x, largest quarter page ${(to.largestQuarterPage / from.largestQuarterPage).toFixed(2)}x)`,
    met: factor <= GOALS.maxDoubling,
  });
}
if (verdicts.length) {
  console.log('\nGoals:\n');
  for (const v of verdicts) console.log(`  ${v.met ? 'MET   ' : 'MISSED'} ${v.goal}: ${v.figure}`);
}
console.log(`\nBenchmark took ${s(performance.now() - started)} s; load average now ${loadAverage()}.`);

if (values.json) {
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(
    values.json,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, runs, results, verdicts }, null, 2)}\n`,
  );
  console.log(`Results written to ${values.json}`);
}
if (values.assert && verdicts.some((v) => !v.met)) process.exit(1);
