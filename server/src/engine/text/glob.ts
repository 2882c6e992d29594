/**
 * Globs a user writes are compiled to regular expressions, and a pattern such as
 * `*a*a*a*a*a*a*a*a*a*a*a*ab` backtracks exponentially against a long file name (picomatch took 53 s
 * on a 40-character name). A glob is accepted only when it is short and has at most a few wildcards
 * in each path segment, which every real pattern (`**` + `/*.json`, `chains/*-testnet/*.toml`) satisfies.
 */
export const MAX_GLOB_LENGTH = 256;
export const MAX_STARS_PER_SEGMENT = 3;

/** Why a glob is refused, or undefined when it is bounded. */
export function unboundedGlob(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `a glob is at most ${MAX_GLOB_LENGTH} characters`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = (segment.match(/\*+/g) ?? []).length;
    if (stars > MAX_STARS_PER_SEGMENT) return `"${segment.slice(0, 40)}" has ${stars} wildcards; a path segment may have at most ${MAX_STARS_PER_SEGMENT}`;
  }
  return undefined;
}
