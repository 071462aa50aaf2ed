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

/** The candidates closest to `wanted`, best first: at most `limit`, and only ones reasonably close. */
export function closestNames(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const target = normaliseName(wanted);
  return candidates
    .map((name) => {
      const normalised = normaliseName(name);
      const distance = editDistance(target, normalised);
      const contains = normalised.includes(target) || target.includes(normalised);
      return { name, score: contains ? distance / 4 : distance, length: Math.max(target.length, normalised.length) };
    })
    .filter(({ score, length }) => score <= Math.max(3, length * 0.6))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}
