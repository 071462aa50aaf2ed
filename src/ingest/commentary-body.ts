/**
 * The body and summary of a commentary.mdx, read once with satteri (an MDX
 * parser) and turned, node by node, into the commentary tree the quarter page
 * renders (src/core/commentary-tree.ts): text, ### and #### headings, lists,
 * emphasis, block quotes, line breaks, checked links, {/* comments *\/} and the
 * figure components (./figure-components.ts). Each kind of node has one rule in
 * a table; a kind with no rule is refused, worded for the editor, at its line
 * and character. Nothing is evaluated and no other program reads the file, so
 * what this returns is exactly what can be published. Pure: no Astro, no fs.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import { plainInlineText, type Block, type FigureTag, type Inline } from '../core/commentary-tree.ts';
import { splitCommentary } from './commentary-file.ts';
import type { MdxJsxAttributeNode, MdxJsxExpressionAttributeNode, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { closestNames } from '../core/names.ts';
import type { Problem } from '../core/problems.ts';
import {
  FIGURE_COMPONENTS,
  FIGURE_COMPONENT_NAMES,
  figureComponent,
  figureProp,
  oneOf,
  propsInWords,
  readStringLiteral,
  withDefaults,
  type FigureComponent,
  type FigureProp,
} from '../core/figure-components.ts';
import { curlyQuotesInTag } from './tag-quotes.ts';

export interface FigureReference {
  component: string;
  /** The props as written, completed with the defaults of optional props left out. */
  props: Record<string, string>;
  line: number;
  column: number;
}

export interface BodyContext {
  /** Every indicator id in content/indicators.csv. */
  catalogueIds: readonly string[];
  /** The ids this quarter's data file reports. */
  quarterIds: readonly string[];
  /** The quarter as people say it, such as "Q1 2024/25". */
  quarterLabel: string;
}

/** What may be written, for the "expected ..." of anything else. */
const ALLOWED = 'only text, headings, lists, links and the figure components';
const VALUE_EXAMPLE = '<Value of="..." />';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Attribute = MdxJsxAttributeNode | MdxJsxExpressionAttributeNode;

interface Found {
  found: string;
  expected: string;
  hint?: string;
}

