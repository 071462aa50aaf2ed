/**
 * Problems as the review systems councils use show them beside the line:
 * GitHub Actions workflow commands (`::error file=…,line=…::`) and Azure
 * Pipelines logging commands (`##vso[task.logissue …]`). `npm run check`
 * prints them as well as its own text when GITHUB_ACTIONS or TF_BUILD is set.
 */
import { formatProblem, type Problem } from './problems.ts';

export type AnnotationSystem = 'github' | 'azure';

/** Which system the check runs in, from the variables each sets on its runners. */
export function annotationSystem(env: Record<string, string | undefined>): AnnotationSystem | null {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.TF_BUILD?.toLowerCase() === 'true') return 'azure';
  return null;
}

/** The problem's words without its position heading: what the annotation's message says. */
const message = (problem: Problem) => formatProblem(problem).split('\n').slice(1).map((line) => line.trim()).join('\n');

// GitHub: in the message %, CR and LF are escaped; in a property also : and , (toolkit's command.ts).
const githubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const githubProperty = (text: string) => githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
// Azure: %, CR, LF, ; and ] are escaped in property values and the message (azure-pipelines-task-lib).
const azureEscape = (text: string) => text.replace(/%/g, '%AZP25').replace(/;/g, '%3B').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/]/g, '%5D');

/** One problem as a line the system turns into an annotation at its file and line. */
export function annotation(problem: Problem, system: AnnotationSystem, severity: 'error' | 'warning' = 'error'): string {
  if (system === 'github') {
    const properties = [`file=${githubProperty(problem.file)}`, problem.line !== undefined ? `line=${problem.line}` : null, problem.column !== undefined && /\.mdx?$/i.test(problem.file) ? `col=${problem.column}` : null, `title=${githubProperty('Content problem')}`]
      .filter(Boolean)
      .join(',');
    return `::${severity} ${properties}::${githubData(message(problem))}`;
  }
  const properties = [`type=${severity}`, `sourcepath=${azureEscape(problem.file)}`, problem.line !== undefined ? `linenumber=${problem.line}` : null, problem.column !== undefined && /\.mdx?$/i.test(problem.file) ? `columnnumber=${problem.column}` : null]
    .filter(Boolean)
    .join(';');
  return `##vso[task.logissue ${properties}]${azureEscape(message(problem))}`;
}
