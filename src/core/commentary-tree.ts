/**
 * A commentary as the check read it: the only shape of commentary the site can
 * render. The check builds this tree from the one parse of commentary.mdx
 * (src/ingest/commentary-body.ts); the quarter page renders it with the site's
 * own components (src/components/commentary/). Nothing else reads the file, and
 * nothing here can hold code, raw HTML or an unchecked address: a node kind the
 * check does not know has no place in these types, so it cannot be published.
 */

/** A figure tag, with its props as read (defaults of optional props filled in). */
export interface FigureTag {
  kind: 'figure';
  component: string;
  props: Readonly<Record<string, string>>;
  /** Where it was written, for messages. */
  line: number;
  column: number;
}

export type Inline =
  /** Where it was written, when known, for messages about its words (src/ingest/figure-sentences.ts). */
  | { kind: 'text'; value: string; line?: number; column?: number }
  | { kind: 'emphasis' | 'strong'; children: Inline[] }
  /** Shown as written, never run or read as a tag. */
  | { kind: 'code'; value: string }
  | { kind: 'break' }
  /** Checked address: https:, mailto:, tel:, a path on this site or a #fragment. */
  | { kind: 'link'; url: string; children: Inline[] }
  | FigureTag;

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  /** Its fragment id is chosen by the page (it must not collide with the page's own ids). */
  | { kind: 'heading'; depth: 3 | 4; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number | null; items: Block[][] }
  | { kind: 'blockquote'; children: Block[] }
  /** A block figure tag (a card or a chart) on a line of its own. */
  | FigureTag;

/** The words of inline content without figure tags (used for heading ids). */
export function plainInlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'code':
          return node.value;
        case 'emphasis':
        case 'strong':
        case 'link':
          return plainInlineText(node.children);
        case 'break':
          return ' ';
        case 'figure':
          return '';
      }
    })
    .join('');
}
