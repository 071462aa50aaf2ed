import { defineCollection } from 'astro:content';
import { catalogueLoader, quartersLoader } from './loaders/content-files';
import { indicatorSchema } from './schemas/indicator';
import { quarterSchema } from './schemas/quarter';
import { SITE } from './site.config';

// The indicator catalogue: content/indicators.csv, one entry per indicator.
const indicators = defineCollection({ loader: catalogueLoader(SITE.contentDir), schema: indicatorSchema });

// Reporting quarters: content/quarters/<yyyy-yy>-q<n>/data.csv or data.tsv, validated against the catalogue.
const quarters = defineCollection({ loader: quartersLoader(SITE.contentDir), schema: quarterSchema });

export const collections = { indicators, quarters };
