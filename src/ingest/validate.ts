/**
 * The one validation stage. Given the content folder's files (read by
 * read-content.ts), it checks everything the site publishes from them: the
 * catalogue, each quarter's data file against the catalogue and its folder's
 * quarter, the commentary's frontmatter, body and figure references,
 * corrections, revisions between quarters, and the publication gate. It
 * returns the validated quarters and every problem, and never throws for a
 * content reason. `npm run check`, the content loaders and the tests all call
 * this, so they cannot disagree.
 */
import { readCommentaryBody, readSummary, type FigureReference, type SiteLink } from './commentary-body.ts';
import { siteFiles, sitePages } from '../core/routes.ts';
import { MAX_COMMENTARY_BYTES, splitCommentary, type CommentaryParts } from './commentary-file.ts';
import type { Block, Inline } from '../core/commentary-tree.ts';
import type { Commentary } from '../schemas/commentary.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Quarter } from './validated.ts';
import type { QuarterIndicator } from '../core/records.ts';
import { IndicatorMatcher, parseCatalogue } from './catalogue.ts';
import { readNumber } from '../core/cells.ts';
import { checkReleaseCalendar, type Release } from './releases.ts';
import { parseSiteSettings } from './site-settings.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { readFrontmatter, yamlComments } from './yaml-file.ts';
import { findPlaceholders, isTemplateReason, TEMPLATE_REASON } from './placeholders.ts';
import { decodeText, readTable, type TableResult } from './delimited.ts';
import { formatFigure, type Figure } from '../core/format.ts';
import { parsePeriod, parseQuarterId, periodKey, type ReportingQuarter } from '../core/periods.ts';
import { closestNames } from '../core/names.ts';
import type { Problem } from '../core/problems.ts';
import { parseQuarterTable } from './quarter-file.ts';
import { checkSummaryText } from './summary-text.ts';
import { checkCommentarySentences, checkFigureSentences, figureFacts, piecesFromInlines } from './figure-sentences.ts';
import { periodYears } from './typed-figures.ts';
import { checkCalendarAgainstQuarters, checkPublicationDates, checkSettingsDates, scheduledReleases } from './publication.ts';
import type { BuildClock } from '../core/release-time.ts';

/** A file as read from disk: its path as the editor sees it and its bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** One folder of content/quarters. */
export interface QuarterFolder {
  /** The folder's name, such as "2024-25-q1". */
  name: string;
  /** Its path as the editor sees it. */
  path: string;
  /** Files named data.csv, data.tsv or data.xlsx (there should be exactly one). */
  dataFiles: SourceFile[];
  commentary: SourceFile | null;
  /** What stopped the folder being read (a symbolic link in place of the folder or a file): the quarter cannot be checked, so it stops the build. */
  problems?: Problem[];
}

export interface ContentFiles {
  /** content/releases.csv, the optional release calendar. */
  releases: SourceFile | null;
  /** content/site.yaml. */
  settings: SourceFile | null;
  settingsPath: string;
  catalogue: SourceFile | null;
  /** Where the catalogue should be, for the message when it is missing. */
  cataloguePath: string;
  quarters: QuarterFolder[];
  /** What stopped site.yaml, the catalogue, the release calendar or the quarters folder being read (a symbolic link): nothing is checked or published. */
  problems?: Problem[];
}

/** Everything the check found about one quarter folder. */
export interface QuarterReport {
  id: string;
  path: string;
  /**
   * published only when its commentary says `status: published` and its publication time has arrived on the
   * build's clock; scheduled when it says published but the time is still to come (off the public site until
   * then, but its problems stop the check); anything else is a draft and is never on the public site.
   */
  publication: 'published' | 'scheduled' | 'draft';
  /** The validated quarter, or null when it has problems. */
  quarter: Quarter | null;
  problems: Problem[];
  warnings: Problem[];
  /** Plain statements for the check's summary, such as why a quarter is a draft. */
  notes: string[];
  /** Figure references in the commentary body, for the figure reference page. */
  references: FigureReference[];
  /** Links in the commentary to pages of this site, checked once every quarter is known. */
  siteLinks: SiteLink[];
  /** The file line of a commentary frontmatter field, for problems found across quarters. */
  commentaryLine: (path: (string | number)[]) => number | undefined;
  /** The commentary's frontmatter as read, for checks across files (the release calendar) and the publication time. */
  commentaryRead?: { data: Commentary; file: string; lineOf: (path: (string | number)[]) => number | undefined; releaseAt: string | null; scheduledFor: string | null };
}

