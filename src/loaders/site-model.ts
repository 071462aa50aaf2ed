/**
 * The site's data for pages: the collections read once per build and turned
 * into the model, so no page scans a collection of its own. Under `astro dev`
 * the content is checked again on every request, so an edit that breaks a file
 * shows its problems in the browser instead of the last good figures.
 */
import { getCollection } from 'astro:content';
import { buildModel, type SiteModel } from '../model/model';
import type { Release } from '../ingest/releases';
import { contentError, contentReport, problemsFor } from './content-files';
import { SITE } from '../site.config';

let model: Promise<SiteModel> | undefined;

export async function getSiteModel(): Promise<SiteModel> {
  if (import.meta.env.DEV) {
    const problems = await problemsFor({ contentDir: SITE.contentDir, includeDrafts: true });
    if (problems.length) throw contentError(problems, 'preview');
    // The collections change under the dev server: build the model afresh each time.
    model = undefined;
  }
  model ??= (async () => {
    const [indicators, quarters] = await Promise.all([getCollection('indicators'), getCollection('quarters')]);
    return buildModel(
      indicators.map((entry) => entry.data),
      quarters.map(({ id, data }) => ({ id, data })),
      SITE.areas,
    );
  })();
  return model;
}

/** The announced releases, from the same validated read of the content folder the loaders used (no second parse). */
export async function getReleases(): Promise<Release[]> {
  return (await contentReport(SITE.contentDir)).releases;
}
