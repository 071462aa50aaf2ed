import { z } from 'astro/zod';
import type { CellResult } from '../core/cells.ts';

/**
 * A spreadsheet cell read by one of the readers in `src/core/cells.ts`.
 * The reader's "expected" wording becomes the issue message, which
 * `parseWithFriendlyErrors` shows beside the line and column.
 * (Cells are read, never `z.coerce`d: a blank must not become 0.)
 */
export function cell<T>(read: (raw: string) => CellResult<T>) {
  return z.string().transform((raw, ctx): T => {
    const result = read(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.expected, input: raw });
    return z.NEVER;
  });
}
