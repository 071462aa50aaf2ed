/**
 * Site-wide settings and where the content lives. The settings (content/site.yaml:
 * who publishes the site, its areas and wording) come from the same validated
 * read of the content folder as everything else (src/loaders/site-model.ts).
 */
import { buildClock, contentOptions, siteData, type SiteData } from './loaders/site-model.ts';

const dev = Boolean(import.meta.env?.DEV);

/** The validated content: settings, model and releases. Drafts are part of the dev server and the drafts preview only. */
export function getSiteData(): Promise<SiteData> {
  return siteData(contentOptions(dev), dev);
}

export const SITE = {
  ...(await getSiteData()).settings,
  contentDir: contentOptions(dev).contentDir,
  /** `npm run preview:drafts`: build draft quarters too, marked, into a folder that is never deployed. */
  previewDrafts: process.env.PREVIEW_DRAFTS === '1',
  /** The build's one reading of the clock (BUILD_TIME fixes it): which published quarters' time has come. */
  clock: buildClock(),
};

/** The site model: every quarter the build includes, its cards and series. */
export async function getSiteModel() {
  return (await getSiteData()).model;
}

/** The announced releases, from the same validated read of the content folder (no second parse). */
export async function getReleases() {
  return (await getSiteData()).releases;
}
