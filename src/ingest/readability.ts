/**
 * The commentary's reading age and sentence lengths, for `npm run check` (#23): advice for the officer,
 * never a refusal. Reading age is the Flesch–Kincaid grade plus 5 (the test suite measures the site's own
 * words the same way); a figure tag counts as one short word, as a reader says a figure quickly.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import { syllable } from 'syllable';

export interface Readability {
  sentences: number;
  wordsPerSentence: number;
  readingAge: number;
  /** Sentences longer than `longerThan` words, longest first, with the file line their paragraph starts on. */
  longest: { words: number; line: number | undefined; text: string }[];
}

/** Sentences of plain text: split after . ! or ? followed by a space and a capital, digit or quote. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9“"‘(])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[a-z]/i.test(sentence));
}

export const wordsOf = (sentence: string) => sentence.split(/\s+/).filter(Boolean);
const syllablesOf = (word: string) => Math.max(1, syllable(word.replace(/[^A-Za-z'-]/g, '')));

/** The reading age of sentences taken together. */
export function readingAge(sentences: readonly string[]): number {
  const words = sentences.flatMap(wordsOf);
  if (!words.length) return 0;
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59 + 5;
}

type Node = MdastNode & { value?: string; children?: Node[]; position?: { start: { line: number } } };

/** Each paragraph's text (figure tags as one word) and its line, read with the parser the check uses for commentary. */
function paragraphs(source: string): { text: string; line: number | undefined }[] {
  let tree: Node;
  try {
    tree = mdxToMdast(source, { features: { gfm: true, frontmatter: true } }) as Node;
  } catch {
    return []; // the check reports why it cannot be read
  }
  const out: { text: string; line: number | undefined }[] = [];
  const textOf = (node: Node): string => {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
    if (node.type === 'mdxJsxTextElement') return 'N';
    return (node.children ?? []).map(textOf).join('');
  };
  const visit = (node: Node) => {
    if (node.type === 'paragraph') out.push({ text: textOf(node).replace(/\s+/g, ' ').trim(), line: node.position?.start.line });
    else for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return out;
}

export function readability(source: string, longerThan = 25, listed = 3): Readability {
  const sentences = paragraphs(source).flatMap((paragraph) => sentencesOf(paragraph.text).map((text) => ({ text, line: paragraph.line, words: wordsOf(text).length })));
  const words = sentences.reduce((sum, sentence) => sum + sentence.words, 0);
  return {
    sentences: sentences.length,
    wordsPerSentence: sentences.length ? words / sentences.length : 0,
    readingAge: readingAge(sentences.map((sentence) => sentence.text)),
    longest: sentences
      .filter((sentence) => sentence.words > longerThan)
      .sort((a, b) => b.words - a.words)
      .slice(0, listed),
  };
}
