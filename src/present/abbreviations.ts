/**
 * The dashboard's own indicator names use abbreviations (EHCP, FEEE, CSC,
 * KS2...). Marked up with their expansion from site.yaml's glossary, so a
 * reader, or a screen reader, can find what each means where it appears.
 */
export interface TextPiece {
  text: string;
  /** The expansion, when the piece is a glossary abbreviation. */
  expansion?: string;
}

/** Splits text into plain pieces and glossary abbreviations (whole words, as written, such as "EHCP" in "with EHCP"). */
export function abbreviations(text: string, glossary: readonly { term: string; meaning: string }[]): TextPiece[] {
  const terms = new Map(glossary.filter((entry) => /^[A-Z][A-Za-z0-9]*[A-Z0-9]$/.test(entry.term)).map((entry) => [entry.term, entry.meaning.split(':')[0]!.replace(/\.$/, '')]));
  const pieces: TextPiece[] = [];
  // Words and the characters between them, so the text is rebuilt exactly.
  for (const part of text.split(/(\b[A-Za-z0-9]+\b)/)) {
    if (part === '') continue;
    const expansion = terms.get(part);
    const last = pieces.at(-1);
    if (expansion) pieces.push({ text: part, expansion });
    else if (last && !last.expansion) last.text += part;
    else pieces.push({ text: part });
  }
  return pieces;
}