export interface ContentReport {
  /** content/site.yaml, validated; null when it has problems (they are in catalogueProblems). */
  settings: SiteSettings | null;
  /** site.yaml's areas, in reading order (empty when site.yaml has problems). */
  areas: string[];
  catalogue: Indicator[];
  /** Problems of site.yaml and the catalogue: with any, no quarter can be checked. */
  catalogueProblems: Problem[];
  /** Oldest quarter first. */
  quarters: QuarterReport[];
  /** Announced releases (content/releases.csv; none when the file is absent). */
  releases: Release[];
  releaseProblems: Problem[];
}

/** Text placed in templates for the officer to replace; a quarter still carrying it cannot be published. */
export { PLACEHOLDER } from './placeholders.ts';

const DATA_NAMES = ['data.csv', 'data.tsv', 'data.xlsx'];
export { DATA_NAMES };

/** What validation needs from outside the files: the build's one reading of the clock (src/core/release-time.ts). */
export interface ValidationContext {
  clock: BuildClock;
}

export async function validateContent(files: ContentFiles, context: ValidationContext): Promise<ContentReport> {
  const settings = files.settings
    ? parseSiteSettings(files.settings.bytes, files.settings.file)
    : { settings: null, problems: [{ file: files.settingsPath, expected: 'the site settings file, site.yaml, in the content folder' }], lineOf: () => undefined };
  if (settings.settings) settings.problems.push(...checkSettingsDates(settings.settings.accessibility, files.settings!.file, settings.lineOf, context.clock));
  if (settings.problems.length) settings.settings = null;
  const calendar = checkReleaseCalendar(files.releases);
  const releases = { releases: calendar.releases, releaseProblems: calendar.problems };
  if (files.problems?.length) return { settings: null, areas: [], catalogue: [], catalogueProblems: files.problems, quarters: [], ...releases };
  if (!settings.settings) return { settings: null, areas: [], catalogue: [], catalogueProblems: settings.problems, quarters: [], ...releases };
  const areas = settings.settings.areas;
  const catalogueResult = files.catalogue
    ? readCatalogueFile(files.catalogue, settings.settings.areas)
    : { indicators: [], problems: [{ file: files.cataloguePath, expected: 'the indicator catalogue, indicators.csv, in the content folder' }] };
  if (catalogueResult.problems.length) return { settings: settings.settings, areas, catalogue: [], catalogueProblems: catalogueResult.problems, quarters: [], ...releases };
  const catalogue = catalogueResult.indicators;
  const matcher = new IndicatorMatcher(catalogue);
  const reports: QuarterReport[] = [];
  for (const folder of [...files.quarters].sort((a, b) => a.name.localeCompare(b.name))) {
    reports.push(await validateQuarterFolder(folder, catalogue, matcher, { ...context, fromPastPapers: settings.settings.fromPastPapers }));
  }
  releases.releaseProblems.push(...checkCalendarAgainstQuarters(releases.releases, reports.map((report) => ({ id: report.id, commentary: report.commentaryRead ?? null })), files.releases?.file ?? 'releases.csv'));
  releases.releases = scheduledReleases(releases.releases, reports);
  checkRevisions(reports, new Map(catalogue.map((indicator) => [indicator.id, indicator])));
  checkSiteLinks(reports, catalogue);
  for (const report of reports) if (report.problems.length) report.quarter = null;
  return { settings: settings.settings, areas, catalogue, catalogueProblems: [], quarters: reports, ...releases };
}

