/**
 * Runs one `astro build` and measures it: wall time, peak memory, and where
 * the time went. Astro's log lines are time-stamped as they arrive (Node
 * writes to pipes synchronously on Linux), which splits the build into
 * phases; the per-page "(+Nms)" figures Astro prints while generating
 * static routes are summed by kind of page.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

/** The kind of page a generated route is, for the render profile. */
export function routeKind(route) {
  if (/^\/\d{4}-\d{2}\/q[1-4]\//.test(route)) return 'quarter';
  if (/^\/indicators\/[^/]+\/index\.html$/.test(route)) return 'indicator';
  if (/^\/data\/.+\.(csv|json)$/.test(route)) return 'data file';
  return 'other';
}

/**
 * @param {{ astro: string, args: string[], cwd: string, env: Record<string,string> }} options
 */
export async function measureBuild({ astro, args, cwd, env }) {
  const useTime = existsSync(TIME);
  const timeDir = useTime ? mkdtempSync(join(tmpdir(), 'cfs-bench-time-')) : null;
  const timeFile = timeDir ? join(timeDir, 'time.txt') : null;
  const command = useTime ? TIME : process.execPath;
  const commandArgs = useTime ? ['-v', '-o', timeFile, process.execPath, astro, ...args] : [astro, ...args];
  const start = performance.now();
  const child = spawn(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const marks = {};
  const routes = [];
  const lines = [];
  const timeline = [];
  const onLine = (line) => {
    const t = performance.now() - start;
    lines.push(line);
    if (line.trim() && !/[├└]─/.test(line)) timeline.push({ ms: Math.round(t), line: line.replace(/^\d\d:\d\d:\d\d /, '').slice(0, 140) });
    const mark = (name) => {
      marks[name] ??= t;
    };
    // The site has no content collections: its content is read and validated once, in the content-check
    // integration's astro:build:start hook (src/integrations/content-check.ts), which runs between Astro's
    // type generation ("[types] Generated") and its first build line ("[build] output: ...").
    if (line.includes('[types] Generated')) mark('checkStart');
    else if (line.includes('[build] output:')) mark('checkEnd');
    else if (line.includes('Building static entrypoints')) mark('bundleStart');
    else if (line.includes('generating static routes')) mark('renderStart');
    else if (marks.renderStart !== undefined && marks.renderEnd === undefined && /✓ Completed in/.test(line)) mark('renderEnd');
    const route = /[├└]─ (\S+) \(\+(\d+)ms\)/.exec(line);
    if (route) routes.push({ route: route[1], ms: Number(route[2]) });
  };
  const listen = (stream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      for (const part of parts) onLine(part);
    });
    stream.on('end', () => rest && onLine(rest));
  };
  listen(child.stdout);
  listen(child.stderr);

  // Without GNU time, poll the resident memory of the build process.
  let peakKb = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
          peakKb = Math.max(peakKb, rss);
        } catch {
          // The process has ended, or there is no /proc.
        }
      }, 50);

  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const ms = performance.now() - start;
  if (poll) clearInterval(poll);
  if (timeFile && existsSync(timeFile)) {
    const text = readFileSync(timeFile, 'utf8');
    peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? 0);
    rmSync(timeDir, { recursive: true, force: true });
  }

  const byKind = {};
  for (const { route, ms: routeMs } of routes) {
    const kind = routeKind(route);
    byKind[kind] ??= { count: 0, ms: 0, slowest: { route: '', ms: -1 } };
    byKind[kind].count += 1;
    byKind[kind].ms += routeMs;
    if (routeMs > byKind[kind].slowest.ms) byKind[kind].slowest = { route, ms: routeMs };
  }
  const span = (from, to) => (marks[from] !== undefined && marks[to] !== undefined ? marks[to] - marks[from] : null);
  const phases = {
    // Process start, configuration and integrations, Vite's server and type generation.
    startup: marks.checkStart ?? marks.bundleStart ?? null,
    // The content check: every content file read and validated once (src/loaders/site-model.ts, the function
    // `npm run check` calls), the site model built from the result. Near zero for the trivial project.
    contentCheck: span('checkStart', 'checkEnd'),
    // Collecting the routes (build info).
    prepare: span('checkEnd', 'bundleStart'),
    // Vite/Rolldown bundling of the server and client code.
    bundle: span('bundleStart', 'renderStart'),
    // Rendering every route to a file.
    render: span('renderStart', 'renderEnd'),
    // Writing assets, cleaning up, process exit.
    finish: marks.renderEnd !== undefined ? ms - marks.renderEnd : null,
  };
  return { status, ms, peakKb, phases, byKind, timeline, output: lines.join('\n') };
}

/** Every file under a folder, with its size. */
export function filesUnder(dir) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push({ path, bytes: statSync(path).size });
    }
  };
  walk(dir);
  return files;
}
