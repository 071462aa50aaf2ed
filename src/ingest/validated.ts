/**
 * What the validation stage returns for a quarter: everything the site
 * publishes about it, already checked. The site model is built from this
 * directly (src/loaders/site-model.ts); no second schema reads it again.
 */
import type { Block, Inline } from '../core/commentary-tree.ts';
import type { Period } from '../core/periods.ts';
import type { Publication, QuarterIndicator } from '../core/records.ts';
import type { Commentary } from '../schemas/commentary.ts';

/** A commentary as the check read it: its settings, the body's tree and the summary's, from the one parse of the file. */
export interface ValidatedCommentary extends Commentary {
  /** Where it is, as the editor sees the path. */
  file: string;
  /** What the page renders: the checked tree, never the file again. */
  body: Block[];
  /** The summary as read by the same parser and rules as the body. */
  summaryTree: Inline[];
}

/** A reporting quarter: one folder in content/quarters, validated as a whole (data, commentary, corrections). */
export interface Quarter {
  /** The folder's name, such as "2024-25-q1". */
  id: string;
  /** "Q1 2024/25". */
  label: string;
  /** URL segments: "2024-25" and "q1". */
  year: string;
  quarter: string;
  /** "April to June 2024". */
  months: string;
  /** The reporting quarter as a period. */
  period: Period;
  /** Data file path relative to the project. */
  file: string;
  publication: Publication;
  /** For a published quarter whose time has not come (so a draft until then): when it goes public, in words. */
  scheduledFor?: string;
  indicators: QuarterIndicator[];
  commentary: ValidatedCommentary | null;
}
