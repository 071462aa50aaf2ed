/**
 * The editor's page script (bundled into /admin/editor.js by scripts/build-admin.ts):
 * registers the figure-tag components, then starts Sveltia CMS with the
 * generated configuration. Loaded after sveltia-cms.js, which waits for
 * CMS.init because /admin/init.js set CMS_MANUAL_INIT.
 */
import { editorComponents, tidyFigureTags, type IndicatorChoice } from './figure-tags.ts';
import { UPLOAD_FIELD } from './upload-field.ts';

interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
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
cms.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    // The upload field only carries the file into the folder: its name is never written into the commentary.
    let data = (entry.get('data') as ImmutableMap).delete(UPLOAD_FIELD);
    // A figure tag inserted into a sentence stays in it (tidyFigureTags says why).
    for (const name of ['summary', 'body']) {
      const text = data.get(name);
      if (typeof text === 'string') data = data.set(name, tidyFigureTags(text));
    }
    return data;
  },
});
cms.init({ config: EDITOR_CONFIG });
