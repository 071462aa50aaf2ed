/**
 * The body of a commentary.mdx, checked against the safe subset of MDX that
 * comms staff may write: text, ### and #### headings, lists, emphasis, block
 * quotes, line breaks, safe links, {/* comments *\/} and the figure
 * components (./figure-components.ts). Everything else is a problem worded for
 * the editor, at its line and character.
 *
 * The body is read with satteri, the MDX parser Astro itself uses, so what is
 * checked here is exactly what the site would build: never with regular
 * expressions, which a crafted file can slip past. Pure: no Astro, no fs.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import type { MdxJsxAttributeNode, MdxJsxExpressionAttributeNode, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { closestNames } from '../core/names.ts';
import type { Problem } from '../core/problems.ts';
import {
  FIGURE_COMPONENT_NAMES,
  figureComponent,
  figureProp,
  oneOf,
  propsInWords,
  readStringLiteral,
  withDefaults,
  type FigureComponent,
  type FigureProp,
} from './figure-components.ts';

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

export function checkCommentaryBody(
  source: string,
  file: string,
  context: BodyContext,
): { references: FigureReference[]; problems: Problem[] } {
  // satteri drops a byte-order mark before counting offsets: so do the quotes of the source below.
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  /** The rest of a line from a character on, for "found" (formatProblem shortens long ones). */
  const restOfLine = (line: number, column: number) => (lines[line - 1] ?? '').slice(column - 1).trimEnd();

  let tree: MdastNode;
  try {
    // The features Astro's MDX uses: GFM (tables, footnotes, strikethrough, bare links) and frontmatter.
    tree = mdxToMdast(source, { features: { gfm: true, frontmatter: true } });
  } catch (error) {
    const { line, column, reason } = parseErrorParts(error);
    return { references: [], problems: [{ file, line, column, ...explainParseError(reason, restOfLine(line, column)) }] };
  }

  const references: FigureReference[] = [];
  const problems: Problem[] = [];
  const catalogue = new Set(context.catalogueIds);
  const quarter = new Set(context.quarterIds);

  const report = (node: { position?: MdastNode['position'] }, details: Found) => {
    const start = node.position?.start;
    problems.push({ file, line: start?.line, column: start?.column, ...details });
  };
  /** The node exactly as written (its first line only), for "found". */
  const firstLine = (node: MdastNode) => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return node.type;
    const written = text.slice(start.offset, end.offset);
    const lineEnd = written.search(/\r?\n/);
    return lineEnd < 0 ? written : `${written.slice(0, lineEnd).trimEnd()} ...`;
  };

  const checkUrl = (node: MdastNode, url: string) => {
    const problem = linkProblem(url);
    if (problem) report(node, { found: url, ...problem });
  };

  const checkElement = (node: JsxElement) => {
    const name = node.name;
    if (name === null) {
      return report(node, {
        found: '<>',
        expected: ALLOWED,
        hint: 'Delete the <> and </> and keep the text between them.',
      });
    }
    const component = figureComponent(name);
    if (!component) {
      const nearest = closestNames(name, FIGURE_COMPONENT_NAMES, 1)[0];
      // Only a name written like a component (capital first letter) or the same word in other case gets "did you mean":
      // otherwise <a> would be offered <Rag>.
      const looksLikeComponent = nearest !== undefined && (nearest.toLowerCase() === name.toLowerCase() || /^[A-Z]/.test(name));
      const known = FIGURE_COMPONENT_NAMES.map((known) => `<${known}>`).join(', ');
      if (looksLikeComponent) {
        return report(node, {
          found: `<${name}>`,
          expected: 'one of the figure components, spelt exactly (capital letters matter)',
          hint: `Did you mean <${nearest}>? Write it as ${figureComponent(nearest)?.example ?? `<${nearest} />`}.`,
        });
      }
      if (/^[A-Z]/.test(name) || name.includes('.') || name.includes(':')) {
        return report(node, {
          found: `<${name}>`,
          expected: `one of the figure components: ${known}`,
          hint: `There is no <${name}> component. To show a figure, use ${VALUE_EXAMPLE}; the editing guide lists what each component shows.`,
        });
      }
      return report(node, { found: `<${name}>`, expected: ALLOWED, hint: plainHtmlHint(name) });
    }
    checkFigure(node, component);
  };

  const checkFigure = (node: JsxElement, component: FigureComponent) => {
    const before = problems.length;
    const tag = `<${component.name}>`;
    if (component.placement === 'block' && node.type === 'mdxJsxTextElement') {
      report(node, {
        found: firstLine(node),
        expected: `${tag} on a line of its own`,
        hint: `${tag} shows a card or chart, which cannot sit inside a sentence. Put ${component.example} on its own line, with a blank line before and after it.`,
      });
    }
    const hasChildren = node.children.some((child) => child.type !== 'text' || child.value.trim() !== '');
    if (hasChildren) {
      report(node, {
        found: firstLine(node),
        expected: `${tag} to close itself, with nothing inside it`,
        hint: `Write ${component.example}, ending with />, and put your own words outside the tag.`,
      });
    }
    const values: Record<string, string> = {};
    const seen = new Set<string>();
    for (const attribute of node.attributes) {
      const value = attributeValue(node, component, attribute, seen);
      if (value !== undefined) values[value.prop.name] = value.text;
    }
    for (const prop of component.props) {
      if (prop.required && !seen.has(prop.name)) {
        report(node, {
          found: firstLine(node),
          expected: `${tag} to have ${prop.name}="...": ${lowerFirst(prop.description.replace(/\.$/, ''))}`,
          hint: `Write it like this: ${component.example}`,
        });
      }
    }
    for (const [name, text] of Object.entries(values)) {
      const prop = figureProp(component, name);
      if (prop) checkValue(node, component, prop, text);
    }
    if (problems.length === before) {
      const start = node.position?.start;
      references.push({ component: component.name, props: withDefaults(component, values), line: start?.line ?? 0, column: start?.column ?? 0 });
    }
  };

  /** The value of one attribute when it is a known, first-seen prop with a plain string; every other case is reported. */
  const attributeValue = (node: JsxElement, component: FigureComponent, attribute: Attribute, seen: Set<string>) => {
    const tag = `<${component.name}>`;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(node, {
        found: `{${attribute.value}}`,
        expected: `each prop of ${tag} written out, such as of="..."`,
        hint: `Delete {${attribute.value}}: commentary cannot run code. Write ${component.example}.`,
      });
      return undefined;
    }
    const written = typeof attribute.value === 'string' ? `${attribute.name}="${attribute.value}"` : attribute.value ? `${attribute.name}={${attribute.value.value}}` : attribute.name;
    const prop = figureProp(component, attribute.name);
    if (!prop) {
      const names = component.props.map((known) => known.name);
      const nearest = closestNames(attribute.name, names, 1)[0];
      report(node, {
        found: written,
        expected: names.length ? `one of the props of ${tag}: ${names.join(', ')}` : `no props: ${tag} takes none`,
        hint: nearest ? `Did you mean ${nearest}? ${propsInWords(component)}.` : `${propsInWords(component)}.`,
      });
      return undefined;
    }
    if (seen.has(prop.name)) {
      report(node, { found: written, expected: `each prop once: ${tag} already has ${prop.name}`, hint: `Delete one of the two ${prop.name}="..." props.` });
      return undefined;
    }
    seen.add(prop.name);
    let text: string | undefined;
    if (typeof attribute.value === 'string') text = attribute.value;
    else if (attribute.value) {
      text = readStringLiteral(attribute.value.value);
      if (text === undefined) {
        report(node, {
          found: written,
          expected: `${prop.name}="..." with the value in double quotes`,
          hint: `Curly brackets hold code, which commentary cannot run. Write ${prop.name}="..." instead.`,
        });
        return undefined;
      }
    } else {
      report(node, { found: written, expected: `a value for ${prop.name}, written ${prop.name}="..."`, hint: `Write it like this: ${component.example}` });
      return undefined;
    }
    return { prop, text };
  };

  const checkValue = (node: JsxElement, component: FigureComponent, prop: FigureProp, text: string) => {
    const written = `${prop.name}="${text}"`;
    if (prop.kind === 'enum') {
      if (prop.values.includes(text)) return;
      const nearest = closestNames(text, prop.values, 1)[0];
      return report(node, {
        found: written,
        expected: `${prop.name} to be ${oneOf(prop.values.map((value) => `"${value}"`))}`,
        hint: nearest ? `Did you mean ${prop.name}="${nearest}"?` : `${prop.description}`,
      });
    }
    if (text.trim() === '') {
      return report(node, { found: written, expected: `an indicator id in ${prop.name}="..."`, hint: `The ids are in the first column of content/indicators.csv. Write it like this: ${component.example}` });
    }
    if (!catalogue.has(text)) {
      const nearest = closestNames(text, context.catalogueIds);
      return report(node, {
        found: written,
        expected: 'an indicator id from the first column of content/indicators.csv',
        hint: nearest.length ? `Did you mean ${nearest.map((id) => `"${id}"`).join(' or ')}?` : 'Copy the id from content/indicators.csv exactly: lower case, with hyphens between words.',
      });
    }
    if (!quarter.has(text)) {
      report(node, {
        found: written,
        expected: `an indicator that ${context.quarterLabel}’s data file reports`,
        hint: `"${text}" is in the catalogue, but this quarter’s data file does not report it, so there is no figure to show. Remove the tag, or use an indicator the quarter reports.`,
      });
    }
  };

  const visit = (node: MdastNode, isFirst: boolean) => {
    switch (node.type) {
      case 'root':
      case 'paragraph':
      case 'text':
      case 'emphasis':
      case 'strong':
      case 'blockquote':
      case 'list':
      case 'break':
      case 'linkReference': // its address is checked at its definition
        break;
      // Inline code is harmless text (shown as written, never run or parsed as a tag), and useful for quoting codes.
      case 'inlineCode':
        break;
      case 'yaml':
      case 'toml':
        // The frontmatter, checked by its own reader (src/ingest/yaml-file.ts).
        if (isFirst) return;
        report(node, { found: firstLine(node), expected: ALLOWED, hint: 'The settings block (between --- lines) belongs at the very top of the file only.' });
        return;
      case 'heading':
        if (node.depth <= 2) {
          report(node, {
            found: firstLine(node),
            expected: 'a heading starting ### (or #### below it)',
            hint: 'The page already has its own title and main headings (# and ##). Start this heading with ### instead.',
          });
        } else if (node.depth >= 5) {
          report(node, { found: firstLine(node), expected: 'a heading starting ### or ####', hint: 'Headings go no deeper than ####. Start this heading with #### instead.' });
        }
        break;
      case 'listItem':
        // A task-list item ("- [ ] ...") renders a checkbox: a form control that does nothing on this page.
        if (typeof node.checked === 'boolean') {
          report(node, { found: firstLine(node), expected: 'an ordinary list item', hint: 'Remove the [ ] or [x] after the "- ".' });
        }
        break;
      case 'link':
        checkUrl(node, node.url);
        break;
      case 'definition':
        checkUrl(node, node.url);
        break;
      case 'image':
      case 'imageReference':
        report(node, {
          found: firstLine(node),
          expected: ALLOWED,
          hint: 'Delete the image: pictures from other sites can track readers, and figures come from the data. To show a chart, use <Chart of="..." />.',
        });
        return;
      case 'mdxjsEsm':
        report(node, {
          found: firstLine(node),
          expected: `${ALLOWED}, not code`,
          hint: 'Delete this line: commentary cannot import or export code, and the figure components need no import. If it is a sentence, start it with a capital letter.',
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (isCommentOnly(node.value)) return;
        report(node, {
          found: `{${node.value}}`,
          expected: `${ALLOWED}, not code in curly brackets`,
          hint: `Commentary cannot run code. To show a figure, use ${VALUE_EXAMPLE}. For a note to other editors, write {/* note */}. To show a curly bracket as text, put a backslash before it: \\{.`,
        });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'html':
        report(node, { found: firstLine(node), expected: ALLOWED, hint: 'Delete the HTML: write plain text, and use [text](https://...) for links.' });
        return;
      // A fenced code block is harmless text too, but commentary has no code to show, and preformatted text does not
      // wrap, so it runs off the screen on a phone: most likely a paragraph fenced or indented by mistake.
      case 'code':
        report(node, { found: firstLine(node), expected: `${ALLOWED}, not a code block`, hint: 'Delete the ``` lines above and below to make it an ordinary paragraph.' });
        return;
      // Tables: figures typed into a table by hand escape the data checks, and wide tables break on phones;
      // the cards and charts already present the figures accessibly.
      case 'table':
        report(node, {
          found: firstLine(node),
          expected: `${ALLOWED}, not a table`,
          hint: 'Write it as a list instead, and show figures with <Value of="..." />, <Indicator of="..." /> or <Chart of="..." />.',
        });
        break;
      case 'tableRow':
      case 'tableCell':
        break;
      // Footnotes add their own "Footnotes" heading at level 2 (the page owns those) and send readers away from the text.
      case 'footnoteReference':
        report(node, { found: firstLine(node), expected: `${ALLOWED}, not a footnote`, hint: 'Put the note in brackets in the sentence, or in a sentence of its own.' });
        return;
      case 'footnoteDefinition':
        report(node, { found: firstLine(node), expected: `${ALLOWED}, not a footnote`, hint: 'Put the note in brackets in the sentence it belongs to, and delete this line.' });
        break;
      // A horizontal line: headings already divide the page, and they (unlike a line) appear in screen readers' outline.
      case 'thematicBreak':
        report(node, { found: firstLine(node), expected: `${ALLOWED}, not a horizontal line`, hint: 'Start a new section with a ### heading instead, or just leave a blank line.' });
        return;
      // Struck-through text is read out by most screen readers as if it were current.
      case 'delete':
        report(node, {
          found: firstLine(node),
          expected: `${ALLOWED}, not struck-through text`,
          hint: 'Delete the words instead. A correction to a published figure goes in the corrections list at the top of the file.',
        });
        break;
      default:
        report(node, { found: firstLine(node), expected: ALLOWED, hint: 'Write it as plain text, or see the editing guide for what commentary can contain.' });
        return;
    }
    // Containers are walked even when refused, so one check finds every problem in the file.
    if ('children' in node) {
      const children: readonly MdastNode[] = node.children;
      // Only the root's first child can be the frontmatter.
      children.forEach((child, index) => visit(child, node.type === 'root' && index === 0));
    }
  };

  visit(tree, false);
  return { references, problems };
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