/** Hints for HTML tags people are likely to paste, each saying what to write instead. */
const HTML_HINTS: Record<string, string> = {
  script: `Delete the script: commentary cannot run code. To show a figure, use ${VALUE_EXAMPLE}.`,
  style: 'Delete the style: the site’s design decides how commentary looks.',
  link: 'Delete it: commentary cannot load files from elsewhere. For a link, write [text](https://...).',
  meta: 'Delete it: commentary cannot change the page’s settings or send readers to another page. For a link, write [text](https://...).',
  base: 'Delete it: commentary cannot change where the page’s links point.',
  iframe: 'Delete it: commentary cannot show other websites inside the page. Link to it instead: [text](https://...).',
  object: 'Delete it: commentary cannot embed files or other pages. Link to it instead: [text](https://...).',
  embed: 'Delete it: commentary cannot embed files or other pages. Link to it instead: [text](https://...).',
  img: 'Delete the image: pictures from other sites can track readers, and figures come from the data. To show a chart, use <Chart of="..." />.',
  picture: 'Delete the image: to show a chart, use <Chart of="..." />.',
  svg: 'Delete the drawing: to show a chart, use <Chart of="..." />.',
  video: 'Delete it: commentary cannot play media. Link to it instead: [text](https://...).',
  audio: 'Delete it: commentary cannot play media. Link to it instead: [text](https://...).',
  form: 'Delete the form: commentary cannot collect anything from readers.',
  input: 'Delete it: commentary cannot collect anything from readers.',
  button: 'Delete it: commentary cannot collect anything from readers.',
  a: 'Write the link as [text](https://...) instead.',
  br: 'For a line break, end the line with a backslash (\\) instead.',
  b: 'For bold text, write **text** instead.',
  strong: 'For bold text, write **text** instead.',
  i: 'For italic text, write *text* instead.',
  em: 'For italic text, write *text* instead.',
  p: 'Delete the tags and leave a blank line between paragraphs.',
  ul: 'For a bulleted list, start each line with "- " instead.',
  ol: 'For a numbered list, start each line with "1. " instead.',
  li: 'For a list, start each line with "- " (or "1. " for a numbered list) instead.',
  h1: 'For a heading, start the line with ### instead.',
  h2: 'For a heading, start the line with ### instead.',
  h3: 'For a heading, start the line with ### instead.',
  h4: 'For a smaller heading, start the line with #### instead.',
  h5: 'For a smaller heading, start the line with #### instead.',
  h6: 'For a smaller heading, start the line with #### instead.',
  table: 'Write the figures as a list instead, or show them with <Indicator of="..." /> or <Chart of="..." />.',
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function plainHtmlHint(name: string): string {
  return HTML_HINTS[name.toLowerCase()] ?? 'Delete the tag and keep the text you want to show.';
}

/**
 * Is the expression nothing but one comment, {/* like this *\/}? A comment
 * never runs and never shows, so it is the only expression allowed.
 */
function isCommentOnly(expression: string): boolean {
  const text = expression.trim();
  return text.length >= 4 && text.startsWith('/*') && text.indexOf('*/') === text.length - 2;
}

/**
 * Why a link address is refused, or undefined when it is allowed: https:,
 * mailto:, tel:, a path on this site (/...) or a #fragment. An allow-list, so
 * javascript:, data:, vbscript: and whatever else exists are all refused.
 */
function linkProblem(url: string): { expected: string; hint: string } | undefined {
  const expected = 'a link starting https://, mailto:, tel:, / (a page on this site) or # (a part of this page)';
  // Browsers drop spaces and control characters inside addresses (so "java\tscript:" runs): refuse them all.
  for (const character of url) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f) return { expected, hint: 'Remove the spaces from the address. If it must contain a space, write it as %20.' };
  }
  if (url === '') return { expected, hint: 'Put the address in the brackets: [text](https://...).' };
  const lower = url.toLowerCase();
  if (['https:', 'mailto:', 'tel:'].some((scheme) => lower.startsWith(scheme))) return undefined;
  // "//host" and "/\host" both leave this site in a browser.
  if (url.startsWith('/') && url[1] !== '/' && url[1] !== '\\') return undefined;
  if (url.startsWith('#')) return undefined;
  if (lower.startsWith('http:')) {
    return { expected, hint: 'Use the secure address: change http:// to https:// (and write the address in full, starting https://). If the site has no https address, do not link to it.' };
  }
  if (url.startsWith('//') || url.startsWith('/\\')) return { expected, hint: 'Write the full address, starting https://.' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { expected, hint: 'Addresses like this can run code or hide what they lead to. Link to an https:// web page instead.' };
  }
  return { expected, hint: 'For another website write the full address starting https://; for a page on this site start with / (such as /2024-25-q1/).' };
}

/** The position satteri reported for a parse error ("12:5: message (code)"), and its reason. */
function parseErrorParts(error: unknown): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const parts = /^(\d+):(\d+):\s*([\s\S]*?)\s*(?:\([a-z-]+:[a-z-]+\))?\s*$/.exec(message);
  if (!parts) return { line: 1, column: 1, reason: message };
  return { line: Number(parts[1]), column: Number(parts[2]), reason: parts[3] ?? '' };
}

/** Deepest nesting of the syntax tree the reader accepts: real commentary reaches about 8 (a link in bold in a list in a list). */
export const MAX_DEPTH = 16;
/** Longest run of spaces, > and list markers at the start of a line: deeper nesting costs the parser time that grows with its square. */
const MAX_LINE_PREFIX = 64;

