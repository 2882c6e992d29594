import { nearestRuleId, ruleMeta } from '../engine/rules/index';
import { nearest } from '../engine/text/nearest';
import { isPreset, isSeverity, normalizeSettings, PRESET_FROM_CONFIG, SETTING_PRESETS, SETTING_SEVERITIES, type Settings } from './settings';

export const SETTINGS_PROBLEMS_NOTIFICATION = 'chokepoint/settingsProblems';

export interface SettingsProblemsParams {
  problems: string[];
}

/**
 * The settings the server applies, and what is wrong with the `chokepoint` section as written:
 * unknown rule ids and severities that are none (each dropped, naming the nearest valid one, as
 * `--rule` and .chokepoint.yaml do), and an unknown preset.
 */
export function checkSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const settings = normalizeSettings(raw);
  const value = (raw && typeof raw === 'object' ? raw : {}) as { rules?: unknown; preset?: unknown };
  const problems: string[] = [];
  const { rules, preset } = value;
  if (rules !== undefined && rules !== null && (typeof rules !== 'object' || Array.isArray(rules))) {
    problems.push('chokepoint.rules must map rule ids to severities, e.g. { "fee-capture": "off" }.');
  } else if (rules) {
    for (const [id, severity] of Object.entries(rules)) {
      if (!ruleMeta(id)) {
        const near = nearestRuleId(id);
        problems.push(`chokepoint.rules: unknown rule "${id}" — ${near ? `did you mean "${near}"?` : 'no rule has a similar id.'}`);
        delete settings.rules[id];
      } else if (!isSeverity(severity)) {
        const near = typeof severity === 'string' ? nearest(severity, SETTING_SEVERITIES) : undefined;
        problems.push(`chokepoint.rules: ${JSON.stringify(severity)} is not a severity for "${id}" — ${near ? `did you mean "${near}"?` : `use ${SETTING_SEVERITIES.join(', ')}.`}`);
      }
    }
  }
  if (preset !== undefined && preset !== '' && preset !== PRESET_FROM_CONFIG && !isPreset(preset)) {
    const near = typeof preset === 'string' ? nearest(preset, [PRESET_FROM_CONFIG, ...SETTING_PRESETS]) : undefined;
    problems.push(`chokepoint.preset: unknown preset ${JSON.stringify(preset)} — ${near ? `did you mean "${near}"?` : `use ${[PRESET_FROM_CONFIG, ...SETTING_PRESETS].join(', ')}.`} The preset of .chokepoint.yaml applies.`);
  }
  return { settings, problems };
}

/**
 * Says each settings problem once until the settings change, not on every lint: in the log, and
 * to the user as `chokepoint/settingsProblems` when the client shows them itself (the VS Code
 * extension, which offers to open the settings), else as `window/showMessage`.
 */
export class SettingsProblemReporter {
  private readonly told = new Set<string>();

  constructor(
    private readonly show: (problems: string[]) => void,
    private readonly log: (line: string) => void,
  ) {}

  report(problems: string[]): void {
    const fresh = problems.filter((problem) => !this.told.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.told.add(problem);
      this.log(problem);
    }
    this.show(fresh);
  }

  /** The settings changed: a problem still there is said again. */
  reset(): void {
    this.told.clear();
  }
}