function readCatalogueFile(source: SourceFile, areas: readonly string[]): { indicators: Indicator[]; problems: Problem[] } {
  const decoded = decodeText(source.bytes, source.file);
  if (!decoded.ok) return { indicators: [], problems: [decoded.problem] };
  const { entries, problems } = parseCatalogue(decoded.text, source.file, areas);
  return { indicators: entries.map((entry) => entry.indicator), problems };
}

async function readDataFile(source: SourceFile): Promise<TableResult> {
  if (source.file.toLowerCase().endsWith('.xlsx')) {
    // Loaded only when a quarter has a workbook: most checks never need the spreadsheet library.
    const { readWorkbook } = await import('./workbook.ts');
    return readWorkbook(source.bytes, source.file);
  }
  const decoded = decodeText(source.bytes, source.file);
  return decoded.ok ? readTable(decoded.text, source.file) : { ok: false, problems: [decoded.problem] };
}

/** Validates one quarter folder completely: data file, commentary, corrections, the publication gate. */
export async function validateQuarterFolder(
  folder: QuarterFolder,
  catalogue: readonly Indicator[],
  matcher: IndicatorMatcher,
  context: ValidationContext & { fromPastPapers: readonly string[] },
): Promise<QuarterReport> {
  const report: QuarterReport = { id: folder.name, path: folder.path, publication: 'draft', quarter: null, problems: [], warnings: [], notes: [], references: [], siteLinks: [], commentaryLine: () => undefined };
  if (folder.problems?.length) {
    // A folder that cannot be read might be a published quarter: it stops the build, never quietly drops a page.
    report.publication = 'published';
    report.problems.push(...folder.problems);
    return report;
  }
  const reporting = parseQuarterId(folder.name);
  report.problems.push(...folderProblems(folder, reporting));
  // The commentary decides whether the quarter is published; read it first.
  const commentary = folder.commentary ? readCommentary(folder.commentary, reporting) : null;
  applyCommentary(report, commentary, folder.commentary?.file ?? null);
  // When a published quarter goes public, and whether its dates can be right (src/ingest/publication.ts).
  if (commentary?.data && reporting && folder.commentary) applyPublicationTime(report, commentary.data, { file: folder.commentary.file, lineOf: commentary.lineOf }, reporting, context);

  if (!reporting || folder.dataFiles.length !== 1) return report;
  const dataFile = folder.dataFiles[0]!;
  const table = await readDataFile(dataFile);
  const parsed = table.ok ? parseQuarterTable(table.table, dataFile.file, matcher, reporting) : null;
  if (!table.ok) report.problems.push(...table.problems);
  if (parsed) {
    report.problems.push(...parsed.problems);
    report.warnings.push(...parsed.warnings);
  }
  if (!parsed || parsed.problems.length) {
    // When the data cannot be read, the commentary's own structure is still checked, so one run lists everything.
    if (commentary?.parts && folder.commentary) {
      const ids = catalogue.map((indicator) => indicator.id);
      report.problems.push(...readCommentaryBody(commentary.parts.body, folder.commentary.file, { catalogueIds: ids, quarterIds: ids, quarterLabel: reporting.label }).problems);
    }
    return report;
  }

  const indicators = parsed.indicators;
  const parts = commentary?.parts;
  const read = commentary && parts && folder.commentary ? readAgainstData(report, { ...commentary, parts }, folder.commentary.file, reporting, catalogue, indicators) : null;
  const { label, year, quarter, months, period } = reporting;
  report.quarter = {
    id: folder.name,
    label,
    year,
    quarter,
    months,
    period,
    file: dataFile.file,
    // A scheduled quarter is a draft until its time: previews show it, the public build does not.
    publication: report.publication === 'published' ? 'published' : 'draft',
    ...(report.publication === 'scheduled' && report.commentaryRead?.scheduledFor ? { scheduledFor: report.commentaryRead.scheduledFor } : {}),
    indicators,
    commentary: commentary?.data && read ? { ...commentary.data, file: folder.commentary!.file, body: read.body, summaryTree: read.summary } : null,
  };
  return report;
}

