/** Shapes the page-data modules share, so one component renders each wherever it appears. */

/** A link as page data gives it: a site path (the page puts it under the base) or a fragment on the same page. */
export interface Link {
  path: string;
  text: string;
}

/** One correction as every corrections list shows it: when, which report or card, which figure, from what to what, why. */
export interface CorrectionItem {
  date: string;
  dateText: string;
  link: Link;
  figure: 'latest' | 'previous';
  oldValue: string;
  newValue: string;
  reason: string;
}
