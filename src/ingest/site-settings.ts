/**
 * content/site.yaml: the council, department, committee, contact, areas,
 * glossary and unit wording, read and validated like every content file. A
 * second council's site is a second content folder, with no code change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteSettingsSchema, type SiteSettings } from '../schemas/site.ts';
import { decodeText } from './delimited.ts';
import { formatFileProblems, type Problem } from '../core/problems.ts';
import { shownPath } from './read-content.ts';
import { readYaml } from './yaml-file.ts';

export function parseSiteSettings(bytes: Uint8Array, file: string): { settings: SiteSettings | null; problems: Problem[] } {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return { settings: null, problems: [decoded.problem] };
  const { data, problems } = readYaml(decoded.text.replace(/^\uFEFF/, ''), file, siteSettingsSchema);
  const settings = data;
  if (settings && new Set(settings.areas).size !== settings.areas.length) {
    return { settings: null, problems: [{ file, expected: 'each area listed once under areas' }] };
  }
  return { settings, problems };
}

/** The settings of a content folder; a problem stops whatever is starting, in plain words and without a stack trace. */
export function loadSiteSettings(contentDir: string): SiteSettings {
  const path = join(contentDir, 'site.yaml');
  const file = shownPath(path);
  const { settings, problems } = existsSync(path)
    ? parseSiteSettings(readFileSync(path), file)
    : { settings: null, problems: [{ file, expected: 'the site settings file, site.yaml, in the content folder', hint: 'Copy content/site.yaml from the project and change it for your council.' }] };
  if (!settings) {
    const error = new Error(`\n${formatFileProblems(file, problems)}`);
    error.name = 'Content problem';
    error.stack = '';
    throw error;
  }
  return settings;
}
