/**
 * What the editor's preview shows for the quarter being edited, worked out by
 * the check the build runs (validateContent) and the model the pages read
 * (buildModel), never by rules of its own: the content folder as the editor
 * was built with it (a snapshot), with this quarter's commentary, and its
 * export when one was just uploaded, put in their places.
 *
 * Pure: no DOM and no file system; src/editor/preview.ts draws the result and
 * scripts/build-admin.ts writes the snapshot.
 */
import { stringify } from 'yaml';
import { commentarySchema } from '../schemas/commentary.ts';
import { describeProblem, type Problem } from '../core/problems.ts';
import type { BuildClock } from '../core/release-time.ts';
import { blockingProblems, DATA_NAMES, validateContent, type ContentFiles, type ContentReport, type QuarterFolder, type QuarterReport, type SourceFile } from '../ingest/validate.ts';
import { buildModel, type QuarterView } from '../model/model.ts';
import { tidyFigureTags } from './figure-tags.ts';
import { fieldFor, labelOf, type CmsField } from './cms-config.ts';
import { dataNameFor, UPLOAD_FIELD } from './upload-field.ts';

/** The data file names the check reads, for the browser code that loads this module lazily. */
export { DATA_NAMES };

/** A content file in the snapshot: its path and its bytes in base64 (the snapshot is JSON). */
export interface SnapshotFile {
  file: string;
  base64: string;
}

type Snapshot<T> = T extends SourceFile ? SnapshotFile : T extends Uint8Array ? never : T extends object ? { [K in keyof T]: Snapshot<T[K]> } : T;
/** The content folder as read by src/ingest/read-content.ts, as JSON. */
export type ContentSnapshot = Snapshot<ContentFiles>;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const packFile = (source: SourceFile | null): SnapshotFile | null => (source ? { file: source.file, base64: toBase64(source.bytes) } : null);
const unpackFile = (source: SnapshotFile | null): SourceFile | null => (source ? { file: source.file, bytes: fromBase64(source.base64) } : null);

/**
 * The content the editor may carry: only the quarters the public site shows now, by the public build's own rule
 * (published, its time come, and checked: src/loaders/site-model.ts). /admin/ is served with the public site, so
 * a draft's or an embargoed quarter's figures in its snapshot would be published early; the preview reads those
 * through the signed-in editor instead, from the git host (src/editor/preview.ts). A folder the check could not
 * read counts as published, so that it stops the build: it is still no quarter the site shows, and is not carried.
 * scripts/build-admin.ts also refuses content the public build would refuse, and carries only what the check
 * reads of each file (src/editor/public-copy.ts).
 */
export function publicContent(files: ContentFiles, report: ContentReport): ContentFiles {
  const live = new Set(report.quarters.filter((quarter) => quarter.publication === 'published' && quarter.quarter !== null && !quarter.problems.length).map((quarter) => quarter.id));
  return { ...files, quarters: files.quarters.filter((folder) => live.has(folder.name)) };
}

export function snapshotOf(files: ContentFiles): ContentSnapshot {
  return {
    ...files,
    releases: packFile(files.releases),
    settings: packFile(files.settings),
    catalogue: packFile(files.catalogue),
    quarters: files.quarters.map((folder) => ({ ...folder, dataFiles: folder.dataFiles.map((file) => packFile(file)!), commentary: packFile(folder.commentary) })),
  };
}

export function filesOf(snapshot: ContentSnapshot): ContentFiles {
  return {
    ...snapshot,
    releases: unpackFile(snapshot.releases),
    settings: unpackFile(snapshot.settings),
    catalogue: unpackFile(snapshot.catalogue),
    quarters: snapshot.quarters.map((folder) => ({ ...folder, dataFiles: folder.dataFiles.map((file) => unpackFile(file)!), commentary: unpackFile(folder.commentary) })),
  };
}

/** The commentary's fields as the editor has them: which may be left out, and their own fields (contact's, a correction's). */
const FORM_FIELDS: readonly CmsField[] = Object.entries(commentarySchema.shape).map(([name, schema]) => fieldFor(name, schema, `commentary.${name}`, {}));

