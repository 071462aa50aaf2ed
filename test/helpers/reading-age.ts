/**
 * Reading age by the Flesch–Kincaid grade level plus 5 (US grade 4 is about
 * age 9, GOV.UK's aim). Syllables come from the `syllable` package; numbers
 * and symbols ("47.3%", "Q1") count as one-syllable words, as a reader says them quickly.
 */
import { syllable } from 'syllable';

/** Sentences of plain text: split after . ! or ? followed by a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[a-z]/i.test(sentence));
}

export const wordsOf = (sentence: string) => sentence.split(/\s+/).filter(Boolean);

const syllablesOf = (word: string) => Math.max(1, syllable(word.replace(/[^A-Za-z'-]/g, '')));

/** The reading age of a body of sentences taken together. */
export function readingAge(sentences: readonly string[]): number {
  const words = sentences.flatMap(wordsOf);
  if (!words.length) return 0;
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59 + 5;
}
