/**
 * Quick-fix round trip: every fix offered on every fixture and example is applied, one at a time on
 * the original text, the way an editor applies the LSP edit; then fix-all (source.fixAll) on each file.
 * After each: the file parses with no new problems, the finding is gone, every byte outside the
 * edit is unchanged (its byte-order mark and line endings too), the edit itself writes one scalar in the file's own quoting, every other value
 * and every key keeps its place, and every comment is kept. A value-changing fix is a suggestion
 * (never in fix-all), says what it changes, and is offered only on files that plan a deployment.
 * Fix-all, which fix on save applies, must keep every value: it only removes unused suppressions.
 *
 * YAML fixes are text splices of one scalar, not a re-serialized `yaml` Document (which would move
 * comments and reflow the file). For YAML the result is also checked against the `yaml` package's
 * document editing: `setIn(path, value)` on the original must give the same data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { parseDocument as parseYamlDocument } from 'yaml';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintText, type FileReport, type Finding, type TextEdit } from '../server/src/engine/lint';
import { parseDocument, type ParsedDocument, type Path } from '../server/src/engine/parse';
import { fixAllEdits } from '../server/src/lsp/code-actions';
import type { LintEntry } from '../server/src/lsp/linting';
import { formProblems } from './helpers/editor-actions';
import { TODAY } from './helpers/lint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LINTED = /\.(json|jsonc|ya?ml|toml)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (LINTED.test(entry.name) && !/^\.chokepoint\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

const FILES = [...walk(join(ROOT, 'test/fixtures')), ...walk(join(ROOT, 'examples'))];
const resolver = new ConfigResolver();
const stats = { fixes: 0, files: new Set<string>(), fixAll: 0, failures: 0 };

function lint(path: string, text: string): FileReport {
  return lintText(path, text, { config: resolver.configFor(path), explicit: true, now: TODAY });
}

/** Applies edits the way the language client does, through the LSP text document. */
function apply(path: string, text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(`file://${path}`, 'plaintext', 1, text), edits.map((e) => ({ range: e.range, newText: e.newText })));
}

type Leaf = { path: Path; value: unknown };

