/**
 * Reading what a build wrote, with well-kept parsers rather than regular
 * expressions: HTML with parse5, XML (feed, sitemap) with sax, the imports of
 * JavaScript with es-module-lexer; and the one file walker of the tests.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { parse, parseFragment } from 'parse5';

// ---- HTML ---------------------------------------------------------------------------------

export interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
  parentNode?: Node | null;
  /** Only with parseHtml(html, { locations: true }): offsets in characters of the string parsed. */
  sourceCodeLocation?: { startOffset: number; endOffset: number; startTag?: { startOffset: number; endOffset: number } } | null;
}

/** A node that is an element: parse5 gives every element its tag name, attributes and children. */
export interface Element extends Node {
  tagName: string;
  attrs: { name: string; value: string }[];
  childNodes: Node[];
}

/** A whole page as the browser builds it (parse5's tree). `locations` adds each node's offsets in the source. */
export const parseHtml = (html: string, options: { locations?: boolean } = {}): Node =>
  parse(html, { sourceCodeLocationInfo: options.locations ?? false }) as unknown as Node;

/** A piece of HTML (a component's output), without the implied <html>, <head> and <body>. */
export const parseHtmlFragment = (html: string): Node => parseFragment(html) as unknown as Node;

/** Visits every node in document order, including the contents of <template>. */
export function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

/** The elements at or under `root` that pass `test`, in document order. */
export function elements(root: Node, test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  walk(root, (node) => {
    if (node.tagName !== undefined && test(node as Element)) found.push(node as Element);
  });
  return found;
}

export const byTag = (root: Node, tag: string) => elements(root, (element) => element.tagName === tag);
export const byId = (root: Node, id: string): Element | undefined => elements(root, (element) => attr(element, 'id') === id)[0];
export const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
export const hasAttr = (node: Node, name: string) => node.attrs?.some((a) => a.name === name) ?? false;
export const hasClass = (node: Node, name: string) => (attr(node, 'class') ?? '').split(/\s+/).includes(name);

/** The node after this one among its siblings, skipping text that is only spaces; undefined at the end. */
export function nextSibling(node: Node): Node | undefined {
  const siblings = node.parentNode?.childNodes ?? [];
  return siblings.slice(siblings.indexOf(node) + 1).find((sibling) => sibling.nodeName !== '#text' || sibling.value!.trim() !== '');
}

/** The text of a node exactly as written (entities decoded): what a script or a <time> holds. */
export const textOf = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(textOf).join(''));

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text under a node as words to compare: every text node (<template>'s too) apart, spaces collapsed. */
export function plainText(node: Node): string {
  const parts: string[] = [];
  walk(node, (child) => {
    if (child.nodeName === '#text') parts.push(child.value!);
  });
  return collapse(parts.join(' '));
}

/** The text of a sentence (inline content) with each link written [its text](its href): where a link sits, and where it points. */
export function linkedText(node: Node): string {
  const write = (child: Node): string => {
    const inner = child.nodeName === '#text' ? child.value! : (child.childNodes ?? []).map(write).join('');
    return child.tagName === 'a' ? `[${collapse(inner)}](${attr(child, 'href') ?? ''})` : inner;
  };
  return collapse(write(node));
}

// ---- XML ----------------------------------------------------------------------------------

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** All text inside, descendants' included, entities decoded. */
  text: string;
}

interface SaxParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
// sax ships no types: only the few members used here are declared.
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): SaxParser };

/** An XML document's root element, read by sax in strict mode: anything not well-formed (a bare &, an unclosed tag) throws. */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true);
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  const addText = (text: string) => {
    for (const element of open) element.text += text;
  };
  parser.onopentag = ({ name, attributes }) => {
    const element: XmlElement = { name, attributes, children: [], text: '' };
    open.at(-1)?.children.push(element);
    root ??= element;
    open.push(element);
  };
  parser.onclosetag = () => open.pop();
  parser.ontext = addText;
  parser.oncdata = addText;
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The elements at or under `root` (those named `name`, when given), in document order. */
export function xmlElements(root: XmlElement, name?: string): XmlElement[] {
  return [...(!name || root.name === name ? [root] : []), ...root.children.flatMap((child) => xmlElements(child, name))];
}

/** The text of the first element named `name` under `root`, or undefined when there is none. */
export const xmlText = (root: XmlElement, name: string): string | undefined => xmlElements(root, name)[0]?.text;

// ---- JavaScript ---------------------------------------------------------------------------

await initLexer;

/** The specifiers a module imports: static imports, re-exports and dynamic import() of a string. */
export function importsOf(source: string): string[] {
  const [imports] = parseModule(source);
  return imports.map((specifier) => specifier.n).filter((name): name is string => name !== undefined);
}

// ---- Files --------------------------------------------------------------------------------

/** Every file under a folder (those whose names match `name`, when given), as sorted paths relative to it with forward slashes. */
export function filesUnder(dir: string, name?: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (!name || name.test(entry.name)))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}
