/**
 * The candidate a mistyped name most likely meant: the closest by edit distance (a swap of two
 * neighbouring characters counts as one edit), if it is within a third of the name's length (at
 * least 2 edits); otherwise the one candidate the name begins, if exactly one does.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const word = name.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const prefixed: string[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    if (word.length >= 3 && candidate.toLowerCase().startsWith(word)) prefixed.push(candidate);
  }
  return best ?? (prefixed.length === 1 ? prefixed[0] : undefined);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