/** The folder's name and its one data file. */
function folderProblems(folder: QuarterFolder, reporting: ReportingQuarter | null): Problem[] {
  const problems: Problem[] = [];
  if (!reporting) {
    problems.push({ file: folder.path, found: folder.name, expected: 'a folder named like 2024-25-q1 (financial year, then the quarter q1 to q4)', hint: 'Rename the folder.' });
  }
  if (folder.dataFiles.length !== 1) {
    problems.push({
      file: folder.path,
      found: folder.dataFiles.length ? folder.dataFiles.map((data) => data.file.split('/').at(-1)).join(' and ') : 'no data file',
      expected: `exactly one data file, named ${DATA_NAMES.join(', ').replace(/, ([^,]*)$/, ' or $1')}`,
      hint: folder.dataFiles.length ? 'Delete the ones that are not this quarter’s export.' : 'Put this quarter’s dashboard export in the folder.',
    });
  }
  return problems;
}

/** What the commentary decides: published or draft, its own problems, and for a draft what publishing will still need. */
/**
 * A published quarter whose publication time has not come on the build's clock is scheduled (off the public site
 * until then, its problems still stopping the check); impossible dates are problems at their lines.
 */
function applyPublicationTime(
  report: QuarterReport,
  data: Commentary,
  at: { file: string; lineOf: (path: (string | number)[]) => number | undefined },
  reporting: ReportingQuarter,
  context: ValidationContext & { fromPastPapers: readonly string[] },
): void {
  const dates = checkPublicationDates(data, reporting, at, context.clock, context.fromPastPapers, report.publication === 'published');
  report.problems.push(...dates.problems);
  report.notes.push(...dates.notes);
  if (dates.scheduled) report.publication = 'scheduled';
  report.commentaryRead = { data, file: at.file, lineOf: at.lineOf, releaseAt: dates.releaseAt, scheduledFor: dates.scheduledFor };
}

function applyCommentary(report: QuarterReport, commentary: CommentaryRead | null, file: string | null): void {
  if (!commentary || file === null) {
    report.notes.push('Not published: the folder has no commentary.mdx. Add one with status: published to publish it.');
    return;
  }
  // Published unless the commentary says draft outright: a frontmatter too broken to read its status must stop the
  // build, never quietly drop a published page.
  if (commentary.status !== 'draft') report.publication = 'published';
  else report.notes.push('Draft: set status: published in commentary.mdx to publish it.');
  report.problems.push(...commentary.problems);
  report.commentaryLine = commentary.lineOf;
  if (!commentary.data) return;
  const gate = publicationGate(commentary.data, commentary.text, file, commentary.lineOf, commentary.parts?.bodyLine ?? 1, noteLinesOf(commentary));
  if (report.publication === 'published') report.problems.push(...gate);
  // A draft is told what publishing will need, without it being a problem yet.
  else for (const need of gate) report.notes.push(`Before publishing: ${need.file}${need.line ? `:${need.line}` : ''} needs ${need.expected}.`);
}

/**
 * The commentary read against the quarter's figures: the body's tree (its tags
 * must name indicators the data reports; the words around them must agree with
 * the figures), corrections, headlines and the summary, read by the same rules.
 */