const CONTAINER_MARKS = new Set([' ', '\t', '>', '-', '*', '+', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** A link to a page of this site, where it was written: the check holds it to the pages the build makes. */
export interface SiteLink {
  url: string;
  line: number;
  column: number;
}

/** What one read of a commentary body gives: the tree to render, the figure references, the links to this site, and every problem. */
export interface BodyResult {
  blocks: Block[];
  references: FigureReference[];
  siteLinks: SiteLink[];
  problems: Problem[];
}

/** The read of some MDX: a tree (null when it could not be parsed) and the problems of parsing it. */
function parseMdx(source: string, file: string): { tree: MdastNode | null; problems: Problem[] } {
  const lines = source.split('\n');
  for (const [index, line] of lines.entries()) {
    let prefix = 0;
    for (const character of line) {
      if (!CONTAINER_MARKS.has(character)) break;
      prefix++;
    }
    if (prefix > MAX_LINE_PREFIX) {
      return {
        tree: null,
        problems: [{ file, line: index + 1, column: 1, found: `${prefix} spaces, > signs or list markers before the text`, expected: 'lists and quotes nested a few levels at most', hint: 'Delete most of them: a list inside a list is enough.' }],
      };
    }
  }
  try {
    // The features of Astro's own MDX: GFM (tables, footnotes, strikethrough, bare links), so what is refused is named.
    return { tree: mdxToMdast(source, { features: { gfm: true } }), problems: [] };
  } catch (error) {
    const { line, column, reason } = parseErrorParts(error);
    const found = (lines[line - 1] ?? '').slice(column - 1).trimEnd();
    return { tree: null, problems: [{ file, line, column, ...explainParseError(reason, found) }] };
  }
}

/** The deepest node past MAX_DEPTH, found without recursion (a crafted file must not exhaust the stack), or null. */
function tooDeep(tree: MdastNode): MdastNode | null {
  const stack: [MdastNode, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return node;
    if ('children' in node) for (const child of node.children as MdastNode[]) stack.push([child, depth + 1]);
  }
  return null;
}

type Node = MdastNode;
type Reporter = (node: { position?: Node['position'] }, details: Found) => void;

/** The walk of one tree: the context, the problems so far, and how to quote a node. */
interface Walk {
  file: string;
  context: BodyContext;
  /** Link definitions ([label]: https://...) by identifier, for reference-style links. */
  definitions: Map<string, string>;
  report: Reporter;
  /** The node as written, first line only, for "found". */
  written: (node: Node) => string;
  references: FigureReference[];
  siteLinks: SiteLink[];
  problems: Problem[];
  blocks: (children: readonly Node[]) => Block[];
  inlines: (children: readonly Node[]) => Inline[];
}

/**
 * A refused node: reported, and its children still read (as blocks or as
 * inline content, whichever they are) so one check lists every problem.
 */
function refuse(walk: Walk, node: Node, expected: string, hint: string): null {
  walk.report(node, { found: walk.written(node), expected, hint });
  readChildren(walk, node);
  return null;
}

/** Children of a refused node, read only for the problems inside them. */
function readChildren(walk: Walk, node: Node): void {
  if (!('children' in node)) return;
  for (const child of node.children as Node[]) {
    if (child.type === 'tableRow' || child.type === 'tableCell') readChildren(walk, child);
    else if (child.type in INLINE_RULES && !(child.type in BLOCK_RULES)) walk.inlines([child]);
    else walk.blocks([child]);
  }
}

/** A figure tag, checked: its props as read, or null with the problems reported. */
function readFigureTag(walk: Walk, node: JsxElement, inSentence: boolean): FigureTag | null {
  const name = node.name;
  if (name === null) {
    walk.report(node, { found: '<>', expected: ALLOWED, hint: 'Delete the <> and </> and keep the text between them.' });
    return null;
  }
  const component = figureComponent(name);
  if (!component) {
    walk.report(node, unknownElement(name));
    readChildren(walk, node);
    return null;
  }
  const before = walk.problems.length;
  const tag = `<${component.name}>`;
  if (inSentence && component.placement === 'block') {
    walk.report(node, {
      found: walk.written(node),
      expected: `${tag} on a line of its own`,
      hint: `${tag} shows a card or chart, which cannot sit inside a sentence. Put ${component.example} on its own line, with a blank line before and after it.`,
    });
  }
  const hasChildren = node.children.some((child) => child.type !== 'text' || child.value.trim() !== '');
  if (hasChildren) {
    walk.report(node, { found: walk.written(node), expected: `${tag} to close itself, with nothing inside it`, hint: `Write ${component.example}, ending with />, and put your own words outside the tag.` });
  }
  const values: Record<string, string> = {};
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    const value = attributeValue(walk, node, component, attribute, seen);
    if (value !== undefined) values[value.prop.name] = value.text;
  }
  for (const prop of component.props) {
    if (prop.required && !seen.has(prop.name)) {
      walk.report(node, {
        found: walk.written(node),
        expected: `${tag} to have ${prop.name}="...": ${lowerFirst(prop.description.replace(/\.$/, ''))}`,
        hint: `Write it like this: ${component.example}`,
      });
    }
  }
  for (const [propName, text] of Object.entries(values)) {
    const prop = figureProp(component, propName);
    if (prop) checkValue(walk, node, component, prop, text);
  }
  if (walk.problems.length !== before) return null;
  const start = node.position?.start;
  const props = withDefaults(component, values);
  const line = start?.line ?? 0;
  const column = start?.column ?? 0;
  walk.references.push({ component: component.name, props, line, column });
  return { kind: 'figure', component: component.name, props, line, column };
}

/** The message for an element that is not a figure component. */
function unknownElement(name: string): Found {
  const nearest = closestNames(name, FIGURE_COMPONENT_NAMES, 1)[0];
  // Only a name written like a component (capital first letter) or the same word in other case gets "did you mean":
  // otherwise <a> would be offered <Rag>.
  const looksLikeComponent = nearest !== undefined && (nearest.toLowerCase() === name.toLowerCase() || /^[A-Z]/.test(name));
  if (looksLikeComponent) {
    return {
      found: `<${name}>`,
      expected: 'one of the figure components, spelt exactly (capital letters matter)',
      hint: `Did you mean <${nearest}>? Write it as ${figureComponent(nearest)?.example ?? `<${nearest} />`}.`,
    };
  }
  if (/^[A-Z]/.test(name) || name.includes('.') || name.includes(':')) {
    return {
      found: `<${name}>`,
      expected: `one of the figure components: ${FIGURE_COMPONENT_NAMES.map((known) => `<${known}>`).join(', ')}`,
      hint: `There is no <${name}> component. To show a figure, use ${VALUE_EXAMPLE}; the editing guide lists what each component shows.`,
    };
  }
  return { found: `<${name}>`, expected: ALLOWED, hint: plainHtmlHint(name) };
}

/** The value of one attribute when it is a known, first-seen prop with a plain string; every other case is reported. */
function attributeValue(walk: Walk, node: JsxElement, component: FigureComponent, attribute: Attribute, seen: Set<string>) {
  const tag = `<${component.name}>`;
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    walk.report(node, { found: `{${attribute.value}}`, expected: `each prop of ${tag} written out, such as of="..."`, hint: `Delete {${attribute.value}}: commentary cannot run code. Write ${component.example}.` });
    return undefined;
  }
  const written = typeof attribute.value === 'string' ? `${attribute.name}="${attribute.value}"` : attribute.value ? `${attribute.name}={${attribute.value.value}}` : attribute.name;
  const prop = figureProp(component, attribute.name);
  if (!prop) {
    const names = component.props.map((known) => known.name);
    const nearest = closestNames(attribute.name, names, 1)[0];
    walk.report(node, {
      found: written,
      expected: names.length ? `one of the props of ${tag}: ${names.join(', ')}` : `no props: ${tag} takes none`,
      hint: nearest ? `Did you mean ${nearest}? ${propsInWords(component)}.` : `${propsInWords(component)}.`,
    });
    return undefined;
  }
  if (seen.has(prop.name)) {
    walk.report(node, { found: written, expected: `each prop once: ${tag} already has ${prop.name}`, hint: `Delete one of the two ${prop.name}="..." props.` });
    return undefined;
  }
  seen.add(prop.name);
  if (typeof attribute.value === 'string') return { prop, text: attribute.value };
  if (attribute.value) {
    const text = readStringLiteral(attribute.value.value);
    if (text !== undefined) return { prop, text };
    walk.report(node, { found: written, expected: `${prop.name}="..." with the value in double quotes`, hint: `Curly brackets hold code, which commentary cannot run. Write ${prop.name}="..." instead.` });
    return undefined;
  }
  walk.report(node, { found: written, expected: `a value for ${prop.name}, written ${prop.name}="..."`, hint: `Write it like this: ${component.example}` });
  return undefined;
}

