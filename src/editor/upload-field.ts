/**
 * The one editor field that is not a commentary field: the dashboard export,
 * uploaded into the quarter's folder. admin.ts removes it from the frontmatter
 * before saving (the commentary schema refuses unknown fields); the file stays.
 *
 * The CMS saves an upload under the name it had on the officer's computer
 * ("CFS KPI dashboard Q2.xlsx"), and the check reads only data.xlsx, data.csv
 * or data.tsv: a file under another name would be left beside the commentary
 * unread, and an older data file in the folder published instead. So a file
 * chosen for this field is renamed as it is chosen (nameUploadsAsDataFiles),
 * and a save that would still write another name is refused (uploadProblem).
 */
import { refuseSave } from './save-refusals.ts';

export const UPLOAD_FIELD = 'dashboardExport';

/** Where the quarter folders are in the repository: the editor's collection folder, and where the preview finds a quarter's export. */
export const QUARTERS_FOLDER = 'content/quarters';

/** The data file's types: data.<extension> are the names the check reads (DATA_NAMES in src/ingest/validate.ts; test/editor-upload.test.ts keeps the two the same). */
export const UPLOAD_EXTENSIONS = ['xlsx', 'csv', 'tsv'] as const;

/** The field's `accept`: what the file chooser offers, and how the chooser of this field is told from any other. */
export const UPLOAD_ACCEPT = UPLOAD_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** The name an export is saved under: data.xlsx for "CFS KPI dashboard Q2.XLSX"; undefined for a type the field does not take. */
export function dataNameFor(fileName: string): string | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return UPLOAD_EXTENSIONS.some((known) => known === extension) ? `data.${extension}` : undefined;
}

/**
 * Why the field's value, as the CMS is about to save the entry, does not put
 * this quarter's data file in its folder; undefined when it does, or when no
 * file was chosen. The CMS has already replaced an upload's temporary blob:
 * address with the name it will write (with public_folder '' that is the bare
 * file name, such as data.xlsx or, when the folder has one and the officer
 * kept both, data-1.xlsx).
 */
export function uploadProblem(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  const again = 'Under Dashboard export, press Replace and upload the export again, then save.';
  if (text.startsWith('blob:')) return `The dashboard export is no longer in the editor, so it would not be saved. ${again}`;
  if (text.includes('/')) return `The dashboard export chosen, ${text}, is in another folder and would not be copied into this quarter's. ${again}`;
  // Without regard to case, as the check reads the folder (src/ingest/read-content.ts).
  if (dataNameFor(text) === text.toLowerCase()) return undefined;
  const names = UPLOAD_EXTENSIONS.map((extension) => `data.${extension}`);
  return (
    `The dashboard export would be saved as "${text}", but the site reads only ${names.slice(0, -1).join(', ')} or ${names.at(-1)}. ` +
    `Under Dashboard export, press Rename (the pencil) beside the name and name it ${dataNameFor(text) ?? names[0]}, or press Replace and upload it again (the editor names it for you); ` +
    'if the folder already has a data file, replace it when the editor asks. Then save.'
  );
}

/** Refuses the save (from the preSave listener, before anything is written) when uploadProblem finds one. */
export function refuseMisnamedUpload(value: unknown): void {
  refuseSave(uploadProblem(value));
}

/**
 * Renames each file chosen for the Dashboard export field to the data file's
 * name as it is chosen, before the CMS reads it: "CFS KPI dashboard Q2.xlsx"
 * becomes data.xlsx, so the field shows, and the CMS saves, the name the check
 * reads. The field's choosers (its own, and the Upload button of its Select File
 * dialog) are the file inputs whose accept is UPLOAD_ACCEPT; the listener runs
 * in the capture phase, before the CMS's own. A file dropped or pasted onto the
 * field keeps its name; uploadProblem refuses to save it under that name.
 */
export function nameUploadsAsDataFiles(target: Window): void {
  target.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || input.accept !== UPLOAD_ACCEPT || !input.files?.length) return;
      const chosen = [...input.files];
      if (chosen.every((file) => (dataNameFor(file.name) ?? file.name) === file.name)) return;
      const renamed = new DataTransfer();
      for (const file of chosen) {
        const name = dataNameFor(file.name) ?? file.name;
        renamed.items.add(name === file.name ? file : new File([file], name, { type: file.type, lastModified: file.lastModified }));
      }
      input.files = renamed.files;
    },
    { capture: true },
  );
}