function readAgainstData(
  report: QuarterReport,
  commentary: CommentaryRead & { parts: CommentaryParts },
  file: string,
  reporting: ReportingQuarter,
  catalogue: readonly Indicator[],
  indicators: readonly QuarterIndicator[],
): { body: Block[]; summary: Inline[] } {
  const facts = new Map(indicators.map((record) => [record.id, figureFacts(catalogue.find((indicator) => indicator.id === record.id)!, record)]));
  const figureFactsOf = (id: string) => facts.get(id);
  const context = { catalogueIds: catalogue.map((indicator) => indicator.id), quarterIds: indicators.map((indicator) => indicator.id), quarterLabel: reporting.label };
  const read = readCommentaryBody(commentary.parts.body, file, context);
  report.problems.push(...read.problems);
  report.references = read.references;
  report.siteLinks = read.siteLinks;
  // The words around figure tags, read against the figures (./figure-sentences.ts); headings are not read.
  report.problems.push(...checkCommentarySentences(read.blocks, figureFactsOf).map((finding) => ({ file, ...finding })));
  const data = commentary.data;
  if (!data) return { body: read.blocks, summary: [] };
  report.problems.push(...checkCorrections(data, indicators, new Map(catalogue.map((indicator) => [indicator.id, indicator])), file, commentary.lineOf));
  report.problems.push(...headlineProblems(data.headlines, indicators, file, commentary.lineOf));
  const summaryLine = commentary.lineOf(['summary']);
  const summaryRead = readSummary(data.summary, file, summaryLine, { ...context, quarterLabel: 'this quarter', catalogueIds: context.quarterIds });
  const years = periodYears([reporting.period, ...indicators.flatMap((indicator) => [indicator.latest.period, ...(indicator.previous ? [indicator.previous.period] : [])])]);
  report.problems.push(...summaryRead.problems, ...checkSummaryText(summaryRead.inlines, file, summaryLine, years));
  // Every typed figure in the summary is refused above, so only the words around its tags are read here.
  for (const finding of checkFigureSentences(piecesFromInlines(summaryRead.inlines), figureFactsOf, { typedPercentages: false })) {
    report.problems.push({ file, line: summaryLine, found: finding.found, expected: `in the summary, ${finding.expected}`, hint: finding.hint });
  }
  return { body: read.blocks, summary: summaryRead.inlines };
}

/** Each headline names an indicator the quarter reports, once. */
function headlineProblems(headlines: readonly string[], indicators: readonly QuarterIndicator[], file: string, lineOf: CommentaryRead['lineOf']): Problem[] {
  const problems: Problem[] = [];
  headlines.forEach((id, index) => {
    const at = { file, line: lineOf(['headlines', index]) ?? lineOf(['headlines']) };
    if (!indicators.some((indicator) => indicator.id === id)) {
      const suggestion = closestNames(id, indicators.map((indicator) => indicator.id), 1)[0];
      problems.push({ ...at, found: id, expected: `in headlines, item ${index + 1}, the id of an indicator this quarter reports`, hint: suggestion ? `Did you mean "${suggestion}"?` : 'The figure reference page lists the ids.' });
    } else if (headlines.indexOf(id) !== index) {
      problems.push({ ...at, found: id, expected: `in headlines, item ${index + 1}, an indicator not already listed` });
    }
  });
  return problems;
}

interface CommentaryRead {
  /** The file's text as decoded. */
  text: string;
  /** The file's two parts, as the one split of src/ingest/commentary-file.ts made them; null when it could not be split. */
  parts: CommentaryParts | null;
  data: Commentary | null;
  status: 'draft' | 'published' | null;
  problems: Problem[];
  lineOf: (path: (string | number)[]) => number | undefined;
}

function readCommentary(source: SourceFile, reporting: ReportingQuarter | null): CommentaryRead {
  const unread = (problem: Problem): CommentaryRead => ({ text: '', parts: null, data: null, status: null, problems: [problem], lineOf: () => undefined });
  if (source.bytes.length > MAX_COMMENTARY_BYTES) {
    return unread({ file: source.file, line: 1, found: `${Math.ceil(source.bytes.length / 1000)} KB`, expected: `a commentary of at most ${MAX_COMMENTARY_BYTES / 1000} KB`, hint: 'The commentary sums up a report in a few pages; link to the full committee papers instead.' });
  }
  const decoded = decodeText(source.bytes, source.file);
  // A commentary's problems are always at a line, so an editor can jump to them: a file that is not text, at its first.
  if (!decoded.ok) return unread({ line: 1, ...decoded.problem });
  const split = splitCommentary(decoded.text, source.file);
  if (!split.parts) return { text: decoded.text, parts: null, data: null, status: null, problems: split.problems, lineOf: () => undefined };
  const frontmatter = readFrontmatter(split.parts.frontmatter, source.file);
  const problems = [...frontmatter.problems];
  if (frontmatter.data && reporting && frontmatter.data.period !== reporting.label) {
    problems.push({
      file: source.file,
      line: frontmatter.lineOf(['period']),
      found: `period: ${frontmatter.data.period}`,
      expected: `period: ${reporting.label}, the quarter of the folder it is in`,
      hint: 'A commentary copied from another quarter must have its period changed, and its text checked.',
    });
  }
  return { text: decoded.text, parts: split.parts, data: frontmatter.data, status: frontmatter.status, problems, lineOf: frontmatter.lineOf };
}