function checkValue(walk: Walk, node: JsxElement, component: FigureComponent, prop: FigureProp, text: string): void {
  const written = `${prop.name}="${text}"`;
  if (prop.kind === 'enum') {
    if (prop.values.includes(text)) return;
    const nearest = closestNames(text, prop.values, 1)[0];
    walk.report(node, { found: written, expected: `${prop.name} to be ${oneOf(prop.values.map((value) => `"${value}"`))}`, hint: nearest ? `Did you mean ${prop.name}="${nearest}"?` : `${prop.description}` });
    return;
  }
  const { context } = walk;
  if (text.trim() === '') {
    walk.report(node, { found: written, expected: `an indicator id in ${prop.name}="..."`, hint: `The ids are in the first column of content/indicators.csv. Write it like this: ${component.example}` });
  } else if (!context.catalogueIds.includes(text)) {
    const nearest = closestNames(text, context.catalogueIds);
    walk.report(node, {
      found: written,
      expected: 'an indicator id from the first column of content/indicators.csv',
      hint: nearest.length ? `Did you mean ${nearest.map((id) => `"${id}"`).join(' or ')}?` : 'Copy the id from content/indicators.csv exactly: lower case, with hyphens between words.',
    });
  } else if (!context.quarterIds.includes(text)) {
    walk.report(node, {
      found: written,
      expected: `an indicator that ${context.quarterLabel}’s data file reports`,
      hint: `"${text}" is in the catalogue, but this quarter’s data file does not report it, so there is no figure to show. Remove the tag, or use an indicator the quarter reports.`,
    });
  }
}

