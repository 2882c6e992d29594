import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigResolver } from '../../server/src/engine/config/discover';
import { parseConfigText } from '../../server/src/engine/config/load';
import { emptyConfig, type ResolvedConfig } from '../../server/src/engine/config/resolved';
import { lintText, type FileReport } from '../../server/src/engine/lint';

/** A fixed "today" so suppression expiry in fixtures is deterministic. */
export const TODAY = new Date('2026-11-22T00:00:00Z');

/** Lints a fixture file as the CLI would: its .chokepoint.yaml found by walking up, named explicitly. */
export function lintFile(path: string, options: { now?: Date } = {}): FileReport {
  const absolute = resolve(path);
  const config = new ConfigResolver().configFor(absolute);
  return lintText(absolute, readFileSync(absolute, 'utf8'), { config, explicit: true, now: options.now ?? TODAY });
}

/** Lints source text under an optional inline .chokepoint.yaml. */
export function lintSource(name: string, text: string, configYaml?: string, now: Date = TODAY): FileReport {
  const file = resolve('/virtual', name);
  const config: ResolvedConfig = configYaml === undefined ? emptyConfig(dirname(file)) : parseConfigText(resolve('/virtual/.chokepoint.yaml'), '/virtual', configYaml);
  if (config.problems.length > 0) throw new Error(`fixture config invalid: ${config.problems.map((p) => p.message).join('; ')}`);
  return lintText(file, text, { config, explicit: true, now });
}

/** The ids of the active findings, for compact assertions. */
export function ruleIds(report: FileReport): string[] {
  return report.findings.map((f) => f.ruleId);
}

export function findingsOf(report: FileReport, ruleId: string) {
  return report.findings.filter((f) => f.ruleId === ruleId);
}

/** A finding's message and its detail together: what a test of the full explanation reads. */
export function fullText(finding: { message: string; detail?: string }): string {
  return finding.detail ? `${finding.message} ${finding.detail}` : finding.message;
}
