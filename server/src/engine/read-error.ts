import { effectiveSeverity } from './config/presets';
import type { ResolvedConfig } from './config/resolved';
import { formatOf } from './parse';
import type { FileReport } from './lint';
import { ruleMeta } from './rules/index';

/** "EACCES: permission denied", without the path Node appends (the finding is on that path). */
export function errorReason(error: unknown): string {
  return ((error as Error).message ?? String(error)).replace(/, \w+ '.*'$/s, '');
}

/**
 * The report of a file or folder a scan found but could not read: one `read-error` finding at its
 * start, at the severity the config gives the rule; undefined when the config turns it off.
 */
export function readErrorReport(path: string, what: 'file' | 'folder', error: unknown, config: ResolvedConfig): FileReport | undefined {
  const meta = ruleMeta('read-error')!;
  const severity = effectiveSeverity(config.preset, config.rules[meta.id]?.severity, meta);
  if (severity === 'off') return undefined;
  const lost = what === 'folder' ? 'nothing in it was linted' : 'it was not linted';
  return {
    uri: path,
    format: formatOf(path, ''),
    findings: [{
      ruleId: meta.id,
      severity,
      message: `Chokepoint cannot read this ${what} (${errorReason(error)}), so ${lost}.`,
      detail: `Give the user who runs Chokepoint read access to it or, if it holds no configuration, list it under ignore: in .chokepoint.yaml.`,
      uri: path,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      related: [],
      fixes: [],
      subjects: [],
    }],
    suppressed: [],
    usedConfigSuppressions: [],
  };
}