/** A link's address when it is allowed, or null with the problem reported. */
function checkedUrl(walk: Walk, node: Node, url: string): string | null {
  const problem = linkProblem(url);
  if (!problem) {
    const start = node.position?.start;
    if (url.startsWith('/')) walk.siteLinks.push({ url, line: start?.line ?? 0, column: start?.column ?? 0 });
    return url;
  }
  walk.report(node, { found: url, ...problem });
  return null;
}

const NOT_CODE = `${ALLOWED}, not code`;
const CURLY_HINT = `Commentary cannot run code. To show a figure, use ${VALUE_EXAMPLE}. For a note to other editors, write {/* note */}. To show a curly bracket as text, put a backslash before it: \\{.`;

/**
 * What each kind of node becomes inside a paragraph, heading, emphasis or link.
 * A kind that is not here is refused: the table is the whole of what inline commentary can be.
 */
const INLINE_RULES: Record<string, (node: any, walk: Walk) => Inline | null> = {
  text: (node: Extract<Node, { type: 'text' }>) => ({ kind: 'text', value: node.value, line: node.position?.start.line, column: node.position?.start.column }),
  emphasis: (node, walk) => ({ kind: 'emphasis', children: walk.inlines(node.children) }),
  strong: (node, walk) => ({ kind: 'strong', children: walk.inlines(node.children) }),
  // Inline code is harmless text (shown as written, never run or read as a tag), and useful for quoting codes.
  inlineCode: (node) => ({ kind: 'code', value: node.value }),
  break: () => ({ kind: 'break' }),
  link: (node, walk) => {
    // A bare "www.example.gov.uk" in a sentence is GFM's guess at a link, to http://: it stays the words as written.
    const written = walk.written(node);
    if (written === plainText(node.children) && written.toLowerCase().startsWith('www.')) return { kind: 'text', value: written, line: node.position?.start.line, column: node.position?.start.column };
    const url = checkedUrl(walk, node, node.url);
    const children = walk.inlines(node.children);
    return url === null ? null : { kind: 'link', url, children };
  },
  linkReference: (node, walk) => {
    const url = walk.definitions.get(node.identifier);
    const children = walk.inlines(node.children);
    // Its address was checked at its definition.
    return url === undefined ? { kind: 'text', value: walk.written(node) } : { kind: 'link', url, children };
  },
  mdxJsxTextElement: (node: JsxElement, walk) => readFigureTag(walk, node, true),
  mdxTextExpression: (node, walk) => {
    if (isCommentOnly(node.value)) return null;
    walk.report(node, { found: `{${node.value}}`, expected: `${ALLOWED}, not code in curly brackets`, hint: CURLY_HINT });
    return null;
  },
  image: (node, walk) => refuse(walk, node, ALLOWED, IMAGE_HINT),
  imageReference: (node, walk) => refuse(walk, node, ALLOWED, IMAGE_HINT),
  html: (node, walk) => refuse(walk, node, ALLOWED, 'Delete the HTML: write plain text, and use [text](https://...) for links.'),
  footnoteReference: (node, walk) => refuse(walk, node, `${ALLOWED}, not a footnote`, 'Put the note in brackets in the sentence, or in a sentence of its own.'),
  // Struck-through text is read out by most screen readers as if it were current.
  delete: (node, walk) =>
    refuse(walk, node, `${ALLOWED}, not struck-through text`, 'Delete the words instead. A correction to a published figure goes in the corrections list at the top of the file.'),
};

