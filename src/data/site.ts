/**
 * The site's data for pages: the collections read once per build and turned
 * into the model, so no page scans a collection of its own.
 */
import { getCollection } from 'astro:content';
import { buildModel, type SiteModel } from '../lib/model';

let model: Promise<SiteModel> | undefined;

export function getSiteModel(): Promise<SiteModel> {
  model ??= (async () => {
    const [indicators, quarters, commentary] = await Promise.all([getCollection('indicators'), getCollection('quarters'), getCollection('commentary')]);
    return buildModel(
      indicators.map((entry) => entry.data),
      quarters.map(({ id, data }) => ({ id, data })),
      {
        commentary: new Map(commentary.map((entry) => [entry.id, { ...entry.data, file: entry.filePath ?? `quarters/${entry.id}/commentary.mdx` }])),
        // Drafts are previewed with `npm run dev` and never published by `npm run build`.
        includeDrafts: import.meta.env.DEV,
      },
    );
  })();
  return model;
}
