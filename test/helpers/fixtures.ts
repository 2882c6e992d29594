import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigResolver } from '../../server/src/engine/config/discover';
import { lintText, type FileReport, type Finding, type TextEdit } from '../../server/src/engine/lint';
import { LineIndex } from '../../server/src/engine/text/positions';
import { TODAY } from './lint';

/** test/fixtures/rules: one folder per rule, holding `fires*` and `passes*` inputs. */
export const RULE_FIXTURES = fileURLToPath(new URL('../fixtures/rules', import.meta.url));

const CASE = /^(fires|passes)([-.])/;

/** The `fires*` and `passes*` files under a folder, in subfolders too, sorted. */
export function fixtureCases(dir: string): { fires: string[]; passes: string[] } {
  const fires: string[] = [];
  const passes: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (CASE.test(entry.name)) (entry.name.startsWith('fires') ? fires : passes).push(path);
    }
  };
  walk(dir);
  return { fires, passes };
}

export function ruleFixture(ruleId: string, name: string): string {
  return join(RULE_FIXTURES, ruleId, name);
}

export function readFixture(ruleId: string, name: string): string {
  return readFileSync(ruleFixture(ruleId, name), 'utf8');
}

/** Lints text as if it were the file at `path`, under the .chokepoint.yaml found by walking up from it. */
export function lintAs(path: string, text: string): FileReport {
  const absolute = resolve(path);
  const config = new ConfigResolver().configFor(absolute);
  return lintText(absolute, text, { config, explicit: true, now: TODAY });
}

/** Applies LSP-style edits (0-based line and character) to a text, last edit first so earlier ranges stay valid. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const span of spans) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}

/** The source text a finding underlines. */
export function underlined(text: string, finding: Finding): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end));
}