const IMAGE_HINT = 'Delete the image: pictures from other sites can track readers, and figures come from the data. To show a chart, use <Chart of="..." />.';

/** What each kind of node becomes at the level of paragraphs. A kind that is not here is refused. */
const BLOCK_RULES: Record<string, (node: any, walk: Walk) => Block | null> = {
  paragraph: (node, walk) => {
    const children = walk.inlines(node.children);
    return children.length ? { kind: 'paragraph', children } : null;
  },
  heading: (node: Extract<Node, { type: 'heading' }>, walk) => {
    if (node.depth <= 2) return refuse(walk, node, 'a heading starting ### (or #### below it)', 'The page already has its own title and main headings (# and ##). Start this heading with ### instead.');
    if (node.depth >= 5) return refuse(walk, node, 'a heading starting ### or ####', 'Headings go no deeper than ####. Start this heading with #### instead.');
    return { kind: 'heading', depth: node.depth as 3 | 4, children: walk.inlines(node.children) };
  },
  list: (node: Extract<Node, { type: 'list' }>, walk) => ({
    kind: 'list',
    ordered: Boolean(node.ordered),
    start: node.ordered ? (node.start ?? 1) : null,
    items: node.children.map((item) => {
      // A task-list item ("- [ ] ...") renders a checkbox: a form control that does nothing on this page.
      if (typeof item.checked === 'boolean') walk.report(item, { found: walk.written(item), expected: 'an ordinary list item', hint: 'Remove the [ ] or [x] after the "- ".' });
      return walk.blocks(item.children);
    }),
  }),
  blockquote: (node, walk) => ({ kind: 'blockquote', children: walk.blocks(node.children) }),
  mdxJsxFlowElement: (node: JsxElement, walk) => {
    const tag = readFigureTag(walk, node, false);
    if (!tag) return null;
    // An inline tag on a line of its own is a paragraph of one figure.
    return figureComponent(tag.component)?.placement === 'block' ? tag : { kind: 'paragraph', children: [tag] };
  },
  // A definition is not shown: its address is checked here and used by the links that name it.
  definition: () => null,
  mdxFlowExpression: (node, walk) => {
    if (isCommentOnly(node.value)) return null;
    walk.report(node, { found: `{${node.value}}`, expected: `${ALLOWED}, not code in curly brackets`, hint: CURLY_HINT });
    return null;
  },
  mdxjsEsm: (node, walk) =>
    refuse(walk, node, NOT_CODE, 'Delete this line: commentary cannot import or export code, and the figure components need no import. If it is a sentence, start it with a capital letter.'),
  html: (node, walk) => refuse(walk, node, ALLOWED, 'Delete the HTML: write plain text, and use [text](https://...) for links.'),
  // A fenced code block is harmless text, but commentary has no code to show and preformatted text runs off a phone's
  // screen: most likely a paragraph fenced or indented by mistake.
  code: (node, walk) => refuse(walk, node, `${ALLOWED}, not a code block`, 'Delete the ``` lines above and below to make it an ordinary paragraph (or remove the spaces at the start of its lines).'),
  // Figures typed into a table escape the data checks, and wide tables break on phones.
  table: (node, walk) => refuse(walk, node, `${ALLOWED}, not a table`, 'Write it as a list instead, and show figures with <Value of="..." />, <Indicator of="..." /> or <Chart of="..." />.'),
  footnoteDefinition: (node, walk) => refuse(walk, node, `${ALLOWED}, not a footnote`, 'Put the note in brackets in the sentence it belongs to, and delete this line.'),
  // Headings divide the page, and (unlike a line) appear in screen readers' outline.
  thematicBreak: (node, walk) => refuse(walk, node, `${ALLOWED}, not a horizontal line`, 'Start a new section with a ### heading instead, or just leave a blank line.'),
  yaml: (node, walk) => refuse(walk, node, ALLOWED, 'The settings block (between --- lines) belongs at the very top of the file only.'),
};

