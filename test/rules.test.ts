import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devKeyFor } from '../server/src/engine/data/dev-keys';
import type { FileReport, Finding } from '../server/src/engine/lint';
import { shortAddress } from '../server/src/engine/model/address';
import { parseDocument, type Path } from '../server/src/engine/parse';
import { RULES, ruleMeta } from '../server/src/engine/rules/index';
import { fixtureCases, RULE_FIXTURES, underlined } from './helpers/fixtures';
import { findingsOf, lintFile } from './helpers/lint';

const reports = new Map<string, FileReport>();

function report(path: string): FileReport {
  let cached = reports.get(path);
  if (!cached) {
    cached = lintFile(path);
    reports.set(path, cached);
  }
  return cached;
}

const name = (path: string) => relative(RULE_FIXTURES, path);

/** Lower-case words, so "forced-inclusion" matches "forcedInclusion" but "ref" does not match "reference". */
const words = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const mentions = (message: string, name: string) => ` ${words(message)} `.includes(` ${words(name)} `);

/** Titles and names of the model elements (grants, delays, flags, dependencies, councils) written where the finding is. */
function elementNames(finding: Finding, report: FileReport, text: string): string[] {
  const model = report.model;
  if (!model) return [];
  const doc = parseDocument(report.uri, text);
  const at = doc.lines.offsetAt(finding.range.start);
  const covers = (path: Path) => {
    const span = doc.locate(path)?.value;
    return span !== undefined && span.start <= at && at <= span.end;
  };
  const item = (path: Path) => path.slice(0, -1);
  return [
    ...model.grants.filter((g) => covers(g.at.path)).map((g) => g.title),
    ...model.delays.filter((d) => covers(d.at.path)).map((d) => d.title),
    ...model.flags.filter((f) => covers(f.at.path)).map((f) => f.title),
    ...(model.proofSystem && covers(model.proofSystem.at.path) ? [model.proofSystem.title] : []),
    ...model.dependencies.filter((d) => covers(item(d.at.path))).map((d) => d.name),
    ...model.councils.filter((c) => covers(item(c.at.path))).map((c) => c.name),
  ];
}

/** Words a message may use to name who or what it is about: the underlined value, its key, the holders, the model element. */
function namesFor(finding: Finding, report: FileReport, text: string): string[] {
  const value = underlined(text, finding).replace(/^["']|["']$/g, '');
  const line = text.split('\n')[finding.range.start.line] ?? '';
  const key = /^\s*(?:-\s*)?["']?([\w.-]+)["']?\s*[:=]/.exec(line)?.[1] ?? '';
  const names = [value, shortAddress(value), key, ...elementNames(finding, report, text)];
  for (const subject of finding.subjects) {
    const entity = report.entities?.all().find((e) => e.addressKeys.includes(subject));
    if (entity) names.push(entity.name, report.entities!.label(entity));
    const devKey = devKeyFor(subject);
    if (devKey) names.push(devKey.label);
  }
  return names.filter((n) => words(n).length >= 3);
}

function expectSentence(finding: Finding, report: FileReport, text: string): void {
  const { message } = finding;
  const context = `${finding.ruleId}: ${message}`;
  expect(message, context).toMatch(/[^.]\.$/);
  expect(message, context).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]| {2}| ,| \.(\s|$)|\.\.(?!\.)/);
  expect(message.split(/\s+/).length, context).toBeGreaterThanOrEqual(6);
  if (ruleMeta(finding.ruleId)?.category === 'engine') return;
  const names = namesFor(finding, report, text);
  const named = names.filter((n) => mentions(message, n));
  expect(named, `${context}\nnames none of: ${names.join(' | ')}`).not.toEqual([]);
  if (!/^[A-Z]/.test(message)) {
    expect(named.some((n) => message.startsWith(n)), `${context}\nstarts in lower case without starting with a name`).toBe(true);
  }
}

describe('rule fixtures', () => {
  it('has a folder for every rule and no folder for anything else', () => {
    const folders = readdirSync(RULE_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual(RULES.map((r) => r.meta.id).sort());
  });
});

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id) => {
  const folder = join(RULE_FIXTURES, id);
  const cases = existsSync(folder) ? fixtureCases(folder) : { fires: [], passes: [] };

  it('has at least one fires and one passes fixture', () => {
    expect(existsSync(folder), `missing ${folder}`).toBe(true);
    expect(cases.fires.length).toBeGreaterThan(0);
    expect(cases.passes.length).toBeGreaterThan(0);
  });

  it.each(cases.fires.map((path) => [name(path), path]))('fires on %s', (_label, path) => {
    expect(findingsOf(report(path), id).length).toBeGreaterThan(0);
  });

  it.each(cases.passes.map((path) => [name(path), path]))('does not fire on %s', (_label, path) => {
    const result = report(path);
    expect(findingsOf(result, id)).toEqual([]);
    expect(result.suppressed.filter((f) => f.ruleId === id), 'a passes fixture must not pass by suppression').toEqual([]);
  });

  it.each([...cases.fires, ...cases.passes].map((path) => [name(path), path]))('%s is read cleanly and every message is a sentence that names its subject', (_label, path) => {
    const result = report(path);
    expect(result.adapter, 'the fixture is not recognized as any supported config').toBeDefined();
    const engine = result.findings.filter((f) => ruleMeta(f.ruleId)?.category === 'engine');
    expect(engine.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    const text = readFileSync(path, 'utf8');
    for (const finding of result.findings) expectSentence(finding, result, text);
  });

});

describe.each(RULES.filter((rule) => rule.meta.fixable).map((rule) => [rule.meta.id] as const))('%s quick fix', (id) => {
  const folder = join(RULE_FIXTURES, id);
  const cases = fixtureCases(folder);

  it('is offered as a suggestion on a fires fixture that plans a deployment, never on one that describes a deployed chain', () => {
    const reports = cases.fires.map((path) => report(path));
    const planned = reports.filter((r) => r.adapter?.describes === 'plan').flatMap((r) => findingsOf(r, id)).flatMap((f) => f.fixes);
    expect(planned.length, `${id} needs a fires fixture of a file that plans a deployment, with a fix`).toBeGreaterThan(0);
    for (const fix of planned) {
      expect(fix.title).toMatch(/ \(changes [^)]+\)$/);
      expect(fix.autofix).toBe(false);
      expect(fix.edits.length).toBeGreaterThan(0);
      for (const edit of fix.edits) expect(edit.newText.length).toBeGreaterThan(0);
    }
    const described = reports.filter((r) => r.adapter?.describes === 'deployment').flatMap((r) => findingsOf(r, id));
    expect(described.flatMap((f) => f.fixes)).toEqual([]);
  });
});