/** Every scalar and empty container, depth first in source order, descending into JSON held in a string. */
function leaves(value: unknown, path: Path = [], out: Leaf[] = []): Leaf[] {
  if (typeof value === 'string' && /^\s*[{[]/.test(value)) {
    try {
      const inner: unknown = JSON.parse(value);
      if (inner && typeof inner === 'object') return leaves(inner, path, out);
    } catch {
      // Not JSON: an ordinary string.
    }
  }
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => leaves(item, [...path, i], out));
  else if (value && typeof value === 'object' && Object.keys(value).length > 0) for (const [key, item] of Object.entries(value)) leaves(item, [...path, key], out);
  else out.push({ path, value });
  return out;
}

const key = (path: Path) => JSON.stringify(path);

/** The path whose value the edit replaces: the leaf located exactly at the edit's range. */
function editedPath(doc: ParsedDocument, edit: TextEdit): Path | undefined {
  const start = doc.lines.offsetAt(edit.range.start);
  const end = doc.lines.offsetAt(edit.range.end);
  return leaves(doc.value).find((leaf) => {
    const span = doc.locate(leaf.path)?.value;
    return span?.start === start && span.end === end;
  })?.path;
}

/** Where a position of the original text lands after an edit (a position inside the edit lands on its start). */
function mapOffset(offset: number, start: number, end: number, newLength: number): number {
  if (offset <= start) return offset;
  if (offset >= end) return offset - (end - start) + newLength;
  return start;
}

const quoteOf = (text: string) => (/^["']/.test(text) ? text[0] : '');

/** Checks one applied edit set against the original; returns what went wrong, or nothing. */
function checkEdits(path: string, before: ParsedDocument, edits: TextEdit[], after: string): string[] {
  const problems = formProblems(before.text, after);
  const afterDoc = parseDocument(path, after);
  const newProblems = afterDoc.problems.filter((p) => !before.problems.some((q) => q.message === p.message));
  if (newProblems.length > 0) problems.push(`new parse problems: ${newProblems.map((p) => p.message).join('; ')}`);

  // Byte for byte outside each edit: compare the original and the result segment by segment.
  const spans = edits.map((e) => ({ start: before.lines.offsetAt(e.range.start), end: before.lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  let shift = 0;
  let cursor = 0;
  for (const span of spans) {
    if (before.text.slice(cursor, span.start) !== after.slice(cursor + shift, span.start + shift)) problems.push(`text before offset ${span.start} changed`);
    if (after.slice(span.start + shift, span.start + shift + span.newText.length) !== span.newText) problems.push(`the edit at ${span.start} was not written as given`);
    shift += span.newText.length - (span.end - span.start);
    cursor = span.end;
  }
  if (before.text.slice(cursor) !== after.slice(cursor + shift)) problems.push('text after the last edit changed');

  // Each edit writes one scalar on one line, in the quoting the old value used.
  const edited = new Map<string, unknown>();
  for (const edit of edits) {
    const at = editedPath(before, edit);
    const old = before.text.slice(before.lines.offsetAt(edit.range.start), before.lines.offsetAt(edit.range.end));
    if (!at) {
      problems.push(`edit "${edit.newText}" does not replace exactly one value`);
      continue;
    }
    if (edit.newText.includes('\n') && !old.includes('\n')) problems.push(`edit "${edit.newText}" adds a line`);
    const oldValue = leaves(before.value).find((l) => key(l.path) === key(at))?.value;
    const newLeaf = leaves(afterDoc.value).find((l) => key(l.path) === key(at));
    if (!newLeaf || (newLeaf.value !== null && typeof newLeaf.value === 'object')) problems.push(`${key(at)} is no longer one scalar`);
    else if (typeof oldValue === 'string' && typeof newLeaf.value === 'string' && quoteOf(old) !== quoteOf(edit.newText) && before.scalarStyle(at).enclosing === undefined) {
      problems.push(`${key(at)} was written ${quoteOf(old) || 'unquoted'}, the fix writes ${edit.newText}`);
    }
    if (newLeaf) edited.set(key(at), newLeaf.value);
    // YAML: the data must equal what the yaml package's document editing gives for the same change.
    if (before.format === 'yaml' && newLeaf) {
      const yamlDoc = parseYamlDocument(before.text);
      yamlDoc.setIn(at, newLeaf.value);
      if (JSON.stringify(yamlDoc.toJS()) !== JSON.stringify(afterDoc.value)) problems.push(`${key(at)}: the splice and yaml's setIn give different data`);
    }
  }

  // Every other value unchanged, every key in its place.
  const was = leaves(before.value).map((l) => [key(l.path), edited.has(key(l.path)) ? edited.get(key(l.path)) : l.value]);
  const now = leaves(afterDoc.value).map((l) => [key(l.path), l.value]);
  if (JSON.stringify(was) !== JSON.stringify(now)) problems.push('values or keys other than the edited ones changed');

  const comments = (doc: ParsedDocument) => doc.comments.map((c) => c.text);
  if (JSON.stringify(comments(before)) !== JSON.stringify(comments(afterDoc))) problems.push('comments changed');
  return problems;
}

/** For fix-all and fix on save: the data is the same, the file parses as before, and only Chokepoint comments went. */
function checkMeaningKept(path: string, before: ParsedDocument, after: string): string[] {
  const problems = formProblems(before.text, after);
  const afterDoc = parseDocument(path, after);
  if (afterDoc.problems.length > before.problems.length) problems.push(`new parse problems: ${afterDoc.problems.map((p) => p.message).join('; ')}`);
  if (JSON.stringify(leaves(afterDoc.value)) !== JSON.stringify(leaves(before.value))) problems.push('a value changed');
  const gone = before.comments.map((c) => c.text).filter((c) => !afterDoc.comments.some((d) => d.text === c));
  if (gone.some((c) => !/chokepoint-disable/.test(c))) problems.push(`removed a comment that is not a suppression: ${gone.join(' | ')}`);
  return problems;
}

/** A finding of the same rule still at the place the fix addressed. */
function stillThere(before: ParsedDocument, finding: Finding, edits: TextEdit[], report: FileReport): Finding | undefined {
  let offset = before.lines.offsetAt(finding.range.start);
  const spans = edits.map((e) => ({ start: before.lines.offsetAt(e.range.start), end: before.lines.offsetAt(e.range.end), length: e.newText.length })).sort((a, b) => b.start - a.start);
  for (const span of spans) offset = mapOffset(offset, span.start, span.end, span.length);
  const afterDoc = parseDocument(report.uri, apply(report.uri, before.text, edits));
  const position = afterDoc.lines.positionAt(offset);
  return report.findings.find((f) => f.ruleId === finding.ruleId && f.range.start.line === position.line && f.range.start.character === position.character);
}

describe('quick-fix round trip', () => {
  it('has fixtures with fixes', () => {
    expect(FILES.length).toBeGreaterThan(100);
  });

  for (const file of FILES) {
    const name = file.slice(ROOT.length);
    const text = readFileSync(file, 'utf8');
    const path = resolve(file);
    const report = lint(path, text);
    const withFixes = report.findings.filter((f) => f.fixes.length > 0);
    if (withFixes.length === 0) continue;
    const before = parseDocument(path, text);

    it(`${name}: each fix applies cleanly and removes its finding`, () => {
      const failures: string[] = [];
      for (const finding of withFixes) {
        for (const fix of finding.fixes) {
          const what = `${finding.ruleId} "${fix.title}"`;
          const foreign = fix.edits.filter((e) => e.uri !== path);
          if (foreign.length > 0) failures.push(`${what}: edits another file`);
          const edits = fix.edits.filter((e) => e.uri === path);
          const after = apply(path, text, edits);
          const problems = fix.autofix ? checkMeaningKept(path, before, after) : checkEdits(path, before, edits, after);
          if (!fix.autofix && report.adapter?.describes !== 'plan') problems.push(`changes a value in a file that describes a deployed chain (${report.adapter?.title})`);
          if (!fix.autofix && !/\(changes [^)]+\)$/.test(fix.title)) problems.push('a value-changing fix whose title does not say what it changes');
          const remaining = stillThere(before, finding, edits, lint(path, after));
          if (remaining) problems.push(`the finding is still reported: ${remaining.message}`);
          failures.push(...problems.map((p) => `${what}: ${p}`));
          stats.fixes++;
          stats.files.add(name);
          if (problems.length > 0) stats.failures++;
        }
      }
      expect(failures).toEqual([]);
    });
  }

  for (const file of FILES) {
    const name = file.slice(ROOT.length);
    const text = readFileSync(file, 'utf8');
    const path = resolve(file);
    const report = lint(path, text);
    const all = fixAllEdits({ report } as LintEntry);
    if (all.length === 0) continue;
    it(`${name}: fix-all (and fix on save) keeps every value and removes what it fixes`, () => {
      const before = parseDocument(path, text);
      const edits = all.map((e) => ({ ...e, uri: path }));
      const after = apply(path, text, edits);
      const problems = checkMeaningKept(path, before, after);
      const afterReport = lint(path, after);
      for (const finding of report.findings.filter((f) => f.fixes.some((x) => x.autofix && x.edits.every((e) => all.some((a) => a.range === e.range))))) {
        const remaining = stillThere(before, finding, edits, afterReport);
        if (remaining) problems.push(`${finding.ruleId} is still reported: ${remaining.message}`);
      }
      stats.fixAll++;
      if (problems.length > 0) stats.failures++;
      expect(problems).toEqual([]);
    });
  }

  it('fix-all takes only the fixes that keep the meaning', () => {
    const taken = new Set<string>();
    for (const file of FILES) {
      const report = lint(resolve(file), readFileSync(file, 'utf8'));
      for (const finding of report.findings) for (const fix of finding.fixes) if (fix.autofix) taken.add(finding.ruleId);
    }
    expect([...taken]).toEqual(['unused-suppression']);
  });

  it('reports the figure', () => {
    console.log(`fix round trip: ${stats.fixes} fixes on ${stats.files.size} files, plus fix-all on ${stats.fixAll} files, ${stats.failures} failures`);
    expect(stats.fixes).toBeGreaterThan(0);
  });
});