function plainText(nodes: readonly Node[]): string {
  return nodes.map((node) => ('value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? plainText(node.children as Node[]) : '')).join('');
}

/** A walk over one parsed text: converts nodes by the rule tables, reporting what they refuse. */
function walker(text: string, file: string, context: BodyContext, tree: Node): Walk {
  const problems: Problem[] = [];
  const definitions = new Map<string, string>();
  const walk: Walk = {
    file,
    context,
    definitions,
    problems,
    references: [],
    siteLinks: [],
    report: (node, details) => {
      const start = node.position?.start;
      problems.push({ file, line: start?.line, column: start?.column, ...details });
    },
    written: (node) => {
      const { start, end } = node.position ?? {};
      if (start?.offset === undefined || end?.offset === undefined) return node.type;
      const written = text.slice(start.offset, end.offset);
      const lineEnd = written.search(/\r?\n/);
      return lineEnd < 0 ? written : `${written.slice(0, lineEnd).trimEnd()} ...`;
    },
    blocks: (children) => children.flatMap((child) => convert(child, BLOCK_RULES, walk) ?? []),
    inlines: (children) => children.flatMap((child) => convert(child, INLINE_RULES, walk) ?? []),
  };
  // Definitions may follow the links that use them: collect them all first.
  const collect = (node: Node) => {
    if (node.type === 'definition') {
      const url = checkedUrl(walk, node, node.url);
      if (url !== null) definitions.set(node.identifier, url);
    }
    if ('children' in node) (node.children as Node[]).forEach(collect);
  };
  collect(tree);
  return walk;
}

function convert<T>(node: Node, rules: Record<string, (node: any, walk: Walk) => T | null>, walk: Walk): T | null {
  const rule = rules[node.type];
  if (rule) return rule(node, walk);
  return refuse(walk, node, ALLOWED, 'Write it as plain text, or see the editing guide for what commentary can contain.');
}

/**
 * Reads a commentary body (the file's text with its frontmatter lines blank,
 * from src/ingest/commentary-file.ts): the tree the page renders, its figure
 * references, and every problem at its file line and character.
 */
export function readCommentaryBody(source: string, file: string, context: BodyContext): BodyResult {
  const { tree, problems } = parseMdx(source, file);
  if (!tree) return { blocks: [], references: [], siteLinks: [], problems };
  const deep = tooDeep(tree);
  if (deep) {
    const start = deep.position?.start;
    return { blocks: [], references: [], siteLinks: [], problems: [{ file, line: start?.line, column: start?.column, expected: `text nested at most ${MAX_DEPTH} levels deep (lists in lists, quotes in quotes, emphasis in emphasis)`, hint: 'Flatten the list or quote: a list inside a list is enough.' }] };
  }
  const walk = walker(source, file, context, tree);
  const blocks = walk.blocks('children' in tree ? (tree.children as Node[]) : []);
  return { blocks, references: walk.references, siteLinks: walk.siteLinks, problems: walk.problems };
}

/** Figure components that print words or numbers, and so can sit in a sentence of plain text. */
export const SUMMARY_COMPONENTS: readonly string[] = FIGURE_COMPONENTS.filter((component) => component.placement === 'inline' && component.name !== 'QuarterSummary').map((component) => component.name);

/**
 * Reads a summary with the same parser and rules as the body: plain sentences
 * and the inline figure tags, nothing else. Positions inside the summary are
 * not the file's, so problems are reported at the summary's line.
 */
export function readSummary(summary: string, file: string, line: number | undefined, context: BodyContext): { inlines: Inline[]; references: FigureReference[]; problems: Problem[] } {
  const at = (problem: Problem): Problem => ({ ...problem, file, line, column: undefined, expected: `in the summary, ${problem.expected}` });
  const { tree, problems } = parseMdx(summary, file);
  if (!tree) return { inlines: [], references: [], problems: problems.map(at) };
  if (tooDeep(tree)) return { inlines: [], references: [], problems: [at({ file, expected: 'plain sentences, not nested text' })] };
  const walk = walker(summary, file, context, tree);
  const inlines: Inline[] = [];
  const children = 'children' in tree ? (tree.children as Node[]) : [];
  children.forEach((child, index) => {
    if (child.type !== 'paragraph') {
      walk.report(child, { found: walk.written(child), expected: 'plain sentences without headings, lists or quotes' });
      return;
    }
    if (index > 0) inlines.push({ kind: 'text', value: ' ' });
    inlines.push(...walk.inlines(child.children));
  });
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.kind === 'figure' && !SUMMARY_COMPONENTS.includes(node.component)) {
        walk.problems.push({ file, expected: `only text and the figure tags ${SUMMARY_COMPONENTS.map((name) => `<${name}>`).join(', ')}`, found: `<${node.component}>` });
      } else if (node.kind === 'link' || node.kind === 'emphasis' || node.kind === 'strong' || node.kind === 'code') {
        walk.problems.push({ file, expected: 'plain sentences without links, emphasis or code', found: node.kind === 'code' ? node.value : plainInlineText([node]) });
      }
    }
  };
  visit(inlines);
  return { inlines, references: walk.references, problems: walk.problems.map(at) };
}

