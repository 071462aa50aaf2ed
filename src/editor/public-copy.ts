/**
 * The content the editor's preview carries (/admin/content.json, written by
 * scripts/build-admin.ts): the public quarters' files as the check reads them,
 * and nothing else of them. /admin/ is served with the public site, so a file
 * copied whole would publish what the site never shows: the notes to other
 * editors in a commentary (`# ...` in its settings, {/* ... *\/} in its text), a
 * workbook's cell notes, author names, formulas and everything else a .xlsx
 * holds besides the figures the check reads, and columns of indicators.csv,
 * releases.csv the check does not read. So:
 * - a note keeps its marks (# or {/* *\/}) and its place, its words become spaces;
 * - a workbook becomes the table the check read from it, as tab-separated text,
 *   each row on the line of its row number (data.xlsx becomes data.tsv);
 * - the catalogue and the release calendar keep only the columns the check reads;
 * - site.yaml's notes are blanked like a commentary's.
 * The check reads the copy as it reads the files (test/editor-public-copy.test.ts),
 * and a file this cannot read stops the editor's build rather than going out whole.
 *
 * Node only (the build of the editor): never bundled into the editor itself.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import { splitCommentary } from '../ingest/commentary-file.ts';
import { yamlComments } from '../ingest/yaml-file.ts';
import { decodeText, mapColumns, readTable, type ColumnSpec, type Table } from '../ingest/delimited.ts';
import { CATALOGUE_COLUMNS } from '../ingest/catalogue.ts';
import { RELEASE_COLUMNS } from '../ingest/releases.ts';
import type { ContentFiles, SourceFile } from '../ingest/validate.ts';

/** A file this copy cannot make without the risk of carrying more than the check reads: the editor is not built. */
export class PublicCopyError extends Error {}

const encode = (text: string) => new TextEncoder().encode(text);

function textOf(source: SourceFile): string {
  const decoded = decodeText(source.bytes, source.file);
  if (!decoded.ok) throw new PublicCopyError(`${source.file}: ${decoded.problem.expected}`);
  return decoded.text.replace(/^\uFEFF/, '');
}

/** Blanks text between two places (1-based lines, 0-based columns in UTF-16 units, end exclusive), keeping line ends. */
function blank(lines: string[], from: { line: number; column: number }, to: { line: number; column: number }): void {
  for (let line = from.line; line <= to.line; line++) {
    const text = lines[line - 1]!;
    const start = line === from.line ? from.column : 0;
    const end = line === to.line ? to.column : text.endsWith('\r') ? text.length - 1 : text.length;
    lines[line - 1] = text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);
  }
}

/** Blanks the words of a YAML text's comments in the file's lines, the text starting at the file's line firstLine. */
function blankYamlNotes(lines: string[], yaml: string, firstLine = 1): void {
  for (const comment of yamlComments(yaml, firstLine)) {
    // After the #, to the comment's end.
    blank(lines, { line: comment.line, column: comment.column + 1 }, { line: comment.line, column: comment.column + comment.length });
  }
}

/** A YAML file (site.yaml) with its notes blanked. */
export function withoutYamlNotes(text: string): string {
  const lines = text.split('\n');
  blankYamlNotes(lines, text);
  return lines.join('\n');
}

/** A commentary with its notes to other editors blanked: # comments in the settings, {/* *\/} comments in the text. */
export function withoutCommentaryNotes(text: string, file: string): string {
  const { parts } = splitCommentary(text, file);
  if (!parts) throw new PublicCopyError(`${file}: the commentary cannot be read`);
  const lines = text.split('\n');
  blankYamlNotes(lines, parts.frontmatter.text, parts.frontmatter.firstLine);
  const stack: MdastNode[] = [mdxToMdast(parts.body, { features: { gfm: true } })];
  while (stack.length) {
    const node = stack.pop()!;
    // Only comments get this far in a public quarter (the check refuses any other expression): inside {/* and */}, words become spaces.
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && node.position) {
      const { start, end } = node.position;
      blank(lines, { line: start.line, column: start.column - 1 + 3 }, { line: end.line, column: end.column - 1 - 3 });
    }
    if ('children' in node) stack.push(...(node.children as MdastNode[]));
  }
  return lines.join('\n');
}

/** A table as tab-separated text, each row on its own line number (rows spanning lines push the next ones down). */
export function tableText(table: Table, keep: (column: number) => boolean = () => true): string {
  const quoted = (cell: string) => (/["\t\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const out: string[] = [];
  for (const row of [table.header, ...table.rows]) {
    while (out.length < row.line - 1) out.push('');
    out.push(...row.cells.flatMap((cell, column) => (keep(column) ? [quoted(cell)] : [])).join('\t').split('\n'));
  }
  return `${out.join('\n')}\n`;
}

/** A CSV file with only the columns the check reads. */
function knownColumnsOnly(source: SourceFile, columns: readonly ColumnSpec[]): SourceFile {
  const table = readTable(textOf(source), source.file);
  if (!table.ok) throw new PublicCopyError(`${source.file}: the table cannot be read`);
  const mapped = mapColumns(table.table.header, columns, source.file);
  if (!mapped.ok) throw new PublicCopyError(`${source.file}: its columns cannot be read`);
  const read = new Set(Object.values(mapped.map.index));
  return { file: source.file, bytes: encode(tableText(table.table, (column) => read.has(column))) };
}

/** A data file as the check reads it: a workbook's table as text (data.tsv), a text export as it is (it holds only its cells). */
async function dataAsRead(source: SourceFile): Promise<SourceFile> {
  if (!source.file.toLowerCase().endsWith('.xlsx')) return source;
  const { readWorkbook } = await import('../ingest/workbook.ts');
  const table = await readWorkbook(source.bytes, source.file);
  if (!table.ok) throw new PublicCopyError(`${source.file}: the workbook cannot be read`);
  return { file: source.file.replace(/[^/]*$/, 'data.tsv'), bytes: encode(tableText(table.table)) };
}

/** The content folder as the editor's preview may carry it: only what the check reads of each file. */
export async function publicCopy(files: ContentFiles): Promise<ContentFiles> {
  const yamlFile = (source: SourceFile | null) => (source ? { file: source.file, bytes: encode(withoutYamlNotes(textOf(source))) } : null);
  return {
    ...files,
    settings: yamlFile(files.settings),
    catalogue: files.catalogue && knownColumnsOnly(files.catalogue, CATALOGUE_COLUMNS),
    releases: files.releases && knownColumnsOnly(files.releases, RELEASE_COLUMNS),
    quarters: await Promise.all(
      files.quarters.map(async (folder) => ({
        ...folder,
        dataFiles: await Promise.all(folder.dataFiles.map(dataAsRead)),
        commentary: folder.commentary && { file: folder.commentary.file, bytes: encode(withoutCommentaryNotes(textOf(folder.commentary), folder.commentary.file)) },
      })),
    ),
  };
}
