/**
 * The editor's page script (bundled into /admin/editor.js by scripts/build-admin.ts):
 * registers the figure-tag components and the quarter preview (the check's
 * messages and the page, src/editor/preview.ts), then starts Sveltia CMS with
 * the generated configuration. Loaded after sveltia-cms.js, which waits for
 * CMS.init because /admin/init.js set CMS_MANUAL_INIT.
 */
import { editorComponents, tidyFigureTags, type IndicatorChoice } from './figure-tags.ts';
import { nameUploadsAsDataFiles, refuseMisnamedUpload, UPLOAD_FIELD } from './upload-field.ts';
import type { PreviewProps } from './preview.ts';
import { folderPeriodProblem, refuseSave } from './save-refusals.ts';

interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  delete(key: string): ImmutableMap;
}

interface Cms {
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: ImmutableMap }) => ImmutableMap }): void;
  registerEditorComponent(component: unknown): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerPreviewStyle(url: string): void;
  init(options: { config: Record<string, unknown> }): void;
}

declare const EDITOR_CONFIG: Record<string, unknown>;
declare const EDITOR_INDICATORS: IndicatorChoice[];

interface ReactClass {
  props: PreviewProps;
  root?: HTMLElement | null;
}
/** React's createElement and createClass, which Sveltia CMS lends preview templates (as Decap CMS does). */
const { CMS: cms, h, createClass } = window as unknown as {
  CMS: Cms;
  h: (tag: string, props: Record<string, unknown>) => unknown;
  createClass: (spec: Record<string, unknown>) => unknown;
};
// The dashboard export is saved under the name the check reads, whatever it was called (upload-field.ts).
nameUploadsAsDataFiles(window);
for (const component of editorComponents(EDITOR_INDICATORS)) cms.registerEditorComponent(component);
cms.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    // Never a save that would leave the export under a name the check does not read (upload-field.ts).
    refuseMisnamedUpload((entry.get('data') as ImmutableMap).get(UPLOAD_FIELD));
    // Never a quarter in a folder its Period does not name: the preview checks it against the Period's folder.
    refuseSave(folderPeriodProblem(entry.get('path'), (entry.get('data') as ImmutableMap).get('period')));
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
/** The preview's code, with the check, loaded when a preview first opens: the editor starts without it. */
const updatePreview = async (root: HTMLElement, props: PreviewProps) => (await import('./preview.ts')).updatePreview(root, props);

// The preview: an empty element React never touches again, which preview.ts fills on every change.
const QuarterPreview = createClass({
  componentDidMount(this: ReactClass) {
    if (this.root) void updatePreview(this.root, this.props);
  },
  componentDidUpdate(this: ReactClass) {
    if (this.root) void updatePreview(this.root, this.props);
  },
  render(this: ReactClass) {
    return h('div', { ref: (element: HTMLElement | null) => (this.root = element), 'data-quarter-preview': '' });
  },
});
cms.registerPreviewTemplate('quarters', QuarterPreview);
// The site's own stylesheet, so the preview reads as the page will.
cms.registerPreviewStyle('site.css');
// Never inside another site's page: a host that sends no headers (GitHub Pages) cannot forbid framing, and a
// <meta> policy cannot say frame-ancestors, so the editor does not start when it is framed.
if (window.top === window.self) cms.init({ config: EDITOR_CONFIG });
else document.body.textContent = 'The editor opens only in a window of its own. Open this address directly in the browser.';
