import { chromium } from 'playwright-core';
import { startServer } from './serve-dist.mjs';
const server = await startServer({ root: '/tmp/pt', basePath: '/' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const p = await (await b.newContext()).newPage();
await p.goto(server.origin + '/');
await p.pdf({ path: '/tmp/pt/out.pdf', preferCSSPageSize: true });
await b.close(); await server.close();
