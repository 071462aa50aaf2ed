/**
 * What every printed page carries in its margins (#23): the council, the page's title, the quarter and the date
 * its figures were published, the page's address and the page number, as CSS paged-media margin boxes.
 * Pure, so the text and its escaping are unit-tested; src/components/PrintMargins.astro puts it in the page.
 */
import { formatDate, recordedDate } from '../core/format.ts';
import { leadingQuarter, type SiteModel } from '../model/model.ts';

/** The quarter a page's figures come from, for its printed margin: the quarter the site leads with, and when it was published. */
export function printQuarterOf(model: Pick<SiteModel, 'quarters'>): { label: string; published: string | null } | null {
  const quarter = leadingQuarter(model);
  if (!quarter) return null;
  const published = quarter.commentary?.publishedDate;
  return { label: quarter.label, published: recordedDate(published) ? formatDate(recordedDate(published)!) : null };
}

export interface PrintMarginText {
  council: string;
  /** The page's own title ("Q1 2024/25 performance"). */
  title: string;
  /** "Q1 2024/25 figures, published 3 September 2024" (or "publication date not recorded"). */
  figures: string;
  /** The page's full address, or its path when the site has no address. */
  address: string;
}

/** A CSS string: quotes and backslashes escaped, control characters dropped, and "<" escaped so no text can end the <style> element. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ')}"`;
}

export function printMarginText(options: { council: string; title: string; quarter: { label: string; published: string | null } | null; address: string }): PrintMarginText {
  const { quarter } = options;
  return {
    council: options.council,
    title: options.title,
    figures: quarter ? `${quarter.label} figures, ${quarter.published ? `published ${quarter.published}` : 'publication date not recorded'}` : 'No figures published yet',
    address: options.address,
  };
}

/** The @page rule: small black text (it prints the same in colour or black and white), the page count at the bottom right. */
export function printMarginsCss(text: PrintMarginText): string {
  const box = (where: string, content: string, align: 'left' | 'right') =>
    `@${where}{content:${content};font:8pt system-ui,sans-serif;color:#000;text-align:${align};vertical-align:${where.startsWith('top') ? 'bottom' : 'top'}}`;
  return (
    '@page{' +
    box('top-left', cssString(text.council), 'left') +
    box('top-right', cssString(text.title), 'right') +
    box('bottom-left', `${cssString(`${text.figures}. `)} ${cssString(text.address)}`, 'left') +
    box('bottom-right', `"Page " counter(page) " of " counter(pages)`, 'right') +
    '}'
  );
}
