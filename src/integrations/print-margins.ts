/**
 * Each page's printed margins (#23) as a print stylesheet of its own: the page names its stylesheet and the
 * margin text (a data-margins attribute on the <link>, written by src/components/PrintMargins.astro), and this
 * step writes the file once Astro has written the pages. An external file, because the pages' Content-Security-Policy
 * allows only the site's own stylesheets, and a <style> in the page would come before the policy's meta tag.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { printMarginsCss, type PrintMarginText } from '../present/print-margins.ts';
import { withoutBase } from '../present/urls.ts';

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };

function find(node: Node, test: (node: Node) => boolean): Node | undefined {
  if (test(node)) return node;
  for (const child of node.childNodes ?? []) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

export function printMargins(): AstroIntegration {
  let base = '/';
  return {
    name: 'cfs-print-margins',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        // Every HTML file written, the 404 page included (Astro's page list leaves it out).
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
        for (const file of files) {
          const html = readFileSync(join(root, file), 'utf8');
          const link = find(parse(html) as unknown as Node, (node) => node.nodeName === 'link' && Boolean(node.attrs?.some((a) => a.name === 'data-margins')));
          if (!link) continue;
          const attr = (name: string) => link.attrs!.find((a) => a.name === name)!.value;
          const text = JSON.parse(attr('data-margins')) as PrintMarginText;
          const target = join(root, withoutBase(base, attr('href')));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, `${printMarginsCss(text)}\n`);
        }
      },
    },
  };
}
