/**
 * content/site.yaml: the council, department, committee, contact, areas,
 * glossary and unit wording, read and validated like every content file. A
 * second council's site is a second content folder, with no code change.
 */
import { siteSettingsSchema, type SiteSettings } from '../schemas/site.ts';
import { decodeText } from './delimited.ts';
import type { Problem } from '../core/problems.ts';
import { readYaml } from './yaml-file.ts';

type LineOf = (path: (string | number)[]) => number | undefined;

export function parseSiteSettings(bytes: Uint8Array, file: string): { settings: SiteSettings | null; problems: Problem[]; lineOf: LineOf } {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return { settings: null, problems: [decoded.problem], lineOf: () => undefined };
  const { data, problems, lineOf } = readYaml(decoded.text.replace(/^\uFEFF/, ''), file, siteSettingsSchema);
  const settings = data;
  if (settings && new Set(settings.areas).size !== settings.areas.length) {
    return { settings: null, problems: [{ file, expected: 'each area listed once under areas' }], lineOf };
  }
  return { settings, problems, lineOf };
}
