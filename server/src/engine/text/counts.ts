/** "1 error", "2 warnings". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 problems (1 error, 2 warnings, 0 info)", or "no problems". */
export function problemCounts(counts: { error: number; warning: number; info: number }): string {
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return 'no problems';
  return `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
}
