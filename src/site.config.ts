/**
 * Site-wide settings: content/site.yaml (who publishes the site, its areas and
 * wording; see src/schemas/site.ts) and where the content lives.
 */
import { loadSiteSettings } from './ingest/site-settings.ts';

/** The content folder; CONTENT_DIR points the build at another one (another council, benchmarks, tests). */
const contentDir = process.env.CONTENT_DIR || 'content';

export const SITE = {
  ...loadSiteSettings(contentDir),
  contentDir,
  /** `npm run preview:drafts`: build draft quarters too, marked, into a folder that is never deployed. */
  previewDrafts: process.env.PREVIEW_DRAFTS === '1',
};
