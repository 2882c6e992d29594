/**
 * "Declare" and "Suppress" on a file without comments (JSON) write to `.chokepoint.yaml` (issue 16).
 * Each tricky `.chokepoint.yaml` of test/fixtures/config-edits (CRLF, a byte-order mark, tabs in
 * comments, four-space indentation, flow mappings and sequences, a flow document, document markers,
 * several documents, comments only, duplicate keys, empty and null entries, wrong types) governs an OP
 * deploy config; every Suppress and Declare the server offers on its findings is applied the way the
 * client applies it. Each edit changes one place and keeps every other byte, the line endings, the
 * byte-order mark and every comment; the file then reads as the old data plus the new entry, and the
 * finding goes. Where no such edit exists, the action is offered disabled, saying why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver/node';
import { parse as parseYaml, parseDocument as parseYamlDocument } from 'yaml';
import { parseConfigText } from '../server/src/engine/config/load';
import { REASON_PLACEHOLDER } from '../server/src/engine/directive-edits';
import type { Finding } from '../server/src/engine/lint';
import { parseDocument } from '../server/src/engine/parse';
import { codeActions } from '../server/src/lsp/code-actions';
import { declarationEdit } from '../server/src/lsp/declare';
import { toDiagnostic } from '../server/src/lsp/diagnostics';
import { pathToUri } from '../server/src/lsp/uri';
import { actionsFor, applyLspEdits, commentTexts, editsByUri, formProblems, lintEntry } from './helpers/editor-actions';

const CASES = fileURLToPath(new URL('./fixtures/config-edits', import.meta.url));
const DEPLOY_CONFIG = readFileSync(fileURLToPath(new URL('./fixtures/tricky/crlf/deploy-config.json', import.meta.url)), 'utf8');
const REASON = 'accepted until the audit, tracked in OPS-7';
const DECLARED = { kind: 'multisig' as const, threshold: 6, signers: 8, delay: '14d' };

/** The cases where no entry can be added in place, and what the action says. */
const REFUSED: Record<string, RegExp> = {
  'multi-document': /more than one YAML document/,
  'duplicate-keys': /does not parse \(Map keys must be unique/,
  'wrong-types': /is not a (mapping of entities|list)/,
};

const NULL_TOKEN = /^(|~|null|Null|NULL)$/;
const stats = { suppressions: 0, declarations: 0, findingsGone: 0, refusals: 0 };

type Data = Record<string, unknown> & { entities?: Record<string, Record<string, unknown> | null> | null; suppressions?: unknown[] | null };

/** The edit made to the config, checked for keeping everything else: one place, bytes, form and comments. */
function configEditProblems(configPath: string, before: string, edits: TextEdit[]): { after: string; problems: string[] } {
  if (edits.length !== 1) return { after: before, problems: [`${edits.length} edits to .chokepoint.yaml, not one`] };
  const after = applyLspEdits(before, edits);
  const problems = formProblems(before, after);
  const doc = parseDocument(configPath, before, 'yaml');
  const start = doc.lines.offsetAt(edits[0].range.start);
  const end = doc.lines.offsetAt(edits[0].range.end);
  if (!NULL_TOKEN.test(before.slice(start, end))) problems.push(`replaces "${before.slice(start, end)}", not an empty value`);
  if (after !== before.slice(0, start) + edits[0].newText + before.slice(end)) problems.push('bytes outside the edit changed');
  const eol = before.includes('\r\n') ? '\r\n' : '\n';
  if (edits[0].newText.replaceAll(eol, '').search(/[\r\n]/) !== -1) problems.push(`writes a line break that is not the file's: ${JSON.stringify(edits[0].newText)}`);
  if (JSON.stringify(commentTexts(parseDocument(configPath, after, 'yaml'))) !== JSON.stringify(commentTexts(doc))) problems.push('comments changed');
  return { after, problems };
}

/** Problems of the config after the edit that it did not have before (a config that was valid stays valid). */
function newConfigProblems(configPath: string, dir: string, before: string, after: string): string[] {
  const had = parseConfigText(configPath, dir, before).problems.map((p) => p.message);
  return parseConfigText(configPath, dir, after).problems.map((p) => p.message).filter((m) => !had.includes(m));
}

describe('Declare and Suppress in a tricky .chokepoint.yaml', () => {
  const cases = readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  it('has the cases the issue names', () => {
    expect(cases).toEqual(expect.arrayContaining(['crlf', 'bom', 'tabs-in-comments', 'four-space-indent', 'flow-maps', 'multi-document', 'comment-only', 'duplicate-keys', 'empty-entries', 'null-values', 'wrong-types']));
  });

  for (const name of cases) {
    const dir = join(CASES, name);
    const configPath = join(dir, '.chokepoint.yaml');
    const before = readFileSync(configPath, 'utf8');
    const oldData = (parseYamlDocument(before, { uniqueKeys: false }).toJS() ?? {}) as Data;
    const config = parseConfigText(configPath, dir, before);
    // The deploy config as if it lay beside this .chokepoint.yaml.
    const path = join(dir, 'deploy-config.json');
    const entry = lintEntry(path, DEPLOY_CONFIG, config);
    const configValidAfter = (after: string) => parseConfigText(configPath, dir, after).problems.length === 0;

    const suppress = (finding: Finding, action: CodeAction): string[] => {
      stats.suppressions++;
      const edits = editsByUri(JSON.parse(JSON.stringify(action.edit).replaceAll(REASON_PLACEHOLDER, REASON))).get(pathToUri(configPath)) ?? [];
      const { after, problems } = configEditProblems(configPath, before, edits);
      if (problems.length > 0) return problems;
      const data = parseYaml(after) as Data;
      const added = data.suppressions?.at(-1) as Record<string, unknown> | undefined;
      const expectedEntry = { rule: finding.ruleId, files: 'deploy-config.json', ...(added && 'address' in added ? { address: added.address } : {}), reason: REASON };
      if (JSON.stringify(data) !== JSON.stringify({ ...oldData, suppressions: [...(oldData.suppressions ?? []), expectedEntry] })) problems.push(`reads as ${JSON.stringify(data)}, not the old data plus ${JSON.stringify(expectedEntry)}`);
      problems.push(...newConfigProblems(configPath, dir, before, after));
      if (configValidAfter(after)) {
        const report = lintEntry(path, DEPLOY_CONFIG, parseConfigText(configPath, dir, after)).report;
        const same = (f: Finding) => f.ruleId === finding.ruleId && f.range.start.line === finding.range.start.line && f.range.start.character === finding.range.start.character;
        if (report.findings.some(same) || !report.suppressed.some((f) => same(f) && f.suppression?.kind === 'config')) problems.push('the finding is not suppressed by the new entry');
        else stats.findingsGone++;
      }
      return problems;
    };

    const declare = (finding: Finding, action: CodeAction, id: string | undefined): string[] => {
      stats.declarations++;
      const [args] = action.command!.arguments as [{ uri: string; address: string; line: number }];
      const edit = declarationEdit(args.uri, entry, { address: args.address, line: args.line, ...DECLARED, entity: id }, dir);
      if ('reason' in edit) return [`refused: ${edit.reason}`];
      const { after, problems } = configEditProblems(configPath, before, editsByUri(edit).get(pathToUri(configPath)) ?? []);
      if (problems.length > 0) return problems;
      const entityId = id ?? `holder-${args.address.slice(2, 8).toLowerCase()}`;
      const old = oldData.entities?.[entityId];
      const fresh = { kind: DECLARED.kind, threshold: DECLARED.threshold, signers: DECLARED.signers, delay: DECLARED.delay, addresses: [args.address] };
      const merged = old ? { ...old, addresses: [...((old.addresses as unknown[]) ?? []), args.address] } : fresh;
      const expected = { ...oldData, entities: { ...(oldData.entities ?? {}), [entityId]: merged } };
      const data = parseYaml(after) as Data;
      if (JSON.stringify(data) !== JSON.stringify(expected)) problems.push(`reads as ${JSON.stringify(data.entities)}, not ${JSON.stringify(expected.entities)}`);
      problems.push(...newConfigProblems(configPath, dir, before, after));
      if (configValidAfter(after)) {
        const report = lintEntry(path, DEPLOY_CONFIG, parseConfigText(configPath, dir, after)).report;
        const entity = report.entities?.all().find((e) => e.id === entityId);
        const key = finding.subjects.find((k) => entity?.addressKeys.includes(k));
        if (!key) problems.push(`${entityId} does not hold the address afterwards`);
        else if (report.findings.some((f) => f.ruleId === 'unverified-authority' && f.subjects.includes(key))) problems.push('unverified-authority is still reported for it');
        else stats.findingsGone++;
      }
      return problems;
    };

    it(`${name}: every Suppress and Declare edits in place, or says why it cannot`, () => {
      const failures: string[] = [];
      const refused = REFUSED[name];
      const existing = oldData.entities && typeof oldData.entities === 'object' && !Array.isArray(oldData.entities) ? Object.keys(oldData.entities) : [];
      let offered = 0;
      for (const finding of entry.report.findings) {
        for (const action of actionsFor(entry, finding)) {
          const what = `${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1} "${action.title}"`;
          const isSuppress = action.title.startsWith('Suppress ');
          if (!isSuppress && !action.title.startsWith('Declare ')) continue;
          offered++;
          if (refused) {
            stats.refusals++;
            if (!action.disabled || !refused.test(action.disabled.reason)) failures.push(`${what}: not disabled with the reason (${action.disabled?.reason})`);
            if (action.edit || action.command) failures.push(`${what}: a disabled action still edits or runs`);
            continue;
          }
          if (action.disabled) {
            failures.push(`${what}: disabled: ${action.disabled.reason}`);
            continue;
          }
          const problems = isSuppress ? suppress(finding, action) : [undefined, ...existing].flatMap((id) => declare(finding, action, id).map((p) => `${id ?? 'a new entity'}: ${p}`));
          failures.push(...problems.map((p) => `${what}: ${p}`));
        }
      }
      expect(offered).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  }

  it('leaves the disabled actions out for a client that cannot show why', () => {
    const dir = join(CASES, 'multi-document');
    const config = parseConfigText(join(dir, '.chokepoint.yaml'), dir, readFileSync(join(dir, '.chokepoint.yaml'), 'utf8'));
    const entry = lintEntry(join(dir, 'deploy-config.json'), DEPLOY_CONFIG, config);
    const diagnostics = entry.report.findings.map((f) => toDiagnostic(f, pathToUri));
    const context = { uri: pathToUri(entry.path), entry, diagnostics, range: diagnostics[0].range, workspaceRoot: dir };
    const suppressOrDeclare = (actions: CodeAction[]) => actions.filter((a) => /^(Suppress|Declare) /.test(a.title));
    const shown = suppressOrDeclare(codeActions(context));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((a) => a.disabled?.reason)).toBe(true);
    expect(suppressOrDeclare(codeActions({ ...context, disabledSupport: false }))).toEqual([]);
  });

  it('declaring where the file cannot take it says why, on the server too', () => {
    const dir = join(CASES, 'multi-document');
    const config = parseConfigText(join(dir, '.chokepoint.yaml'), dir, readFileSync(join(dir, '.chokepoint.yaml'), 'utf8'));
    const entry = lintEntry(join(dir, 'deploy-config.json'), DEPLOY_CONFIG, config);
    const address = '0x7aE1b2C3d4E5f6A7b8C9d0E1f2A3b4C5d6E7f8A9';
    const edit = declarationEdit(pathToUri(entry.path), entry, { address, line: 11, ...DECLARED }, dir);
    expect(edit).toEqual({ reason: '.chokepoint.yaml holds more than one YAML document' });
  });

  it('reports the figure', () => {
    console.log(`config edits: ${stats.suppressions} suppressions and ${stats.declarations} declarations applied, ${stats.findingsGone} findings gone, ${stats.refusals} refusals`);
    expect(stats.findingsGone).toBeGreaterThan(0);
    expect(stats.refusals).toBeGreaterThan(0);
  });
});
