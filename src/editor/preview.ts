/**
 * The editor's preview pane for a quarter (registered by admin.ts): the check's
 * messages for what the form holds now, before anything is saved, and the
 * commentary as its page will show it, every figure tag filled from the
 * quarter's data. The work is done by preview-model.ts with the build's own
 * check and model; this file only draws the result, with DOM text nodes (never
 * HTML from content), mirroring src/components/commentary/.
 *
 * The check (and its WebAssembly Markdown parser) is loaded the first time a
 * preview is drawn, so the editor itself starts as fast as before.
 */
import type { Block, Inline } from '../core/commentary-tree.ts';
import { parsePeriod, quarterIdOf } from '../core/periods.ts';
import { clockAt } from '../core/release-time.ts';
import type { QuarterView } from '../model/model.ts';
import { cardOf } from '../model/cards.ts';
import { figureText } from '../model/figure-text.ts';
import { glanceRow } from '../present/quarter-glance.ts';
import { joinBase } from '../present/urls.ts';
import { chartTableRows } from '../present/commentary.ts';
import type { ContentSnapshot, PreviewMessage, PreviewView, QuarterEdit } from './preview-model.ts';
import { QUARTERS_FOLDER, UPLOAD_FIELD } from './upload-field.ts';

/** The file scripts/build-admin.ts writes beside the editor: the content folder the check starts from. */
export const SNAPSHOT_FILE = 'content.json';

interface ImmutableMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
}

/** What Sveltia CMS (as Decap CMS) gives a preview template. */
export interface PreviewProps {
  entry: ImmutableMap;
  getAsset: (path: string) => unknown;
}

type Node = HTMLElement | Text | string;

/** An element made in the preview's own document (it may be a frame's). */
function make(doc: Document, tag: string, attributes: Record<string, string | undefined>, children: readonly Node[] = []): HTMLElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  return element;
}

/** The site's root path, from the editor's own address (/admin/ sits at the site's root or under its sub-path). */
const siteBase = () => new URL('../', location.href).pathname;

function inlines(doc: Document, nodes: readonly Inline[], quarter: QuarterView): Node[] {
  return nodes.map((node): Node => {
    switch (node.kind) {
      case 'text':
        return node.value;
      case 'emphasis':
      case 'strong':
        return make(doc, node.kind === 'emphasis' ? 'em' : 'strong', {}, inlines(doc, node.children, quarter));
      case 'code':
        return make(doc, 'code', {}, [node.value]);
      case 'break':
        return make(doc, 'br', {});
      case 'link':
        // Opened beside the editor, so following a link never leaves unsaved work.
        return make(doc, 'a', { href: node.url.startsWith('/') ? joinBase(siteBase(), node.url) : node.url, target: '_blank', rel: 'noopener' }, inlines(doc, node.children, quarter));
      case 'figure': {
        const text = figureText(node.component, node.props, quarter) ?? `<${node.component}>`;
        const kind = node.component === 'Value' ? 'figure' : node.component === 'Change' ? 'figure-change' : node.component === 'QuarterSummary' ? 'quarter-summary' : 'figure';
        return make(doc, 'span', { class: kind, 'data-indicator': node.props.of }, [text]);
      }
    }
  });
}

/** A chart tag: its figures as the chart's own table shows them (the drawn chart is the page's). */
function chartTable(doc: Document, of: string, quarter: QuarterView): HTMLElement {
  const card = cardOf(quarter, of)!;
  const rows = chartTableRows(quarter, card).map((row) => make(doc, 'tr', {}, [make(doc, 'th', { scope: 'row' }, [row.period]), make(doc, 'td', { class: 'num' }, [row.figure])]));
  return make(doc, 'figure', { class: 'chart', 'data-chart': of }, [
    make(doc, 'table', {}, [
      make(doc, 'caption', {}, [`Chart: ${card.indicator.title}`]),
      make(doc, 'thead', {}, [make(doc, 'tr', {}, [make(doc, 'th', { scope: 'col' }, ['Period']), make(doc, 'th', { scope: 'col', class: 'num' }, ['Figure'])])]),
      make(doc, 'tbody', {}, rows),
    ]),
  ]);
}

function blocks(doc: Document, list: readonly Block[], quarter: QuarterView): HTMLElement[] {
  return list.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return make(doc, 'p', {}, inlines(doc, block.children, quarter));
      case 'heading':
        return make(doc, `h${block.depth}`, {}, inlines(doc, block.children, quarter));
      case 'blockquote':
        return make(doc, 'blockquote', {}, blocks(doc, block.children, quarter));
      case 'list': {
        const items = block.items.map((item) =>
          make(doc, 'li', {}, item.length === 1 && item[0]!.kind === 'paragraph' ? inlines(doc, item[0]!.children, quarter) : blocks(doc, item, quarter)),
        );
        return make(doc, block.ordered ? 'ol' : 'ul', { start: block.ordered && block.start !== 1 && block.start !== null ? String(block.start) : undefined }, items);
      }
      case 'figure': {
        if (block.component === 'Chart') return chartTable(doc, block.props.of!, quarter);
        const card = cardOf(quarter, block.props.of)!;
        const row = glanceRow(card);
        return make(doc, 'div', { class: 'inline-card card' }, [
          make(doc, 'p', {}, [`${row.title}: `, make(doc, 'span', { class: 'card-value' }, [row.value]), ` in ${row.period}`]),
          make(doc, 'ul', { class: 'card-badges' }, [make(doc, 'li', {}, [row.direction]), make(doc, 'li', {}, [row.rating])]),
        ]);
      }
    }
  });
}