/** What the editor leaves out of the file when an optional field holds it (output.omit_empty_optional_fields): nothing, '', [] or {}. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length) || (isRecord(value) && !Object.keys(value).length);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The editor's own bookkeeping in a list item (__sc_item_id and the like): never written to the file. */
const isEditorKey = (key: string) => key.startsWith('__sc_');

/**
 * A value as the editor writes it: the fields it knows in their order, an optional one left out when empty; any
 * other key the entry holds (one the file had, such as a misspelt field) kept after them, as the editor keeps it,
 * so the check refuses it here as it will refuse the saved file; the editor's bookkeeping keys left out.
 */
function asWritten(value: unknown, fields: readonly CmsField[] | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => asWritten(item, fields));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const field of fields ?? []) {
    const inner = value[field.name];
    if (inner === undefined || (field.required === false && isEmpty(inner))) continue;
    out[field.name] = asWritten(inner, field.fields);
  }
  const known = new Set((fields ?? []).map((field) => field.name));
  for (const key of Object.keys(value).sort()) {
    if (known.has(key) || isEditorKey(key) || value[key] === undefined) continue;
    out[key] = asWritten(value[key], undefined);
  }
  return out;
}

/** Where each frontmatter field is in the file the preview checks, so a problem's line can be given as the field an officer sees. */
export interface CommentaryText {
  text: string;
  /** Each field's first and last line in the file. */
  fields: { name: string; first: number; last: number }[];
  /** The file line of the commentary's first line. */
  bodyLine: number;
}

/**
 * The commentary.mdx the editor would save from what the form holds: the
 * frontmatter as Sveltia CMS writes it (the schema's fields in its order, empty
 * optional ones left out, any other key the entry holds kept after them, the
 * editor's own bookkeeping and the upload field left out), figure tags tidied
 * as the editor's preSave does.
 */
export function commentaryText(data: Readonly<Record<string, unknown>>): CommentaryText {
  const fields: CommentaryText['fields'] = [];
  const lines = ['---'];
  const written = asWritten(
    Object.fromEntries(Object.entries(data).flatMap(([name, value]) => (name === 'body' || name === UPLOAD_FIELD ? [] : [[name, name === 'summary' && typeof value === 'string' ? tidyFigureTags(value) : value]]))),
    FORM_FIELDS,
  ) as Record<string, unknown>;
  for (const [name, value] of Object.entries(written)) {
    const text = stringify({ [name]: value }, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
    fields.push({ name, first: lines.length + 1, last: lines.length + text.length });
    lines.push(...text);
  }
  lines.push('---');
  const body = typeof data.body === 'string' ? tidyFigureTags(data.body) : '';
  return { text: `${lines.join('\n')}\n${body}`, fields, bodyLine: lines.length + 1 };
}

/** What is being edited: the quarter's folder, its commentary, and its export as the editor holds it (chosen in this session, or the folder's). */
export interface QuarterEdit {
  folder: string;
  commentary: CommentaryText;
  dataFile?: { name: string; bytes: Uint8Array };
  /** The folder's other data files, which stay beside the export when it is saved (so the check refuses the folder, as it will). */
  alsoInFolder?: { name: string; bytes: Uint8Array }[];
}

/** The content folder with the edited quarter in place of (or beside) what the snapshot holds. */
export function withEdit(files: ContentFiles, edit: QuarterEdit): ContentFiles {
  const existing = files.quarters.find((folder) => folder.name === edit.folder);
  const path = existing?.path ?? `${files.settingsPath.replace(/site\.yaml$/, '')}quarters/${edit.folder}`;
  const exports = edit.dataFile ? [edit.dataFile, ...(edit.alsoInFolder ?? [])] : [];
  // One file per name, the export's first: an upload replaces the file of its name. In name order, as the folder is read.
  const named = new Map(exports.map((file) => [dataFileName(file.name), file.bytes] as const).reverse());
  const dataFiles = exports.length ? [...named].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, bytes]) => ({ file: `${path}/${name}`, bytes })) : (existing?.dataFiles ?? []);
  const folder: QuarterFolder = { name: edit.folder, path, dataFiles, commentary: { file: `${path}/commentary.mdx`, bytes: new TextEncoder().encode(edit.commentary.text) } };
  return { ...files, quarters: [...files.quarters.filter((other) => other.name !== edit.folder), folder] };
}