/** A parse error in plain words: what the MDX reader could not read, and what to write instead. */
function explainParseError(reason: string, found: string): Found {
  const tagName = (quoted: string) => /`<\/?([^`>]*)>`/.exec(quoted)?.[1];
  if (reason.startsWith('Expected a closing tag')) {
    const name = tagName(reason) ?? '';
    const component = figureComponent(name);
    return component
      ? { found, expected: `the tag to end with />, such as ${component.example}`, hint: `Add a / before the >. ${propsInWords(component)}.` }
      : { found, expected: ALLOWED, hint: plainHtmlHint(name) };
  }
  if (reason.startsWith('Unexpected closing tag')) {
    const name = tagName(reason) ?? '';
    return { found, expected: `${ALLOWED}, and no closing tag </${name}>`, hint: `Delete </${name}>. Figure components close themselves with />, such as ${VALUE_EXAMPLE}.` };
  }
  if (found.startsWith('<!--')) {
    return { found, expected: ALLOWED, hint: 'For a note to other editors, write {/* note */} instead of <!-- -->.' };
  }
  const curly = curlyQuotesInTag(found);
  if (curly) return curly;
  if (found.startsWith('<')) {
    const after = found.slice(1);
    if (/^(https?:|mailto:|tel:|www\.)/i.test(after)) {
      return { found, expected: 'a link written as [text](https://...)', hint: 'Write the link as [text](https://...): an address in < > cannot be read.' };
    }
    if (/^[A-Za-z]/.test(after)) {
      // Only what follows the < on a line the parser has already refused is looked at, to word the hint.
      const name = /^[A-Za-z0-9]+/.exec(after)?.[0] ?? '';
      const lessThan = figureComponent(name) ? '' : ' If you meant a less-than sign, write "less than", or put a backslash before it: \\<.';
      return {
        found,
        expected: `a complete tag, such as ${VALUE_EXAMPLE}`,
        hint: `This tag is not finished. Put every value in double quotes (of="...") and end the tag with />.${lessThan}`,
      };
    }
    return { found, expected: ALLOWED, hint: 'A < starts a tag. For a less-than sign, write "less than" or put a backslash before it: \\<.' };
  }
  if (found.startsWith('{') || reason.includes('expression')) {
    return {
      found,
      expected: `${ALLOWED}, not code in curly brackets`,
      hint: 'Curly brackets hold code, which commentary cannot run. For a note to other editors, write {/* note */}. To show a curly bracket as text, put a backslash before it: \\{.',
    };
  }
  return { found, expected: `text the commentary reader understands (it said: ${reason})`, hint: 'Look for a stray <, {, or an unfinished tag on this line.' };
}

/** A whole commentary file's body, split from its frontmatter by the one splitter: for tools that hold the text (tests, the editor's preview). */
export function readCommentaryText(text: string, file: string, context: BodyContext): BodyResult {
  const { parts, problems } = splitCommentary(text.replace(/^\uFEFF/, ''), file);
  return parts ? readCommentaryBody(parts.body, file, context) : { blocks: [], references: [], siteLinks: [], problems };
}
