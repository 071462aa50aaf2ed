/**
 * The site's data for pages: the collections read once per build and turned
 * into the model, so no page scans a collection of its own.
 */
import { getCollection } from 'astro:content';
import { buildModel, type SiteModel } from '../lib/model';

let model: Promise<SiteModel> | undefined;

export function getSiteModel(): Promise<SiteModel> {
  model ??= (async () => {
    const [indicators, quarters] = await Promise.all([getCollection('indicators'), getCollection('quarters')]);
    return buildModel(
      indicators.map((entry) => entry.data),
      quarters.map(({ id, data }) => ({ id, data })),
    );
  })();
  return model;
}
