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

/** The glossary's abbreviations, its one-word terms (EHCP, DfE, KS2, mths), each with its expansion: the meaning up to its colon. */
export function glossaryAbbreviations(glossary: readonly { term: string; meaning: string }[]): Map<string, string> {
  return new Map(glossary.filter((entry) => /^[A-Za-z][A-Za-z0-9]*$/.test(entry.term)).map((entry) => [entry.term, entry.meaning.split(':')[0]!.replace(/\.$/, '')]));
}

/**
 * Splits text into plain pieces and glossary abbreviations, matched as whole words exactly as written,
 * so "EHCP" in "with EHCP" but never "SEN" inside "SEND".
 */
export function abbreviations(text: string, glossary: readonly { term: string; meaning: string }[]): TextPiece[] {
  const terms = glossaryAbbreviations(glossary);
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
