import { unboundedGlob } from '../engine/text/glob';
import type { PresetName, SeverityOrOff } from '../engine/config/schema';

/** The `chokepoint.*` settings, as the client sends them. */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Severity overrides on top of .chokepoint.yaml, like `--rule`. */
  rules: Record<string, SeverityOrOff>;
  /** Overrides the preset of .chokepoint.yaml when set. */
  preset: PresetName | '';
  /** Globs of files to lint even when Chokepoint does not recognize them. */
  extraFiles: string[];
  /** Files above this size (MB) are not linted in the editor. */
  maxFileSizeMB: number;
}

/** `chokepoint.preset`'s default: the preset of the file's .chokepoint.yaml. Earlier versions wrote it as "". */
export const PRESET_FROM_CONFIG = 'fromConfig';

// Written out rather than imported from config/schema.ts, which would bring zod into the extension's bundle.
export const SETTING_PRESETS = ['recommended', 'strict', 'l2beat-stage1'] as const satisfies readonly PresetName[];
export const SETTING_SEVERITIES = ['off', 'info', 'warning', 'error'] as const satisfies readonly SeverityOrOff[];

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', rules: {}, preset: '', extraFiles: [], maxFileSizeMB: 50 };

/** The settings the server applies: an entry of `rules` without a valid severity, or an unknown preset, is dropped (and reported, settings-problems.ts). */
export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    rules: validRules(value.rules),
    preset: isPreset(value.preset) ? value.preset : '',
    extraFiles: Array.isArray(value.extraFiles) ? value.extraFiles.filter((g): g is string => typeof g === 'string' && unboundedGlob(g) === undefined) : [],
    maxFileSizeMB: typeof value.maxFileSizeMB === 'number' && value.maxFileSizeMB > 0 ? value.maxFileSizeMB : DEFAULT_SETTINGS.maxFileSizeMB,
  };
}

export function isPreset(value: unknown): value is PresetName {
  return (SETTING_PRESETS as readonly unknown[]).includes(value);
}

export function isSeverity(value: unknown): value is SeverityOrOff {
  return (SETTING_SEVERITIES as readonly unknown[]).includes(value);
}

function validRules(rules: unknown): Record<string, SeverityOrOff> {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return {};
  return Object.fromEntries(Object.entries(rules).filter((entry): entry is [string, SeverityOrOff] => isSeverity(entry[1])));
}
