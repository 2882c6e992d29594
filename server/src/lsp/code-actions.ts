import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { suppressionInsertion, type Insertion } from '../engine/config/edit';
import { REASON_PLACEHOLDER, suppressionComment } from '../engine/directive-edits';
import type { ResolvedFix } from '../engine/lint';
import { addressName } from '../engine/model/address';
import type { Address } from '../engine/model/schema';
import { ruleMeta } from '../engine/rules/index';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './diagnostics';
import type { LintEntry } from './linting';
import { LineIndex } from '../engine/text/positions';
import { pathToUri } from './uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
/** Fix-all (and fix on save) applies only fixes that keep every value, such as removing an unused suppression. */
export const FIX_ALL_TITLE = 'Fix all auto-fixable Chokepoint problems (changes no value)';

export interface ActionContext {
  uri: string;
  entry: LintEntry;
  diagnostics: Diagnostic[];
  range: Range;
  only?: string[];
  /** Folder for a new .chokepoint.yaml when none applies yet. */
  workspaceRoot?: string;
  /** The text of a file open in the editor, unsaved changes included. */
  openText?: (path: string) => string | undefined;
}

function ourData(diagnostic: Diagnostic): DiagnosticData | undefined {
  return diagnostic.source === SOURCE && diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as DiagnosticData) : undefined;
}

function fixEdit(uri: string, fixes: ResolvedFix[]): WorkspaceEdit {
  return { changes: { [uri]: fixes.flatMap((fix) => fix.edits.map((e) => ({ range: e.range, newText: e.newText }))) } };
}

/** The fixes that keep the file's meaning, of every finding in the file, dropping any that overlap one already taken. */
export function fixAllEdits(entry: LintEntry): TextEdit[] {
  const edits: TextEdit[] = [];
  const taken: Range[] = [];
  const overlaps = (a: Range, b: Range) => !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character <= b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character <= a.start.character));
  for (const finding of entry.report.findings) {
    const fix = finding.fixes.find((f) => f.autofix);
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(t, e.range)))) continue;
    for (const e of fix.edits) {
      edits.push({ range: e.range, newText: e.newText });
      taken.push(e.range);
    }
  }
  return edits;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Code actions for a range: each finding's fixes, suppress, declare, documentation, and fix-all. */
export function codeActions(context: ActionContext): CodeAction[] {
  const { uri, entry, only } = context;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const declared = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const data = ourData(diagnostic);
      if (!data) continue;
      data.fixes.forEach((fix, i) => {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 && fix.autofix, edit: fixEdit(uri, [fix]) });
      });
      const meta = ruleMeta(data.ruleId);
      if (meta && meta.category !== 'engine') {
        const suppress = suppressAction(context, diagnostic, data.ruleId);
        if (suppress) actions.push(suppress);
        const declare = declareAction(context, diagnostic, data);
        // Two diagnostics about one address offer one "Declare".
        if (declare && !declared.has(declare.title)) {
          declared.add(declare.title);
          actions.push(declare);
        }
      }
      if (meta) actions.push({ title: `Show documentation for ${data.ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Show documentation', command: 'chokepoint.showDocumentation', arguments: [data.ruleId] } });
    }
    const all = fixAllEdits(entry);
    if (all.length > 0 && context.diagnostics.some((d) => ourData(d))) {
      actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: all } } });
    }
  }
  if (only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`) || o === CodeActionKind.Source)) {
    const all = fixAllEdits(entry);
    if (all.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [uri]: all } } });
  }
  return actions;
}

function suppressAction(context: ActionContext, diagnostic: Diagnostic, ruleId: string): CodeAction | undefined {
  const { entry, uri } = context;
  const comment = suppressionComment(entry.doc, diagnostic.range.start.line, ruleId);
  if (comment) {
    const position = { line: comment.line, character: 0 };
    return {
      title: `Suppress ${ruleId} on this line with a reason…`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: comment.text }] } },
      command: { title: 'Write the reason', command: 'chokepoint.selectPlaceholder', arguments: [uri, comment.line, REASON_PLACEHOLDER] },
    };
  }
  // JSON has no comments: record the accepted risk in .chokepoint.yaml instead.
  const data = ourData(diagnostic);
  const configPath = entry.config.file ?? join(context.workspaceRoot ?? dirname(entry.path), '.chokepoint.yaml');
  const relativeFile = relativeTo(dirname(configPath), entry.path);
  const address = data?.subjects.length ? holderAddress(entry, data.subjects[0]) : undefined;
  const before = configText(configPath, context.openText);
  const insertion = suppressionInsertion(before, { rule: ruleId, files: relativeFile, ...(address ? { address: address.raw } : {}), reason: REASON_PLACEHOLDER });
  if (!insertion) return undefined;
  const reasonLine = new LineIndex(before.slice(0, insertion.offset) + insertion.text).positionAt(insertion.offset + insertion.text.indexOf(REASON_PLACEHOLDER)).line;
  return {
    title: `Suppress ${ruleId} for ${address ? addressName(address) : 'this file'} in .chokepoint.yaml with a reason…`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: insertInFile(configPath, before, insertion),
    command: { title: 'Write the reason', command: 'chokepoint.selectPlaceholder', arguments: [pathToUri(configPath), reasonLine, REASON_PLACEHOLDER] },
  };
}

/** A .chokepoint.yaml as the editor has it (unsaved changes too), else as on disk, else empty. */
export function configText(path: string, openText?: (path: string) => string | undefined): string {
  return openText?.(path) ?? (existsSync(path) ? readFileSync(path, 'utf8') : '');
}

/** One insertion into a file (created when missing), so every other byte of it stays as written. */
export function insertInFile(path: string, before: string, insertion: Insertion): WorkspaceEdit {
  const uri = pathToUri(path);
  const at = new LineIndex(before).positionAt(insertion.offset);
  const edit = { range: { start: at, end: at }, newText: insertion.text };
  if (before === '' && !existsSync(path)) {
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [edit] }] };
  }
  return { documentChanges: [{ textDocument: { uri, version: null }, edits: [edit] }] };
}

function declareAction(context: ActionContext, diagnostic: Diagnostic, data: DiagnosticData): CodeAction | undefined {
  const entities = context.entry.report.entities;
  const key = data.subjects.find((k) => entities?.all().some((e) => e.addressKeys.includes(k) && (e.kind === 'unknown' || (e.kind === 'multisig' && e.threshold === undefined))));
  if (!key) return undefined;
  const address = holderAddress(context.entry, key);
  if (!address) return undefined;
  return {
    title: `Declare ${addressName(address)}: a key, a multisig, a timelock…`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Declare this address', command: 'chokepoint.declareAddress', arguments: [{ uri: context.uri, address: address.raw, line: diagnostic.range.start.line }] },
  };
}

/** The holder's address (as the file writes it) for a normalized key. */
function holderAddress(entry: LintEntry, key: string): Address | undefined {
  return entry.report.model?.grants.find((g) => g.holder.key === key)?.holder;
}

function relativeTo(dir: string, path: string): string {
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}
