/**
 * The figures of one indicator as a quarter's data file reported them, after
 * validation: the shape the model and every page read. Plain types, no schema:
 * the validation stage (src/ingest) made them, so nothing checks them again.
 */
import type { Figure, Target } from './cells.ts';
import type { Period } from './periods.ts';
import type { Quartile, Rag } from './vocabulary.ts';

export type { Figure, Period, Target };

/** A published figure for a period; null when the report gave no figure for it. */
export interface Observation {
  period: Period;
  /** In the indicator's unit (47.3 for 47.3%), with the decimals it was published with. */
  figure: Figure | null;
}

/** One indicator as a quarter's data file reports it, checked against the catalogue. */
export interface QuarterIndicator {
  /** Catalogue id. */
  id: string;
  /** Line (or workbook row) of the data file the row came from, for tracing a figure back. */
  line: number;
  /** The name as this file spells it. */
  publishedName: string;
  latest: Observation;
  previous: Observation | null;
  /** Target as published (">97.2%") with how to compare against it. */
  target: Target | null;
  rag: Rag | null;
  /** National quartile, 1 = top. */
  quartile: Quartile | null;
  statisticalNeighbourAverage: Figure | null;
  englandAverage: Figure | null;
  /** The export's own Trend word, as written ("Decline"); null when blank. Published beside the site's direction. */
  councilTrend?: string | null;
}

/** Where a quarter stands: on the public site, or still a draft (no commentary, or commentary marked draft). */
export type Publication = 'published' | 'draft';
