/**
 * The one place a commentary.mdx is split into its settings block
 * (frontmatter) and its body. There is no second reader: the YAML reader gets
 * exactly the frontmatter lines, the MDX parser exactly the body lines, and
 * the page is rendered from what they read. So the split is strict: the file
 * starts with a line of exactly three hyphens and the block ends at the next
 * such line. A line that only looks like a fence (spaces, invisible characters,
 * more hyphens) is refused by name rather than read one way or the other, as
 * is any character a person cannot see.
 */
import { describeCharacter, isRefusedInText } from '../core/characters.ts';
import type { Problem } from '../core/problems.ts';

export const FENCE = '---';

/** Largest commentary read: about ten times the longest real one, and small enough that no file can make the parser hang. */
export const MAX_COMMENTARY_BYTES = 150_000;

export interface CommentaryParts {
  /** The frontmatter's lines, joined with LF, and the file line of the first. */
  frontmatter: { text: string; firstLine: number };
  /**
   * The body with the frontmatter's lines left blank, so every position the MDX
   * parser reports is the file's own line and character.
   */
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
}

/** Lines as the file has them: only LF and CRLF end a line (other breaks are refused before this). */
function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** A line a person would take for a fence but that is not exactly "---": refused, never guessed. */
function looksLikeFence(line: string): boolean {
  if (line === FENCE) return false;
  let visible = '';
  for (const character of line) if (!/[\s\p{Cf}\p{Cc}]/u.test(character)) visible += character;
  return /^-{3,}$/.test(visible) || visible === '...';
}

/** What makes a fence-like line different from "---", in words. */
function fenceDifference(line: string): string {
  const extras: string[] = [];
  for (const character of line) if (character !== '-') extras.push(describeCharacter(character));
  const hyphens = [...line].filter((character) => character === '-').length;
  if (hyphens !== 3) extras.unshift(`${hyphens} hyphens`);
  return [...new Set(extras)].join(', ');
}

/** Every character in the text a person cannot see or that would break lines differently in another program. */
export function invisibleCharacters(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  let line = 1;
  let column = 0;
  const characters = [...text];
  characters.forEach((character, index) => {
    column++;
    if (character === '\n') {
      line++;
      column = 0;
      return;
    }
    // A carriage return is only allowed as half of a Windows line ending.
    if (character === '\r' && characters[index + 1] === '\n') return;
    if (!isRefusedInText(character)) return;
    problems.push({
      file,
      line,
      column,
      found: describeCharacter(character),
      expected: 'only characters a reader can see, and ordinary line breaks',
      hint: 'Delete the invisible character (it usually comes with text copied from Word, a PDF or a web page): retype the words around it.',
    });
  });
  return problems;
}

/**
 * The frontmatter and body of a commentary's text (already decoded, byte-order
 * mark removed), or the problems that stop it being read.
 */
export function splitCommentary(text: string, file: string): { parts: CommentaryParts | null; problems: Problem[] } {
  const invisible = invisibleCharacters(text, file);
  if (invisible.length) return { parts: null, problems: invisible };
  const lines = splitLines(text);
  const startHint = 'The file must start with a line of exactly three hyphens (---), then the settings (title, period, status...), then another line of exactly three hyphens.';
  if (lines[0] !== FENCE) {
    return {
      parts: null,
      problems: [
        {
          file,
          line: 1,
          found: lines[0] !== undefined && looksLikeFence(lines[0]) ? `a line of ${fenceDifference(lines[0])}` : lines[0]?.slice(0, 60),
          expected: 'the file to start with a line of exactly three hyphens (---), nothing before or after them',
          hint: startHint,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const close = lines.findIndex((line, index) => index > 0 && line === FENCE);
  const end = close < 0 ? lines.length : close;
  for (let index = 1; index < end; index++) {
    if (looksLikeFence(lines[index]!)) {
      problems.push({
        file,
        line: index + 1,
        found: `a line of ${fenceDifference(lines[index]!)}`,
        expected: 'a line of exactly three hyphens (---) to end the settings block, with nothing before or after them',
        hint: 'Delete the extra characters so the line is just ---.',
      });
    }
  }
  if (close < 0 && !problems.length) {
    problems.push({ file, line: 1, expected: 'a second line of exactly three hyphens (---) to end the settings block', hint: startHint });
  }
  if (problems.length) return { parts: null, problems };
  return {
    parts: {
      frontmatter: { text: lines.slice(1, close).join('\n'), firstLine: 2 },
      body: `${'\n'.repeat(close + 1)}${lines.slice(close + 1).join('\n')}`,
      bodyLine: close + 2,
    },
    problems: [],
  };
}
