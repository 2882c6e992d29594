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

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', rules: {}, preset: '', extraFiles: [], maxFileSizeMB: 50 };

export function normalizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  return {
    enable: value.enable ?? DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    rules: value.rules && typeof value.rules === 'object' ? value.rules : {},
    preset: value.preset === 'recommended' || value.preset === 'strict' || value.preset === 'l2beat-stage1' ? value.preset : '',
    extraFiles: Array.isArray(value.extraFiles) ? value.extraFiles.filter((g): g is string => typeof g === 'string') : [],
    maxFileSizeMB: typeof value.maxFileSizeMB === 'number' && value.maxFileSizeMB > 0 ? value.maxFileSizeMB : DEFAULT_SETTINGS.maxFileSizeMB,
  };
}
