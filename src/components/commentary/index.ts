import Change from './Change.astro';
import Chart from './Chart.astro';
import Indicator from './Indicator.astro';
import QuarterSummary from './QuarterSummary.astro';
import Value from './Value.astro';

/** Components every commentary.mdx can use without an import line. */
export const commentaryComponents = { Value, Change, Indicator, Chart, QuarterSummary };
