/**
 * Characters a person cannot see or tell apart, named so a message never shows
 * an "identical-looking" text: a zero-width space, a direction mark, a line
 * separator from another system. Used by the commentary reader to refuse them
 * at their line and character, and by messages to show what was really there.
 */

const NAMES: Readonly<Record<number, string>> = {
  0x09: 'tab',
  0x20: 'space',
  0x0d: 'carriage return (an old Mac line ending)',
  0x85: 'next-line character (NEL)',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'byte-order mark (zero-width no-break space)',
};

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** "U+200B zero-width space"; for a character without a listed name, its Unicode category in words. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const name = NAMES[code];
  if (name) return `${hex(code)} ${name}`;
  if (/\p{Cc}/u.test(character)) return `${hex(code)} control character`;
  if (/\p{Cf}/u.test(character)) return `${hex(code)} invisible formatting character`;
  if (/\p{Zs}/u.test(character)) return `${hex(code)} space of another width`;
  return hex(code);
}

/**
 * Is this a character that must not be in a commentary: invisible, a line
 * break other than LF or CRLF (the commentary's lines would then depend on who
 * reads it), or a control character? Tabs and the soft hyphen Word inserts are allowed.
 */
export function isRefusedInText(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x09 || code === 0x0a || code === 0xad) return false;
  if (code === 0x2028 || code === 0x2029) return true;
  return /\p{Cc}|\p{Cf}/u.test(character);
}

/** The text with every invisible or look-alike-space character spelt out: "2024⟨U+200B zero-width space⟩". */
export function showInvisible(text: string): string {
  let shown = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const invisible = code !== 0x20 && code !== 0x0a && (isRefusedInText(character) || /\p{Zs}/u.test(character));
    shown += invisible ? `⟨${describeCharacter(character)}⟩` : character;
  }
  return shown;
}