/** The frontmatter's lines that are a note and nothing else: a YAML comment, by the YAML reader's reading. */
function noteLinesOf(commentary: CommentaryRead): Set<number> {
  const frontmatter = commentary.parts?.frontmatter;
  if (!frontmatter) return new Set();
  const lines = frontmatter.text.split('\n');
  return new Set(
    yamlComments(frontmatter.text, frontmatter.firstLine)
      .filter((comment) => lines[comment.line - frontmatter.firstLine]!.slice(0, comment.column).trim() === '')
      .map((comment) => comment.line),
  );
}

/**
 * A quarter can only go public finished: with a publication date and no
 * template placeholder left anywhere in the commentary.
 */
function publicationGate(commentary: Commentary, source: string, file: string, lineOf: CommentaryRead['lineOf'], bodyLine: number, noteLines: ReadonlySet<number>): Problem[] {
  const problems: Problem[] = [];
  if (!commentary.publishedDate) {
    problems.push({
      file,
      line: lineOf(['status']),
      expected: 'a publishedDate before the quarter is published, such as publishedDate: "2024-09-03"',
      hint: 'Add the date the page goes public, or set status: draft until it is known.',
    });
  }
  // The frontmatter's own notes (lines that are a YAML comment) are never published, and the template's say "fill it in".
  // A line of a value that happens to start with # (in a value written over several lines) is published: it is read.
  source.split(/\r?\n/).forEach((text, index) => {
    if (index + 1 < bodyLine && noteLines.has(index + 1)) return;
    for (const placeholder of findPlaceholders(text)) {
      problems.push({
        file,
        line: index + 1,
        column: placeholder.index + 1,
        // From the placeholder on: at the start of a long line, it would be cut off.
        found: text.slice(placeholder.index).trim(),
        expected: `your own text in place of the placeholder "${placeholder.found.replace(/:$/, '')}" before the quarter is published`,
        hint: 'Replace the placeholder, or set status: draft until the text is written.',
      });
    }
  });
  for (const list of ['corrections', 'revisions'] as const) {
    commentary[list].forEach((entry, index) => {
      if (!isTemplateReason(entry.reason)) return;
      problems.push({
        file,
        line: lineOf([list, index, 'reason']) ?? lineOf([list, index]),
        found: `reason: ${entry.reason}`,
        expected: `in ${list}, item ${index + 1}, your own reason in place of the example "${TEMPLATE_REASON}" before the quarter is published`,
        hint: 'Say in a sentence why the figure changed, such as "The September data refresh found two fewer care leavers in education."',
      });
    });
  }
  return problems;
}

/**
 * Each correction names an indicator the quarter reports and which of its two
 * figures changed; the new value must be the figure the card now shows and the
 * old value must differ from it, so the log can never contradict the page.
 */
function checkCorrections(
  commentary: Commentary,
  indicators: readonly QuarterIndicator[],
  catalogue: ReadonlyMap<string, Indicator>,
  file: string,
  lineOf: CommentaryRead['lineOf'],
): Problem[] {
  const problems: Problem[] = [];
  commentary.corrections.forEach((correction, index) => {
    const at = (field: string) => ({ file, line: lineOf(['corrections', index, field]) ?? lineOf(['corrections', index]) });
    const record = indicators.find((candidate) => candidate.id === correction.indicator);
    const indicator = catalogue.get(correction.indicator);
    if (!record || !indicator) {
      problems.push({ ...at('indicator'), found: correction.indicator, expected: `in corrections, item ${index + 1}, the id of an indicator this quarter reports` });
      return;
    }
    const observation = record[correction.figure];
    const shown = formatFigure(observation?.figure ?? null, indicator);
    const newValue = readNumber(correction.newValue);
    const oldValue = readNumber(correction.oldValue);
    const newShown = newValue.ok ? formatFigure(newValue.value, indicator) : null;
    if (newShown !== shown) {
      problems.push({
        ...at('newValue'),
        found: correction.newValue,
        expected: `in corrections, item ${index + 1}, the ${correction.figure} figure the card now shows for ${indicator.id}: ${shown}${observation ? ` for ${observation.period.label}` : ''}`,
        hint: 'The corrected figure must be in the data file: correct the data file, or this entry.',
      });
    }
    if (!oldValue.ok || oldValue.value === null) {
      problems.push({ ...at('oldValue'), found: correction.oldValue, expected: `in corrections, item ${index + 1}, the figure as first published, such as "47.3%"` });
    } else if (newValue.ok && newValue.value && oldValue.value.value === newValue.value.value) {
      problems.push({ ...at('oldValue'), found: correction.oldValue, expected: `in corrections, item ${index + 1}, an oldValue different from the newValue` });
    }
  });
  return problems;
}

