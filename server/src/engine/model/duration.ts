const UNITS = lookupTable<number>({
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3_600, hr: 3_600, hrs: 3_600, hour: 3_600, hours: 3_600,
  d: 86_400, day: 86_400, days: 86_400,
  w: 604_800, wk: 604_800, week: 604_800, weeks: 604_800,
});
import { lookupTable } from '../text/lookup';

// One run of blanks around the optional hyphen, so a long run of blanks cannot be split two ways (linear time).
const DURATION = /^(\d+(?:\.\d+)?)\s*(?:-\s*)?([a-z]+)?$/i;
/** Longer than any duration anyone writes; longer text is no duration. */
const MAX_DURATION_TEXT = 64;

/**
 * Reads a duration as people write it in configs: 604800, "604800s", "7d", "7 days", "7-day",
 * "168h", "1w". Bare numbers are seconds. Returns undefined for anything else.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.length > MAX_DURATION_TEXT) return undefined;
  const match = DURATION.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (!match[2]) return amount;
  const unit = UNITS[match[2].toLowerCase()];
  return unit === undefined ? undefined : amount * unit;
}

/** 604800 → "7 days", 43200 → "12 hours", 302400 → "3.5 days", 0 → "0 seconds". */
export function formatDuration(seconds: number): string {
  const plural = (n: number, unit: string) => `${Number(n.toFixed(2))} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds >= 86_400) return plural(seconds / 86_400, 'day');
  if (seconds >= 3_600) return plural(seconds / 3_600, 'hour');
  if (seconds >= 60) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}

/** 1209600 → "14-day", 43200 → "12-hour": a duration used as an adjective. */
export function durationAdjective(seconds: number): string {
  return formatDuration(seconds).replace(/ (day|hour|minute|second)s?$/, '-$1');
}