function messageList(doc: Document, kind: 'problems' | 'elsewhere' | 'warnings', messages: readonly PreviewMessage[]): HTMLElement {
  return make(
    doc,
    'ol',
    { class: 'preview-messages', 'data-preview-list': kind },
    messages.map((message) => make(doc, 'li', {}, [make(doc, 'strong', {}, [message.place]), ` ${message.text}`, ...(message.hint ? [make(doc, 'br', {}), message.hint] : [])])),
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The check's part of the pane: what stops the quarter, or that nothing does. */
function checkSection(doc: Document, view: PreviewView): HTMLElement {
  const parts: Node[] = [make(doc, 'h2', {}, ['What the check says'])];
  if (view.problems.length) {
    parts.push(make(doc, 'p', { 'data-preview-status': 'problems' }, [`${count(view.problems.length, 'problem stops', 'problems stop')} this quarter being published. Fix each one; the check runs again as you type.`]));
    parts.push(messageList(doc, 'problems', view.problems));
  } else {
    const status =
      view.publication === 'draft'
        ? 'No problems. This quarter is a draft: it is not on the public site until Status is published and the change is approved.'
        : view.publication === 'scheduled'
          ? 'No problems. Once the change is approved, the page goes public at the publication date and time.'
          : 'No problems. Once the change is approved, this page is published as shown below.';
    parts.push(make(doc, 'p', { 'data-preview-status': 'ready' }, [status]));
  }
  if (view.elsewhere.length) {
    parts.push(make(doc, 'p', {}, ['This change would also stop these other files from building:']), messageList(doc, 'elsewhere', view.elsewhere));
  }
  if (view.warnings.length) parts.push(make(doc, 'p', {}, ['Worth a look (these do not stop publication):']), messageList(doc, 'warnings', view.warnings));
  if (view.notes.length) parts.push(make(doc, 'ul', {}, view.notes.map((note) => make(doc, 'li', {}, [note]))));
  return make(doc, 'section', { class: 'preview-check notice', role: 'status' }, parts);
}

/** The page's part: the summary and commentary, figures filled, as the quarter page shows them. */
function pageSection(doc: Document, view: PreviewView): HTMLElement {
  const quarter = view.quarter;
  if (!quarter?.commentary) {
    return make(doc, 'section', { class: 'preview-page' }, [make(doc, 'h2', {}, ['The page']), make(doc, 'p', {}, ['The page is shown here once the check finds no problems: the site never shows a quarter that fails it.'])]);
  }
  return make(doc, 'section', { class: 'preview-page' }, [
    make(doc, 'h2', {}, ['The page as it will be published']),
    make(doc, 'h1', {}, [quarter.commentary.title]),
    ...(quarter.summaryText ? [make(doc, 'p', { class: 'lede', 'data-preview-summary': '' }, [quarter.summaryText])] : []),
    make(doc, 'section', { class: 'commentary' }, [make(doc, 'div', { id: 'commentary-text' }, blocks(doc, quarter.commentary.body, quarter))]),
  ]);
}

export function drawPreview(root: HTMLElement, view: PreviewView | { message: string }): void {
  const doc = root.ownerDocument;
  const parts = 'message' in view ? [make(doc, 'p', { 'data-preview-status': 'waiting' }, [view.message])] : [checkSection(doc, view), pageSection(doc, view)];
  root.replaceChildren(make(doc, 'main', { class: 'quarter-preview wrap' }, parts));
}

/** The quarter's folder: the one it was opened from, or the one its period names (a new quarter's). */
export function folderOf(entry: ImmutableMap, data: Record<string, unknown>): string | null {
  const slug = entry.get('slug');
  if (typeof slug === 'string' && slug) return slug;
  const period = typeof data.period === 'string' ? parsePeriod(data.period) : null;
  return period?.ok ? quarterIdOf(period.period) : null;
}

/** A file's bytes as the editor holds it: an upload of this session, or a file of the repository (Decap's AssetProxy shape). */
async function assetBytes(asset: unknown): Promise<Uint8Array | undefined> {
  const proxy = asset as { url?: string; toBase64?: () => Promise<string> } | undefined;
  if (!proxy) return undefined;
  if (proxy.toBase64) {
    const encoded = (await proxy.toBase64()).replace(/^data:[^,]*,/, '');
    return Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0));
  }
  if (proxy.url && /^(blob|data):/.test(proxy.url)) return new Uint8Array(await (await fetch(proxy.url)).arrayBuffer());
  return undefined;
}

