/**
 * YAML content files (a commentary's frontmatter, content/site.yaml): read with
 * a YAML parser that keeps positions, validated with their schema, every
 * problem reported at its own line.
 */
import { isAlias, isNode, LineCounter, parseDocument, Parser, Scalar, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { commentarySchema, type Commentary } from '../schemas/commentary.ts';
import { closestNames } from '../core/names.ts';
import type { Problem } from '../core/problems.ts';
import { describeCharacter, isRefusedInText } from '../core/characters.ts';

export interface FrontmatterResult {
  /** The validated frontmatter, or null when it has problems. */
  data: Commentary | null;
  /** The status as written, when it can be read even though other fields are wrong (so a broken draft stays a draft). */
  status: 'draft' | 'published' | null;
  problems: Problem[];
  /** The file line of a frontmatter field, such as ['corrections', 0, 'newValue']; undefined when it is not there. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

const noLines = () => undefined;

/**
 * A commentary's frontmatter lines (split from the body by
 * src/ingest/commentary-file.ts, the one place that decides where they end),
 * validated with the commentary schema.
 */
export function readFrontmatter(block: { text: string; firstLine: number }, file: string): FrontmatterResult {
  const result = readYaml(block.text, file, commentarySchema, block.firstLine);
  const status = result.raw && typeof result.raw === 'object' ? (result.raw as Record<string, unknown>).status : undefined;
  return {
    data: result.data,
    status: result.data?.status ?? (status === 'draft' || status === 'published' ? status : null),
    problems: [...result.problems, ...(result.raw ? escapedCharacters(block.text, file, block.firstLine) : [])],
    lineOf: result.lineOf,
  };
}

/**
 * The characters a commentary refuses (src/core/characters.ts: invisible, a control character, a line break other
 * than LF) written as an escape in a double-quoted value ("\u202e", "\v", "\r"): the check of the file's text
 * (src/ingest/commentary-file.ts) sees only the escape, the page would show the character. Sveltia CMS writes a
 * control character pasted into a field this way. Each is refused at its value's line.
 */
function escapedCharacters(text: string, file: string, firstLine: number): Problem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  visit(document, {
    Scalar(_key, node) {
      if (node.type !== Scalar.QUOTE_DOUBLE || typeof node.value !== 'string' || !node.range) return;
      const written = text.slice(node.range[0], node.range[1]);
      for (const character of new Set(node.value)) {
        if (!isRefusedInText(character) && character !== '\r') continue;
        // Written as itself, it is already refused where it stands in the file.
        if (written.includes(character)) continue;
        problems.push({
          file,
          line: lineCounter.linePos(node.range[0]).line + firstLine - 1,
          found: `${describeCharacter(character)}, written as an escape (a \\ in double quotes)`,
          expected: 'only characters a reader can see, and ordinary line breaks',
          hint: 'Delete the escape: a value is shown as its characters, and this one is invisible or a control character.',
        });
      }
    },
  });
  return problems;
}

/**
 * Each comment of a YAML text, by the YAML reader's own reading (a # inside a value is no comment): its line
 * (numbered from firstLine), where on the line it starts (0-based, in UTF-16 units) and its length.
 */
export function yamlComments(text: string, firstLine = 1): { line: number; column: number; length: number }[] {
  const normalised = text.replace(/\r\n/g, '\n');
  const comments: { line: number; column: number; length: number }[] = [];
  const visitToken = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visitToken);
    if (!node || typeof node !== 'object') return;
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      const before = normalised.slice(0, token.offset);
      comments.push({ line: before.split('\n').length + firstLine - 1, column: token.offset - before.lastIndexOf('\n') - 1, length: token.source.length });
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visitToken(value);
  };
  for (const token of new Parser().parse(normalised)) visitToken(token);
  return comments;
}

export interface YamlResult<T> {
  data: T | null;
  /** The document as read, before validation (null when it could not be read). */
  raw: unknown;
  problems: Problem[];
  lineOf: (path: (string | number)[]) => number | undefined;
}

/**
 * A YAML document validated with a zod schema, every problem at its file line
 * (`firstLine` is the file line the text starts on). Unknown fields are named
 * with the nearest known one, since a misspelt field would otherwise be ignored.
 */
export function readYaml<S extends z.ZodType>(text: string, file: string, schema: S, firstLine = 1): YamlResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (document.errors.length) {
    return {
      data: null,
      raw: null,
      lineOf: noLines,
      problems: document.errors.map((error) => ({
        file,
        line: lineOf(error.pos[0]),
        expected: `a line the YAML reader understands (it said: ${error.message.split(' at line')[0]})`,
        hint: 'Text containing a colon followed by a space, or starting with a quote or a bracket, must be put in double quotes.',
      })),
    };
  }
  const plain = plainYamlProblems(document, file, lineOf);
  if (plain.length) return { data: null, raw: null, lineOf: noLines, problems: plain };
  const raw: unknown = document.toJS();
  const lineAt = (path: PropertyKey[]) => {
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineOf(node.range[0]) : undefined;
  };
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { data: parsed.data, raw, problems: [], lineOf: lineAt };
  const problems = parsed.error.issues.flatMap((issue) => issueProblems(issue, file, lineAt, raw, schema));
  return { data: null, raw, problems, lineOf: lineAt };
}

