/**
 * The "Figure tags" reference in docs/EDITING.md, generated from the one list
 * of figure components (src/core/figure-components.ts), so the guide can
 * never offer a tag, a prop or a value the commentary check refuses.
 *
 *   node scripts/docs-components.ts           print the block
 *   node scripts/docs-components.ts --write   replace the block in docs/EDITING.md
 *
 * The block sits between the two marker comments below. test/docs.test.ts
 * fails when the guide's block differs from what this prints: after changing
 * the component list, run the script with --write.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIGURE_COMPONENTS, oneOf, type FigureComponent, type FigureProp } from '../src/core/figure-components.ts';
import { SUMMARY_COMPONENTS } from '../src/ingest/commentary-body.ts';

export const START_MARKER = '<!-- figure-components:start -->';
export const END_MARKER = '<!-- figure-components:end -->';
export const EDITING_GUIDE = join(import.meta.dirname, '..', 'docs', 'EDITING.md');

const code = (text: string) => `\`${text}\``;

/** A table cell: no line breaks, and a | would end the cell. */
const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

function allowedValues(prop: FigureProp): string {
  if (prop.kind === 'indicator') return 'the id of an indicator this quarter’s data file reports';
  return oneOf(prop.values.map(code));
}

function ifLeftOut(prop: FigureProp): string {
  if (prop.required) return 'you cannot: the tag is refused without it';
  return prop.kind === 'enum' && prop.default !== undefined ? `${code(prop.default)} is used` : 'nothing';
}

function componentSection(component: FigureComponent): string {
  const lines: string[] = [`### ${code(`<${component.name} />`)}`, '', component.description, ''];
  lines.push(
    component.placement === 'block'
      ? '- **Where it goes:** on a line of its own, with a blank line before and after it. It cannot sit inside a sentence.'
      : '- **Where it goes:** in the text, inside a sentence or paragraph.',
  );
  lines.push(
    SUMMARY_COMPONENTS.includes(component.name)
      ? '- **In the `summary` setting:** allowed.'
      : '- **In the `summary` setting:** not allowed.',
  );
  if (component.props.length === 0) {
    lines.push('- **Props:** none. Write it exactly as in the example.');
  } else {
    lines.push('- **Props:**', '');
    lines.push('  | Prop | Allowed values | If you leave it out | What it does |', '  | --- | --- | --- | --- |');
    for (const prop of component.props as readonly FigureProp[]) {
      lines.push(`  | ${code(prop.name)} | ${cell(allowedValues(prop))} | ${cell(ifLeftOut(prop))} | ${cell(prop.description)} |`);
    }
  }
  lines.push('', `Example: ${code(component.example)}`, '');
  return lines.join('\n');
}

/** The Markdown block, markers included, as it must stand in docs/EDITING.md. */
export function figureComponentsMarkdown(): string {
  const components = FIGURE_COMPONENTS as readonly FigureComponent[];
  const summary = [
    '| Tag | What it prints | Where it goes |',
    '| --- | --- | --- |',
    ...components.map((component) => `| ${code(`<${component.name} />`)} | ${cell(component.description)} | ${component.placement === 'block' ? 'on a line of its own' : 'in the text'} |`),
  ].join('\n');
  return [
    START_MARKER,
    '<!-- Generated from src/core/figure-components.ts by `node scripts/docs-components.ts --write`. Do not edit by hand: change that file and run the command again. -->',
    '',
    `There are ${components.length} figure tags.`,
    '',
    summary,
    '',
    ...components.map(componentSection),
    END_MARKER,
  ].join('\n');
}

/** The guide's text with its block replaced by `block`; throws when the markers are missing or out of order. */
export function replaceBlock(guide: string, block: string): string {
  const start = guide.indexOf(START_MARKER);
  const end = guide.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`${EDITING_GUIDE} must contain ${START_MARKER} and then ${END_MARKER}.`);
  return guide.slice(0, start) + block + guide.slice(end + END_MARKER.length);
}

/** The block as it currently stands in the guide (markers included), or null when the markers are missing. */
export function currentBlock(guide: string): string | null {
  const start = guide.indexOf(START_MARKER);
  const end = guide.indexOf(END_MARKER);
  return start < 0 || end < start ? null : guide.slice(start, end + END_MARKER.length);
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script || !import.meta.filename) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(import.meta.filename);
  } catch {
    return false;
  }
}

if (isMain()) {
  const block = figureComponentsMarkdown();
  if (process.argv.includes('--write')) {
    const guide = readFileSync(EDITING_GUIDE, 'utf8');
    const updated = replaceBlock(guide, block);
    if (updated === guide) console.log('docs/EDITING.md: the figure tags section is already up to date.');
    else {
      writeFileSync(EDITING_GUIDE, updated);
      console.log('docs/EDITING.md: the figure tags section was updated.');
    }
  } else {
    console.log(block);
  }
}
