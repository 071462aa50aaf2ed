/**
 * On every built page, each abbreviation from the glossary is explained where a
 * reader first meets it: inside <abbr title> (or a <dfn>), or just after its
 * words are written out, as in "Education, Health and Care Plan (EHCP)".
 * Reads the shared build; the council's own commentary is held to it too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportOf } from './helpers/model';
import { glossaryAbbreviations } from '../src/present/abbreviations';
import { sharedSite, ROOT, type BuildResult } from './helpers/build';
import { attr, filesUnder, parseHtml, type Node } from './helpers/html';

/** The glossary's abbreviations and what <abbr title> must say for each, as the site reads them. */
const expansions = glossaryAbbreviations((await reportOf()).settings!.glossary);
/** The words written out before "(EHCP)": the expansion without a trailing aside. */
const writtenOutOf = (term: string) => expansions.get(term)!.replace(/\s*\(.*\)$/, '');

/** Never read as text on the page: the document head, scripts, styles and templates. */
const UNSEEN = new Set(['head', 'script', 'style', 'template', 'svg']);

/** Each term's first visible use on a page that is not explained, with the words before it. */
function unexplainedFirstUses(html: string): string[] {
  // A term is explained by a <dfn>, or by an <abbr> whose title is the glossary's own expansion of that term.
  const explains = (node: Node, term: string) =>
    node.tagName === 'dfn' || (node.tagName === 'abbr' && attr(node, 'title') === expansions.get(term));
  const seen = new Set<string>();
  const found: string[] = [];
  let before = '';
  const visit = (node: Node, explainedBy: Node[]) => {
    // Content not shown (the filters before JavaScript runs) is not where a reader first meets a term.
    if (node.tagName && (UNSEEN.has(node.tagName) || attr(node, 'hidden') !== undefined)) return;
    if (node.nodeName === '#text') {
      const text = node.value!;
      for (const match of text.matchAll(/\b[A-Za-z0-9]+\b/g)) {
        const term = match[0];
        if (!expansions.has(term) || seen.has(term)) continue;
        seen.add(term);
        const preceding = (before + text.slice(0, match.index)).replace(/\s+/g, ' ');
        const writtenOut = preceding.toLowerCase().endsWith(`${writtenOutOf(term).toLowerCase()} (`);
        const explained = explainedBy.some((ancestor) => explains(ancestor, term));
        if (!explained && !writtenOut) found.push(`${term} after “…${preceding.slice(-50)}”`);
      }
      before = (before + text).slice(-400);
      return;
    }
    const marks = node.tagName === 'dfn' || node.tagName === 'abbr';
    for (const child of node.childNodes ?? []) visit(child, marks ? [...explainedBy, node] : explainedBy);
  };
  visit(parseHtml(html), []);
  return found;
}

describe('abbreviations on every page', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = sharedSite();
  });

  it('finds the glossary’s abbreviations to check', () => {
    expect([...expansions.keys()]).toEqual(expect.arrayContaining(['RAG', 'EET', 'FEEE', 'CSC', 'CPP', 'KS2', 'KS4', 'mths', 'SEND', 'EHCP']));
  });

  it('explains each on first use: marked up with its expansion, or written out just before', () => {
    const pages = filesUnder(build.outDir, /\.html$/);
    expect(pages.length).toBeGreaterThan(40);
    const problems = pages.flatMap((page) => unexplainedFirstUses(readFileSync(join(build.outDir, page), 'utf8')).map((problem) => `${page}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it.each([
    ['a bare abbreviation', '<p>Care leavers EET</p>', ['EET after “…Care leavers ”']],
    ['one marked up', '<p>Care leavers <abbr title="In education, employment or training">EET</abbr>, and EET again</p>', []],
    ['one marked up with a wrong title', '<p>Care leavers <abbr title="Click here">EET</abbr></p>', ['EET after “…Care leavers ”']],
    ['a first use hidden, then a bare one', '<div hidden><abbr title="In education, employment or training">EET</abbr></div><p>Care leavers EET</p>', ['EET after “…Care leavers ”']],
    ['one written out first', '<p>Children with an Education, Health and Care Plan (EHCP) and EHCP</p>', []],
    ['one in a glossary definition', '<dl><dt><dfn>RAG</dfn></dt><dd>Red, amber, green</dd></dl>', []],
    ['an <abbr> without a title', '<p><abbr>RAG</abbr> rating</p>', ['RAG after “…”']],
    ['one only in a script', '<script>const s = "RAG";</script><p>Fine</p>', []],
  ])('tells %s apart', (_, html, expected) => {
    expect(unexplainedFirstUses(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`)).toEqual(expected);
  });
});
