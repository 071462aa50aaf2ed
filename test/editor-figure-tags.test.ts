/**
 * The editor's figure-tag components (src/editor/figure-tags.ts): one per tag in
 * figure-components.ts; every tag they can write is one the check accepts; every
 * tag in the published commentary is read and written back byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_COMPONENTS, type FigureComponent } from '../src/core/figure-components';
import { readCommentaryBody } from '../src/ingest/commentary-body';
import { editorComponents, tidyFigureTags } from '../src/editor/figure-tags';
import { ROOT } from './helpers/build';

const indicators = [
  { id: 'care-leavers-eet', title: 'Care leavers in education, employment or training' },
  { id: 'cpp-second-time', title: 'Children on a child protection plan for a second time' },
];
const components = editorComponents(indicators);
const published = readdirSync(join(ROOT, 'content/quarters')).map((folder) => join(ROOT, 'content/quarters', folder, 'commentary.mdx'));
const context = { catalogueIds: indicators.map((indicator) => indicator.id), quarterIds: indicators.map((indicator) => indicator.id), quarterLabel: 'Q1 2024/25' };

/** Every way an officer can fill a component's form: each allowed value of each prop, optional props also left empty. */
function everyFilling(component: FigureComponent): Record<string, string>[] {
  return component.props.reduce<Record<string, string>[]>(
    (fillings, prop) => {
      const values = [...(prop.kind === 'indicator' ? context.catalogueIds : prop.values), ...(prop.required ? [] : [''])];
      return fillings.flatMap((filling) => values.map((value) => ({ ...filling, [prop.name]: value })));
    },
    [{}],
  );
}

/** The component's tag placed as the check wants it: a block tag on its own line, an inline one in a sentence. */
const inContext = (component: FigureComponent, tag: string) => (component.placement === 'block' ? `${tag}\n` : `The figure was ${tag} this quarter.\n`);

describe('figure-tag components', () => {
  it('one component per figure tag, with the tag’s props as fields', () => {
    expect(components.map((component) => [component.id, component.fields.map((field) => field.name)])).toEqual(
      FIGURE_COMPONENTS.map((component) => [component.name, component.props.map((prop) => prop.name)]),
    );
  });

  it('the indicator is picked from the catalogue’s titles; other props from their allowed values', () => {
    const value = components.find((component) => component.id === 'Value')!;
    expect(value.fields[0]!.options).toEqual(indicators.map((indicator) => ({ label: indicator.title, value: indicator.id })));
    expect(value.fields[1]!.options.map((option) => option.value)).toEqual(['latest', 'previous']);
    expect(value.fields.map((field) => field.required)).toEqual([true, false]);
  });

  const cases = FIGURE_COMPONENTS.flatMap((component) => everyFilling(component).map((filling) => [component, filling] as const));
  it.each(cases.map(([component, filling]) => [component.name, JSON.stringify(filling), component, filling] as const))(
    '%s %s: what it writes the check accepts, and reads back the same',
    (_name, _filling, component, filling) => {
      const editor = components.find((candidate) => candidate.id === component.name)!;
      const tag = editor.toBlock(filling);
      expect(readCommentaryBody(inContext(component, tag), 'commentary.mdx', context).problems).toEqual([]);
      const match = tag.match(editor.pattern)!;
      expect(match[0]).toBe(tag);
      expect(editor.toBlock(editor.fromBlock(match))).toBe(tag);
    },
  );

  it('control: a form left without a required prop writes a tag the check refuses (the form marks the prop required)', () => {
    const average = components.find((component) => component.id === 'Average')!;
    expect(average.fields.find((field) => field.name === 'group')!.required).toBe(true);
    expect(readCommentaryBody(`It was ${average.toBlock({ of: 'care-leavers-eet' })}.\n`, 'commentary.mdx', context).problems).not.toEqual([]);
  });

  it('a tag it cannot write exactly is left alone as text, for the check to report (braces, single quotes, an unknown prop)', () => {
    const value = components.find((component) => component.id === 'Value')!;
    for (const text of ['<Value of={"care-leavers-eet"} />', "<Value of='care-leavers-eet' />", '<Value of="care-leavers-eet" colour="red" />', '<Value of="care-leavers-eet"/>']) {
      expect(text.match(value.pattern)?.[0]).not.toBe(text);
    }
  });

  // Every tag the published commentary holds is matched whole and written back byte for byte.
  it.each(published.map((file) => [file.slice(ROOT.length + 1), file]))('every figure tag in %s round-trips', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const tags = [...text.matchAll(/<([A-Z][A-Za-z]*)\b[^>]*\/>/g)].map((match) => match[0]);
    for (const tag of tags) {
      const editor = components.find((component) => tag.startsWith(`<${component.id} `) || tag === `<${component.id} />`)!;
      const match = tag.match(editor.pattern)!;
      expect(match[0]).toBe(tag);
      expect(editor.toBlock(editor.fromBlock(match))).toBe(tag);
    }
  });

  it('the preview describes a tag in words, with the indicator’s title, and escapes what it shows', () => {
    const change = components.find((component) => component.id === 'Change')!;
    expect(change.toPreview({ of: 'care-leavers-eet' })).toBe('<span class="figure-tag">[Change: Care leavers in education, employment or training]</span>');
    expect(change.toPreview({ of: '<b>x</b>' })).not.toContain('<b>');
  });
});

describe('a figure tag inserted into a sentence stays in it; a card or chart stands alone', () => {
  it.each([
    ['the rest of a sentence', 'It was <Value of="a" />\n\n this quarter.\n', 'It was <Value of="a" /> this quarter.\n'],
    ['a comma', 'It rose to <Value of="a" period="previous" />\n\n, while\n', 'It rose to <Value of="a" period="previous" />, while\n'],
    ['a full stop', 'It was <Change of="a" />\n\n.\n', 'It was <Change of="a" />.\n'],
    ['a chart glued to a paragraph’s end', 'It rose.<Chart of="a" />\n', 'It rose.\n\n<Chart of="a" />\n'],
    ['text glued after a card', '<Indicator of="a" />Next.\n', '<Indicator of="a" />\n\nNext.\n'],
  ])('%s after the tag joins its sentence; a card or chart gets its own paragraph', (_name, saved, expected) => {
    expect(tidyFigureTags(saved)).toBe(expected);
  });

  it.each([
    ['a block tag', 'Text.\n\n<Chart of="a" />\n\n More.\n'],
    ['a new paragraph', 'It was <Value of="a" />.\n\nThe next paragraph.\n'],
    ['a tag on its own line', '<QuarterSummary />\n\n### Social care\n'],
  ])('control: %s keeps its bytes', (_name, text) => {
    expect(tidyFigureTags(text)).toBe(text);
  });

  it.each(published.map((file) => [file.slice(ROOT.length + 1), file]))('control: %s keeps its bytes', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(tidyFigureTags(text)).toBe(text);
  });
});
