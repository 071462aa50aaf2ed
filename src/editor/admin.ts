/**
 * The editor's page script (bundled into /admin/editor.js by scripts/build-admin.ts):
 * registers the figure-tag components, then starts Sveltia CMS with the
 * generated configuration. Loaded after sveltia-cms.js, which waits for
 * CMS.init because /admin/init.js set CMS_MANUAL_INIT.
 */
import { editorComponents, type IndicatorChoice } from './figure-tags.ts';

interface Cms {
  registerEditorComponent(component: unknown): void;
  init(options: { config: Record<string, unknown> }): void;
}

declare const EDITOR_CONFIG: Record<string, unknown>;
declare const EDITOR_INDICATORS: IndicatorChoice[];

const cms = (window as unknown as { CMS: Cms }).CMS;
for (const component of editorComponents(EDITOR_INDICATORS)) cms.registerEditorComponent(component);
cms.init({ config: EDITOR_CONFIG });