/**
 * A later report that gives a different figure for a period an earlier report
 * published is a revision. Each must be listed, with its reason, in the revising
 * quarter's commentary (`revisions:`), so it is shown as a marked revision and
 * never slips into a trend line unannounced. Listed revisions that did not
 * happen are problems too.
 */
function checkRevisions(reports: QuarterReport[], catalogue: ReadonlyMap<string, Indicator>): void {
  const withData = reports.filter((report) => report.quarter).sort((a, b) => a.quarter!.period.end.localeCompare(b.quarter!.period.end));
  // For each indicator and period: the most recent publication so far, as we walk the reports in order.
  const lastPublished = new Map<string, { report: QuarterReport; record: QuarterIndicator; role: 'latest' | 'previous'; figure: Figure }>();
  for (const report of withData) {
    const quarter = report.quarter!;
    const notes = quarter.commentary?.revisions ?? [];
    const used = new Set<number>();
    const commentaryFile = quarter.commentary?.file ?? `${report.path}/commentary.mdx`;
    for (const record of quarter.indicators) {
      for (const role of ['previous', 'latest'] as const) {
        const observation = record[role];
        const figure = observation?.figure;
        if (!observation || !figure) continue;
        const key = `${record.id}|${periodKey(observation.period)}`;
        const earlier = lastPublished.get(key);
        lastPublished.set(key, { report, record, role, figure });
        if (!earlier || earlier.report === report || earlier.figure.value === figure.value) continue;
        const noteIndex = notes.findIndex((note, index) => {
          if (used.has(index) || note.indicator !== record.id) return false;
          const period = parsePeriod(note.period);
          const oldValue = readNumber(note.oldValue);
          const newValue = readNumber(note.newValue);
          return (
            period.ok && periodKey(period.period) === periodKey(observation.period) &&
            oldValue.ok && oldValue.value?.value === earlier.figure.value &&
            newValue.ok && newValue.value?.value === figure.value
          );
        });
        if (noteIndex >= 0) {
          used.add(noteIndex);
          continue;
        }
        const indicator = catalogue.get(record.id)!;
        const oldText = formatFigure(earlier.figure, indicator);
        const newText = formatFigure(figure, indicator);
        const rounding = displayRounding(earlier.figure, figure, quarter.file);
        if (rounding) {
          report.problems.push({
            file: quarter.file,
            line: record.line,
            found: `${newText} for "${indicator.name}", ${observation.period.label}`,
            expected: `${oldText}, the figure ${earlier.report.quarter!.label}'s report published for ${observation.period.label} (${earlier.report.quarter!.file}, line ${earlier.record.line}): this file shows it with fewer decimal places, so the site would publish a rounded figure`,
            hint: rounding,
          });
          continue;
        }
        report.problems.push({
          file: quarter.file,
          line: record.line,
          found: `${newText} for "${indicator.name}", ${observation.period.label}`,
          expected: `${oldText}, the figure ${earlier.report.quarter!.label}'s report published for ${observation.period.label} (${earlier.report.quarter!.file}, line ${earlier.record.line}), unless the revision is listed in ${commentaryFile}`,
          hint: `If the figure really was revised, add to the frontmatter of ${commentaryFile}:\n    revisions:\n      - indicator: ${record.id}\n        period: "${observation.period.label}"\n        oldValue: "${oldText}"\n        newValue: "${newText}"\n        reason: ${TEMPLATE_REASON}\n  If it was not revised, this row may be matched to the wrong indicator, or come from another export: check its ${role} figure.`,
        });
      }
    }
    notes.forEach((note, index) => {
      if (used.has(index)) return;
      report.problems.push({
        file: commentaryFile,
        line: report.commentaryLine(['revisions', index]),
        found: `${note.indicator}, ${note.period}: ${note.oldValue} to ${note.newValue}`,
        expected: `in revisions, item ${index + 1}, a revision this quarter's data file makes: an earlier report's figure (oldValue) for that indicator and period, and this file's different one (newValue)`,
        hint: 'Check the indicator id, the period and both figures against the two data files, or delete the entry if nothing was revised.',
      });
    });
  }
}

