/** Walking built HTML (parse5 trees) and the files of a build, for tests that read dist/. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** Visits every node, including the contents of <template>. */
export function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
  if (node.content) walk(node.content, visit);
}

export const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
export const textOf = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(textOf).join(''));

/** Files under a folder whose names match, as sorted paths relative to it with forward slashes. */
export function filesUnder(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}
