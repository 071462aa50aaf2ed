/**
 * Curly quotes in a figure tag. Word, Outlook and many phone keyboards turn
 * the straight quotes of of="care-leavers-eet" into “ and ” as you type, and
 * the MDX reader then cannot read the tag. The message names the characters
 * found (they look almost the same) and says how to fix it. Pure.
 */

/** Quote marks that are not the straight " a tag needs, with their names. */
export const CURLY_QUOTES: Readonly<Record<string, string>> = {
  '“': 'left double quote “',
  '”': 'right double quote ”',
  '„': 'low double quote „',
  '‟': 'reversed double quote ‟',
  '‘': 'left single quote ‘',
  '’': 'right single quote ’',
  '‚': 'low single quote ‚',
  '‛': 'reversed single quote ‛',
  '«': 'angle quote «',
  '»': 'angle quote »',
  '″': 'double prime ″',
  '＂': 'full-width quote ＂',
};

/**
 * When the text from a `<` on (the rest of the line where the reader stopped)
 * is a tag holding curly quotes, what to say; otherwise null.
 */
export function curlyQuotesInTag(found: string): { found: string; expected: string; hint: string } | null {
  if (!/^<[A-Za-z]/.test(found)) return null;
  const end = found.indexOf('>');
  const tag = end >= 0 ? found.slice(0, end + 1) : found;
  const marks = [...new Set([...tag].filter((character) => character in CURLY_QUOTES))];
  if (marks.length === 0) return null;
  const straight = tag.replace(/[“”„‟«»″＂]/gu, '"').replace(/=\s*[‘’‚‛]([^‘’‚‛]*)[‘’‚‛]/gu, '="$1"');
  return {
    found: tag,
    expected: 'straight double quotes (") around each value in the tag',
    hint:
      `The tag has curly quotes (${marks.map((mark) => CURLY_QUOTES[mark]).join(', ')}), which Word and other programs put in as you type. ` +
      `Write ${straight} with straight quotes, or copy the tag from the figure reference page. ` +
      'In Word, turn off File > Options > Proofing > AutoCorrect Options > AutoFormat As You Type > "Straight quotes" with “smart quotes”.',
  };
}
