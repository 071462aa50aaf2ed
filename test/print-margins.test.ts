/** What a printed page's margins say (src/present/print-margins.ts), and that no text can break out of the CSS. */
import { describe, expect, it } from 'vitest';
import { cssString, printMarginText, printMarginsCss } from '../src/present/print-margins';

describe('printed page margins', () => {
  it.each([
    ['plain words', 'Q1 2024/25 performance', '"Q1 2024/25 performance"'],
    ['a double quote', 'The "best" quarter', '"The \\"best\\" quarter"'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['a closing style tag', '</style><script>', '"\\3c /style>\\3c script>"'],
    ['a line break', 'one\ntwo', '"one two"'],
  ])('writes %s as a CSS string that ends where it should', (_, text, css) => {
    expect(cssString(text)).toBe(css);
  });

  it.each([
    [{ label: 'Q1 2024/25', published: '3 September 2024' }, 'Q1 2024/25 figures, published 3 September 2024'],
    [{ label: 'Q3 2023/24', published: null }, 'Q3 2023/24 figures, publication date not recorded'],
    [null, 'No figures published yet'],
  ])('names the quarter and when its figures were published (%o)', (quarter, figures) => {
    const text = printMarginText({ council: 'A Council', title: 'A page', quarter, address: 'https://example.gov.uk/a/' });
    expect(text.figures).toBe(figures);
    const css = printMarginsCss(text);
    for (const part of ['"A Council"', '"A page"', `"${figures}. "`, '"https://example.gov.uk/a/"', 'counter(page)', 'counter(pages)']) expect(css).toContain(part);
    expect(css).not.toContain('<');
  });
});
