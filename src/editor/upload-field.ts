/**
 * The one editor field that is not a commentary field: the dashboard export,
 * uploaded into the quarter's folder. admin.ts removes it from the frontmatter
 * before saving (the commentary schema refuses unknown fields); the file stays.
 */
export const UPLOAD_FIELD = 'dashboardExport';

/** Where the quarter folders are in the repository: the editor's collection folder, and where the preview finds a quarter's export. */
export const QUARTERS_FOLDER = 'content/quarters';