/**
 * Content files are plain YAML: no tags (!!binary, !foo, which other YAML readers
 * treat differently or refuse), no anchors or aliases (which can multiply a
 * small file into a huge one), no directives, and nothing the reader only warns
 * about. Nesting too deep for the reader is one of its errors, reported above.
 */
function plainYamlProblems(document: Document, file: string, lineOf: (offset: number) => number): Problem[] {
  const problems: Problem[] = [];
  const at = (node: unknown) => (isNode(node) && node.range ? lineOf(node.range[0]) : undefined);
  if (document.directives?.yaml.explicit || document.directives?.tags && Object.keys(document.directives.tags).some((handle) => !['!', '!!'].includes(handle))) {
    problems.push({ file, line: lineOf(0), found: '%YAML or %TAG', expected: 'plain settings, without YAML directives', hint: 'Delete the line starting with %.' });
  }
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        problems.push({ file, line: at(node), found: `*${node.source}`, expected: 'each value written out, not a YAML alias (*name)', hint: 'Write the value again in full instead of *name.' });
      } else if (node.anchor) {
        problems.push({ file, line: at(node), found: `&${node.anchor}`, expected: 'plain values, without YAML anchors (&name)', hint: `Delete &${node.anchor}.` });
      }
      if (node.tag) {
        problems.push({ file, line: at(node), found: node.tag.replace('tag:yaml.org,2002:', '!!'), expected: 'plain values, without YAML tags (! or !!)', hint: 'Delete the tag; put the value in double quotes if it is text.' });
      }
    },
  });
  for (const warning of document.warnings) {
    problems.push({ file, line: lineOf(warning.pos[0]), expected: `a line the YAML reader understands without warnings (it said: ${warning.message.split(' at line')[0]})` });
  }
  return problems;
}

type Issue = z.core.$ZodIssue;

/** One zod issue as problems at YAML lines; an unknown field gets the nearest known name. */
function issueProblems(issue: Issue, file: string, lineAt: (path: PropertyKey[]) => number | undefined, raw: unknown, schema: z.ZodType): Problem[] {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  const field = path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : String(part))).join(', ');
  // The closest line we can point at: the field itself, else the nearest parent that exists.
  const nearest = (of: PropertyKey[]) => {
    for (let length = of.length; length > 0; length--) {
      const line = lineAt(of.slice(0, length));
      if (line !== undefined) return line;
    }
    return 1;
  };
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const suggestion = closestNames(key, known, 1)[0];
      return {
        file,
        line: nearest([...path, key]),
        found: key,
        expected: `${path.length ? `in ${field}, ` : ''}a field the site reads: ${known.join(', ')}`,
        hint: suggestion ? `Did you mean "${suggestion}"? A misspelt field would be ignored, so it is not allowed.` : 'Delete the line, or correct the field name.',
      };
    });
  }
  const value = valueAt(raw, path);
  const missing = value === undefined;
  return [
    {
      file,
      line: nearest(path),
      found: missing ? undefined : typeof value === 'string' ? value : JSON.stringify(value),
      expected: `${field ? `${missing ? `a field "${field}" with ` : `in ${field}, `}` : ''}${issue.message}`,
      hint: missing && path.length === 1 ? `Add a line such as ${path[0] === 'status' ? 'status: draft' : `${String(path[0])}: ...`}.` : undefined,
    },
  ];
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The field names the schema allows at a path, for "did you mean". */
function knownKeys(root: z.ZodType, path: PropertyKey[]): string[] {
  let schema: z.ZodType = root;
  for (const part of path) {
    // unwrap() already steps through arrays, so list positions need no step of their own.
    if (typeof part === 'number') continue;
    const def = unwrap(schema);
    if (!('shape' in def)) return [];
    schema = (def.shape as Record<string, z.ZodType>)[String(part)]!;
    if (!schema) return [];
  }
  const def = unwrap(schema);
  return 'shape' in def ? Object.keys(def.shape as object) : [];
}

function unwrap(schema: z.ZodType): object {
  let current: z.ZodType = schema;
  // Optional, default and array wrappers hold the object schema inside.
  for (let i = 0; i < 5 && current && 'unwrap' in current && typeof current.unwrap === 'function'; i++) current = current.unwrap() as z.ZodType;
  return current as unknown as object;
}
