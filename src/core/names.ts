/**
 * Matching indicator names the way a person would: ignoring case, spacing
 * and punctuation, and suggesting the nearest names when nothing matches.
 */

/** "Primary schools rated 'Good' or 'Outstanding'" and "primary schools rated Good or Outstanding" normalise alike. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '');
}

/** Edit distance between two strings (Levenshtein), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates spelt nearly the same as `wanted`, best first, at most `limit`.
 * Only near spellings (a few typing slips) qualify: a different name that merely
 * shares words ("Care leavers EET" and "Care leavers in suitable accommodation")
 * is never suggested, because a wrong suggestion followed publishes a figure
 * under the wrong indicator.
 */
export function closestNames(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const target = normaliseName(wanted);
  return candidates
    .map((name) => {
      const normalised = normaliseName(name);
      return { name, score: editDistance(target, normalised), length: Math.max(target.length, normalised.length) };
    })
    .filter(({ score, length }) => score <= Math.max(2, Math.floor(length * 0.2)))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}
