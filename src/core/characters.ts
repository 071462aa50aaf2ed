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

/** Letters of other alphabets drawn like Latin ones: "Cаre" with a Cyrillic а reads as "Care" but matches nothing. */
const LOOKALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    // Cyrillic
    'аa', 'еe', 'оo', 'рp', 'сc', 'уy', 'хx', 'іi', 'јj', 'ѕs', 'ԁd', 'ӏl', 'һh', 'ԛq', 'ԝw',
    'АA', 'ВB', 'ЕE', 'КK', 'МM', 'НH', 'ОO', 'РP', 'СC', 'ТT', 'ХX', 'ЅS', 'ІI', 'ЈJ', 'ԌG', 'ԚQ', 'ԜW',
    // Greek
    'οo', 'αa', 'νv', 'ιi', 'κk', 'ρp', 'τt', 'υu', 'χx',
    'ΑA', 'ΒB', 'ΕE', 'ΖZ', 'ΗH', 'ΙI', 'ΚK', 'ΜM', 'ΝN', 'ΟO', 'ΡP', 'ΤT', 'ΥY', 'ΧX',
  ].map((pair) => [pair.charAt(0), pair.charAt(1)]),
);

const SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'] as const;

/**
 * A character that looks like another: a full-width form ("４" for "4"), or,
 * in Latin text, a letter of another alphabet ("U+0430 Cyrillic letter "а", not
 * the Latin "a""); null for any other.
 */
export function describeLookalike(character: string, inLatinText: boolean): string | null {
  const code = character.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) return `${hex(code)} full-width "${character}", not the ordinary "${String.fromCodePoint(code - 0xfee0)}"`;
  if (!inLatinText) return null;
  const script = SCRIPTS.find((name) => new RegExp(`\\p{Script=${name}}`, 'u').test(character));
  if (!script) return null;
  const latin = LOOKALIKES[character];
  return `${hex(code)} ${script} letter "${character}"${latin ? `, not the Latin "${latin}"` : ''}`;
}

/**
 * The text with every character a reader could not see for what it is spelt
 * out: invisible ones, spaces of other widths, and look-alikes (describeLookalike),
 * as "2024⟨U+200B zero-width space⟩". Every message's "found" goes through it
 * (formatProblem), so a message never shows two texts that look the same.
 */
export function showInvisible(text: string): string {
  const latin = /\p{Script=Latin}/u.test(text);
  let shown = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const invisible = code !== 0x20 && code !== 0x0a && code !== 0x09 && (isRefusedInText(character) || /\p{Zs}/u.test(character));
    const named = invisible ? describeCharacter(character) : describeLookalike(character, latin);
    shown += named ? `⟨${named}⟩` : character;
  }
  return shown;
}
