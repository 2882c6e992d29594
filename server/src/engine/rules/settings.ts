import { THRESHOLDS, type Threshold, type ThresholdId } from '../data/thresholds';
import type { AuthorityModel, Origin, Parameter } from '../model/schema';

/**
 * Helpers for rules that read framework settings (governance, staking) through the model: the
 * standard a setting is held to comes from the parameter the adapter recorded at the same place,
 * so the rule never names a framework's threshold itself.
 */

const samePlace = (a: Origin, b: Origin) => a.file === b.file && a.path.length === b.path.length && a.path.every((step, i) => step === b.path[i]);

export function parameterAt(model: AuthorityModel, at: Origin): Parameter | undefined {
  return model.parameters.find((p) => samePlace(p.at, at));
}

/** The setting as the file names it (the parameter id the adapter recorded), or a plain description. */
export function nameAt(model: AuthorityModel, at: Origin, fallback: string): string {
  return parameterAt(model, at)?.id ?? fallback;
}

export function standardAt(model: AuthorityModel, at: Origin): Threshold | undefined {
  const id = parameterAt(model, at)?.standard;
  return id && id in THRESHOLDS ? THRESHOLDS[id as ThresholdId] : undefined;
}

/** A fraction written the way the file writes the one it replaces: "0.100000000000000000" → "0.334000000000000000". */
export function ratioLike(raw: Parameter['value'] | undefined, value: number): string | number {
  if (typeof raw !== 'string') return value;
  const decimals = /^\d+\.(\d+)$/.exec(raw.trim())?.[1].length;
  const text = String(value);
  if (!decimals) return text;
  const [whole, fraction = ''] = text.split('.');
  return fraction.length > decimals ? text : `${whole}.${fraction.padEnd(decimals, '0')}`;
}

/**
 * A duration in the file's own encoding: "172800s" for proto JSON, integer nanoseconds for amino
 * and Go's encoding/json ("172800000000000", or a number), with the unit where the file writes it ("172800000000000ns").
 */
export function durationLike(raw: Parameter['value'] | undefined, seconds: number): string | number {
  if (typeof raw === 'number') return seconds * 1e9;
  if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return (BigInt(seconds) * 1_000_000_000n).toString();
  if (typeof raw === 'string' && /^\d+ns$/.test(raw.trim())) return `${BigInt(seconds) * 1_000_000_000n}ns`;
  return `${seconds}s`;
}
