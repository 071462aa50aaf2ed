import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { catalogueLoader, quartersLoader } from './loaders/content-files';
import { commentarySchema } from './schemas/commentary';
import { indicatorSchema } from './schemas/indicator';
import { quarterSchema } from './schemas/quarter';
import { SITE } from './site.config';

// The indicator catalogue: content/indicators.csv, one entry per indicator.
const indicators = defineCollection({ loader: catalogueLoader(SITE.contentDir), schema: indicatorSchema });

// Reporting quarters: content/quarters/<yyyy-yy>-q<n>/data.csv or data.tsv, validated against the catalogue (and the commentary's figures against the data).
const quarters = defineCollection({ loader: quartersLoader(SITE.contentDir), schema: quarterSchema });

// Commentary written by communications staff: content/quarters/<yyyy-yy>-q<n>/commentary.mdx, keyed by the quarter folder.
const commentary = defineCollection({
  loader: glob({ pattern: '*/commentary.mdx', base: `${SITE.contentDir}/quarters`, generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: commentarySchema,
});

export const collections = { indicators, quarters, commentary };