/** The name the export is checked under: its own when it is one the check reads, else the one the editor saves it as (upload-field.ts). */
export function dataFileName(uploaded: string): string {
  const name = uploaded.split('/').at(-1)!;
  return DATA_NAMES.includes(name.toLowerCase()) ? name : (dataNameFor(name) ?? name);
}

/** The name an export chosen in this session is checked under when its own name is not known (the editor's copy has none): from its bytes, a workbook, else text. */
export function uploadedName(bytes: Uint8Array, type: string): string {
  const zip = [0x50, 0x4b, 0x03, 0x04];
  const ole = [0xd0, 0xcf, 0x11, 0xe0];
  if ([zip, ole].some((signature) => signature.every((byte, i) => bytes[i] === byte))) return 'data.xlsx';
  return /tab-separated/i.test(type) ? 'data.tsv' : 'data.csv';
}

/** One message as the preview shows it: where, in the editor's words, then the check's own sentence. */
export interface PreviewMessage {
  place: string;
  text: string;
  hint?: string;
}

export interface PreviewView {
  folder: string;
  /** What the check decided: published (live once saved and merged), scheduled, or draft. */
  publication: QuarterReport['publication'];
  /** This quarter's problems: each stops it being published. */
  problems: PreviewMessage[];
  /** Problems the edit causes in other files (a later quarter's revisions, the release calendar). */
  elsewhere: PreviewMessage[];
  warnings: PreviewMessage[];
  /** The check's plain statements, such as why the quarter is a draft. */
  notes: string[];
  /** The quarter as its page would show it; null while it has problems (the site never shows a quarter that fails the check). */
  quarter: QuarterView | null;
}

/** A line of the commentary, shortened, so an officer can find it in the editor. */
function excerpt(line: string | undefined): string {
  const text = (line ?? '').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A problem placed as the officer sees the quarter: a field of the form, a line of the commentary, a row of the export. */
export function previewMessage(problem: Problem, edit: QuarterEdit, folderPath: string): PreviewMessage {
  const commentaryFile = `${folderPath}/commentary.mdx`;
  if (problem.file !== commentaryFile || problem.line === undefined) {
    const { text, hint } = describeProblem(problem);
    const inFolder = problem.file.startsWith(`${folderPath}/`);
    const place = problem.file === commentaryFile ? 'Commentary' : inFolder ? `Dashboard export (${problem.file.slice(folderPath.length + 1)})` : problem.file;
    return { place, text, ...(hint ? { hint } : {}) };
  }
  // The line of a file the officer never sees becomes the field, or the line of the Commentary box, it is on.
  const { text, hint } = describeProblem({ ...problem, line: undefined, column: undefined });
  const field = edit.commentary.fields.find((candidate) => problem.line! >= candidate.first && problem.line! <= candidate.last);
  const line = edit.commentary.text.split('\n')[problem.line - 1];
  const place = field
    ? labelOf(field.name)
    : problem.line >= edit.commentary.bodyLine
      ? `Commentary, line ${problem.line - edit.commentary.bodyLine + 1}${excerpt(line) ? `: “${excerpt(line)}”` : ''}`
      : 'Commentary settings';
  return { place, text, ...(hint ? { hint } : {}) };
}

/** Checks the content with the edit in place, as `npm run check` would, and models the quarter as its page would show it. */
export async function previewQuarter(files: ContentFiles, edit: QuarterEdit, clock: BuildClock): Promise<PreviewView> {
  const report = await validateContent(withEdit(files, edit), { clock });
  const mine = report.quarters.find((quarter) => quarter.id === edit.folder)!;
  const place = (problem: Problem) => previewMessage(problem, edit, mine.path);
  const others = blockingProblems(report, { includeDrafts: false }).filter((problem) => !mine.problems.includes(problem));
  // Drafts are modelled too, as the drafts preview builds them, so a draft's page can be seen before it is published.
  const included = report.quarters.flatMap((quarter) => (quarter.quarter ? [quarter.quarter] : []));
  const model = buildModel(report.catalogue, included, report.areas);
  return {
    folder: edit.folder,
    publication: mine.publication,
    problems: mine.problems.map(place),
    elsewhere: others.map(place),
    warnings: mine.warnings.map(place),
    notes: mine.notes,
    quarter: mine.quarter ? (model.quarterById.get(edit.folder) ?? null) : null,
  };
}