/**
 * A link in a commentary to a page of this site must lead to a page the build
 * makes: a published commentary to the published quarters' pages, a draft (shown
 * only in previews) to any quarter's. The message offers the nearest real address.
 */
function checkSiteLinks(reports: QuarterReport[], catalogue: readonly Indicator[]): void {
  const contents = (withDrafts: boolean) => {
    const quarters = reports.flatMap((report) => (report.quarter && (withDrafts || report.publication === 'published') ? [report.quarter] : []));
    return { quarters, indicatorIds: catalogue.map((indicator) => indicator.id) };
  };
  const targets = (withDrafts: boolean) => {
    const site = contents(withDrafts);
    return { pages: sitePages(site), all: [...sitePages(site), ...siteFiles(site)] };
  };
  const published = targets(false);
  const previews = targets(true);
  for (const report of reports) {
    const { pages, all } = report.publication === 'published' ? published : previews;
    for (const link of report.siteLinks) {
      const path = link.url.split('#')[0]!.split('?')[0]!;
      // Astro serves a page with or without its closing slash.
      if (path === '' || all.includes(path) || all.includes(`${path}/`)) continue;
      const nearest = closestNames(path, pages, 1)[0];
      report.problems.push({
        file: report.quarter?.commentary?.file ?? `${report.path}/commentary.mdx`,
        line: link.line,
        column: link.column,
        found: link.url,
        expected: 'a link to a page this site publishes, such as /2024-25/q1/ for a quarter or /indicators/care-leavers-eet/ for an indicator',
        hint: nearest ? `Did you mean ${nearest}?` : 'Copy the address from the page in the browser, from the first / after the site’s name.',
      });
    }
  }
}

/**
 * When a figure differs from the earlier report's only because it is shown with
 * fewer decimals (75.7% for 75.71%), how to show them, or null. That is display
 * rounding, not a revision: `revisions:` is never suggested for it.
 */
function displayRounding(earlier: Figure, figure: Figure, file: string): string | null {
  const decimals = figure.decimals;
  if (decimals >= earlier.decimals || Math.abs(earlier.value - figure.value) > 0.5 * 10 ** -decimals + 1e-9) return null;
  const places = `${earlier.decimals} decimal place${earlier.decimals === 1 ? '' : 's'}`;
  const how = file.toLowerCase().endsWith('.xlsx')
    ? `The workbook's cell shows fewer decimals than it holds: select it, open Format Cells (Ctrl+1) and set ${places}, as the earlier report published it, then save.`
    : `Export the figure with ${places}, as the earlier report published it (in the dashboard, or in Excel with Format Cells before saving the file).`;
  return `${how} This is rounding for display, not a revision: do not list it under revisions.`;
}

/** Problems that stop a build: the catalogue's, and those of every quarter the build includes. */
export function blockingProblems(report: ContentReport, options: { includeDrafts: boolean }): Problem[] {
  return [
    ...report.catalogueProblems,
    ...report.releaseProblems,
    // A scheduled quarter's problems stop the build now, not at its release, when no one may be watching.
    ...report.quarters.filter((quarter) => quarter.publication !== 'draft' || options.includeDrafts).flatMap((quarter) => quarter.problems),
  ];
}
