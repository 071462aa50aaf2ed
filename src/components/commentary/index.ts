import Average from './Average.astro';
import Change from './Change.astro';
import Chart from './Chart.astro';
import Count from './Count.astro';
import Direction from './Direction.astro';
import Indicator from './Indicator.astro';
import Period from './Period.astro';
import Quartile from './Quartile.astro';
import QuarterSummary from './QuarterSummary.astro';
import Rag from './Rag.astro';
import Target from './Target.astro';
import Value from './Value.astro';

/** Components every commentary.mdx can use without an import line: one for each entry of src/ingest/figure-components.ts. */
export const commentaryComponents = { Value, Period, Change, Direction, Target, Rag, Quartile, Average, Count, Indicator, Chart, QuarterSummary };
