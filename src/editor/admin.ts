/**
 * The editor's page script (bundled into /admin/editor.js by scripts/build-admin.ts):
 * registers the figure-tag components, then starts Sveltia CMS with the
 * generated configuration. Loaded after sveltia-cms.js, which waits for
 * CMS.init because /admin/init.js set CMS_MANUAL_INIT.
 */
import { editorComponents, type IndicatorChoice } from './figure-tags.ts';
import { UPLOAD_FIELD } from './upload-field.ts';

interface ImmutableMap {
  get(key: string): ImmutableMap;
  delete(key: string): ImmutableMap;
}

interface Cms {
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: ImmutableMap }) => ImmutableMap }): void;
  registerEditorComponent(component: unknown): void;
  init(options: { config: Record<string, unknown> }): void;
}

declare const EDITOR_CONFIG: Record<string, unknown>;
declare const EDITOR_INDICATORS: IndicatorChoice[];

const cms = (window as unknown as { CMS: Cms }).CMS;
for (const component of editorComponents(EDITOR_INDICATORS)) cms.registerEditorComponent(component);
// The upload field only carries the file into the folder: its name is never written into the commentary.
cms.registerEventListener({ name: 'preSave', handler: ({ entry }) => entry.get('data').delete(UPLOAD_FIELD) });
cms.init({ config: EDITOR_CONFIG });
