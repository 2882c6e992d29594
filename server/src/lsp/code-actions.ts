import { dirname } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { applyInsertion, entitiesRefusal, isRefusal, suppressionInsertion } from '../engine/config/edit';
import { REASON_PLACEHOLDER, suppressionComment } from '../engine/directive-edits';
import type { ResolvedFix } from '../engine/lint';
import { addressName } from '../engine/model/address';
import type { Address } from '../engine/model/schema';
import { ruleMeta } from '../engine/rules/index';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './diagnostics';
import type { LintEntry } from './linting';
import { LineIndex } from '../engine/text/positions';
import { configPathFor, configText, insertInFile } from './config-file';
import { declaresInComment } from './declare';
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
  /** False when the client cannot show an action disabled with its reason: such actions are left out. */
  disabledSupport?: boolean;
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
  return context.disabledSupport === false ? actions.filter((action) => !action.disabled) : actions;
}

function suppressAction(context: ActionContext, diagnostic: Diagnostic, ruleId: string): CodeAction | undefined {
  const { entry, uri } = context;
  const comment = suppressionComment(entry.doc, diagnostic.range.start.line, ruleId);
  if (comment) {
    const position = { line: comment.line, character: comment.character };
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
  const configPath = configPathFor(entry, context.workspaceRoot);
  const relativeFile = relativeTo(dirname(configPath), entry.path);
  const address = data?.subjects.length ? holderAddress(entry, data.subjects[0]) : undefined;
  const before = configText(configPath, context.openText);
  const insertion = suppressionInsertion(before, { rule: ruleId, files: relativeFile, ...(address ? { address: address.raw } : {}), reason: REASON_PLACEHOLDER });
  const title = `Suppress ${ruleId} for ${address ? addressName(address) : 'this file'} in .chokepoint.yaml with a reason…`;
  if (isRefusal(insertion)) return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: insertion.reason } };
  const reasonLine = new LineIndex(applyInsertion(before, insertion)).positionAt(insertion.offset + insertion.text.indexOf(REASON_PLACEHOLDER)).line;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: insertInFile(configPath, before, insertion),
    command: { title: 'Write the reason', command: 'chokepoint.selectPlaceholder', arguments: [pathToUri(configPath), reasonLine, REASON_PLACEHOLDER] },
  };
}

function declareAction(context: ActionContext, diagnostic: Diagnostic, data: DiagnosticData): CodeAction | undefined {
  const { entry } = context;
  const entities = entry.report.entities;
  const key = data.subjects.find((k) => entities?.all().some((e) => e.addressKeys.includes(k) && (e.kind === 'unknown' || (e.kind === 'multisig' && e.threshold === undefined))));
  if (!key) return undefined;
  const address = holderAddress(entry, key);
  if (!address) return undefined;
  const title = `Declare ${addressName(address)}: a key, a multisig, a timelock…`;
  // The declaration goes above the line that writes the address, which need not be the finding's.
  const line = addressLine(entry, key) ?? diagnostic.range.start.line;
  const refusal = declaresInComment(entry, address.raw, line) ? undefined : entitiesRefusal(configText(configPathFor(entry, context.workspaceRoot), context.openText));
  if (refusal) return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: refusal.reason } };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Declare this address', command: 'chokepoint.declareAddress', arguments: [{ uri: context.uri, address: address.raw, line }] },
  };
}

/** The first line of this file that writes the address as a holder of a power. */
function addressLine(entry: LintEntry, key: string): number | undefined {
  for (const grant of entry.report.model?.grants ?? []) {
    if (grant.holder.key !== key || grant.at.file !== entry.path) continue;
    const span = entry.doc.locate(grant.at.path)?.value;
    if (span) return entry.doc.lines.positionAt(span.start).line;
  }
  return undefined;
}

/** The holder's address (as the file writes it) for a normalized key. */
function holderAddress(entry: LintEntry, key: string): Address | undefined {
  return entry.report.model?.grants.find((g) => g.holder.key === key)?.holder;
}

function relativeTo(dir: string, path: string): string {
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}