/**
 * The file name behind each blob: address made from a file on this page from now on: the CMS holds an export chosen
 * in this session as one until it is saved, under the name it will be saved as (src/editor/upload-field.ts names it).
 * The check reads a file by its name (a workbook saved as data.csv is refused as one), so the preview does too.
 */
const blobNames = new Map<string, string>();
const makeObjectUrl = URL.createObjectURL.bind(URL);
URL.createObjectURL = (object: Blob | MediaSource) => {
  const url = makeObjectUrl(object);
  if (object instanceof File) blobNames.set(url, object.name);
  return url;
};

/** The bytes behind a blob: address (an export chosen in this session, which the editor holds until it is saved), and its type. */
async function blobBytes(url: string): Promise<{ bytes: Uint8Array; type: string } | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  const blob = await response.blob();
  return { bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type };
}

type Model = typeof import('./preview-model.ts');

/**
 * The quarter's data files as the check will find them once the change is saved: the export chosen in the Dashboard
 * export field (read from the editor's own copy before it is saved: until then the field holds a blob: address), and
 * every data file already in the folder, as the editor reads it from the repository (a draft's is never in the public
 * snapshot), one per name: an upload replaces the file of its name, and stays beside any other, which the check refuses.
 * Empty when there is none: the check then says the folder has no data file, or uses the snapshot's copy of a published quarter's.
 */
async function quarterExports(form: Record<string, unknown>, folder: string, getAsset: PreviewProps['getAsset'], model: Model): Promise<NonNullable<QuarterEdit['dataFile']>[]> {
  // By the repository path: a name relative to the entry only resolves once a new quarter has been saved.
  const inFolder = (name: string) => `${QUARTERS_FOLDER}/${folder}/${name.split('/').at(-1)}`;
  const found = new Map<string, NonNullable<QuarterEdit['dataFile']>>();
  const chosen = typeof form[UPLOAD_FIELD] === 'string' ? (form[UPLOAD_FIELD] as string) : '';
  if (/^blob:/.test(chosen)) {
    const upload = await blobBytes(chosen).catch(() => undefined);
    // Its name as it will be saved; from its bytes only when the file was chosen before the preview was first opened.
    const known = blobNames.get(chosen);
    const name = upload && (known ? model.dataFileName(known).toLowerCase() : model.uploadedName(upload.bytes, upload.type));
    if (upload && name) found.set(name, { name, bytes: upload.bytes });
  } else if (chosen) {
    for (const name of [chosen, inFolder(chosen)]) {
      const bytes = await assetBytes(getAsset(name)).catch(() => undefined);
      if (bytes) {
        found.set(model.dataFileName(name).toLowerCase(), { name, bytes });
        break;
      }
    }
  }
  for (const name of model.DATA_NAMES) {
    if (found.has(name)) continue;
    const bytes = await assetBytes(getAsset(inFolder(name))).catch(() => undefined);
    if (bytes) found.set(name, { name: inFolder(name), bytes });
  }
  return [...found.values()];
}

let check: Promise<{ model: typeof import('./preview-model.ts'); snapshot: ContentSnapshot }> | undefined;
function loadCheck() {
  check ??= Promise.all([import('./preview-model.ts'), fetch(SNAPSHOT_FILE).then((response) => response.json() as Promise<ContentSnapshot>)]).then(([model, snapshot]) => ({ model, snapshot }));
  return check;
}

const latest = new WeakMap<HTMLElement, number>();
let runs = 0;

/** Checks what the form holds and draws it; a newer keystroke's check replaces an older one's. */
export async function updatePreview(root: HTMLElement, props: PreviewProps): Promise<void> {
  const run = ++runs;
  latest.set(root, run);
  const data = props.entry.get('data') as ImmutableMap | undefined;
  const form = data?.toJS() ?? {};
  const folder = folderOf(props.entry, form);
  if (!folder) {
    drawPreview(root, { message: 'Write the Period (such as "Q2 2024/25") and the check will run on this quarter.' });
    return;
  }
  if (!root.firstChild) drawPreview(root, { message: 'Loading the check…' });
  try {
    const { model, snapshot } = await loadCheck();
    const [dataFile, ...alsoInFolder] = await quarterExports(form, folder, props.getAsset, model);
    const edit: QuarterEdit = { folder, commentary: model.commentaryText(form), ...(dataFile ? { dataFile } : {}), ...(alsoInFolder.length ? { alsoInFolder } : {}) };
    const view = await model.previewQuarter(model.filesOf(snapshot), edit, clockAt(new Date(), 'clock'));
    if (latest.get(root) === run) drawPreview(root, view);
  } catch (error) {
    console.error(error);
    if (latest.get(root) === run) drawPreview(root, { message: 'The check could not run in this browser. The check still runs on the proposed change before it is published.' });
  }
}
