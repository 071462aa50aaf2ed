import { defineCollection } from 'astro:content';
import { catalogueLoader, commentaryLoader, quartersLoader, type ContentOptions } from './loaders/content-files';
import { indicatorEntrySchema } from './schemas/indicator';
import { quarterSchema } from './schemas/quarter';
import { SITE } from './site.config';

// Drafts are part of the dev server and of `npm run preview:drafts`, never of the public build.
const dev = import.meta.env.DEV;
const options: ContentOptions = { contentDir: SITE.contentDir, includeDrafts: dev || SITE.previewDrafts };

// The indicator catalogue: content/indicators.csv, one entry per indicator (validated: the stored entries are the checked ones).
const indicators = defineCollection({ loader: catalogueLoader(options, dev), schema: indicatorEntrySchema });

// Reporting quarters: each folder of content/quarters validated as a whole (data file, commentary frontmatter, corrections, revisions).
const quarters = defineCollection({ loader: quartersLoader(options, dev), schema: quarterSchema });

// Commentary bodies (content/quarters/<quarter>/commentary.mdx) of the quarters this build includes, rendered by Astro's MDX.
const commentary = defineCollection({ loader: commentaryLoader(options, dev) });

export const collections = { indicators, quarters, commentary };
