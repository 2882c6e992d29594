/**
 * Entry of dist/document-worker.mjs: the language server's lint thread. It lints one open document
 * (with the rest of its chain) per message and posts the report back, so the server's main thread
 * never runs a lint. See LintService in linting.ts for the other side.
 */
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ADAPTERS } from '../engine/adapters';
import { CancelFlag, isCancelled, throwIfCancelled } from '../engine/cancel';
import { lintChain, type ChainMember, type FileReport } from '../engine/lint';
import { parseDocument, reparseEdited, type ParsedDocument } from '../engine/parse';
import { rememberAddresses } from '../engine/model/address';
import type { Distribution } from '../engine/model/schema';
import type { Rule } from '../engine/rules/types';
import { distributionsOf, KEPT_ENTRIES, type MemberInfo, type MemberSource, type WorkerLint, type WorkerMessage, type WorkerReply } from './worker-protocol';

/** Lints on the worker: keeps the latest text of each open document (parsed once) and siblings read from disk. */
export class DocumentLinter {
  /** `previous`: the last parse of an earlier version, which the next parse starts from (reparseEdited). */
  private readonly open = new Map<string, { version: number; text: string; doc?: ParsedDocument; previous?: ParsedDocument }>();
  private readonly onDisk = new Map<string, { mtimeMs: number; size: number; doc: ParsedDocument | undefined }>();
  /** The distribution entries kept back from the latest lint of each file, for a hover that asks. */
  private readonly kept = new Map<string, { version: number; entries: Distribution['entries'][] }>();

  /** `rules` replaces the rule set, for tests in-process; the worker thread always runs them all. */
  constructor(private readonly rules?: Rule[]) {}

  handle(message: WorkerMessage): WorkerReply | undefined {
    if (message.type === 'forget') {
      this.open.delete(message.path);
      this.kept.delete(message.path);
      return undefined;
    }
    if (message.type === 'entries') {
      const kept = this.kept.get(message.path);
      return { id: message.id, kind: 'entries', entries: kept?.version === message.version ? kept.entries : undefined };
    }
    return this.lint(message);
  }

  private lint(request: WorkerLint): WorkerReply {
    // Keep the texts first: the main thread counts on the worker holding them, even if this lint is cancelled.
    for (const source of [request.file, ...request.siblings]) this.receive(source);
    const signal = new CancelFlag(request.cancel);
    const started = performance.now();
    try {
      throwIfCancelled(signal);
      const doc = this.openDoc(request.file.path, request.file.version);
      if (!doc) throw new Error(`The lint worker does not hold version ${request.file.version} of ${request.file.path}.`);
      const members: ChainMember[] = [{ doc, explicit: request.explicit }];
      const infos: MemberInfo[] = [info(doc, true)];
      for (const sibling of request.siblings) {
        throwIfCancelled(signal);
        const open = sibling.version !== undefined ? this.openDoc(sibling.path, sibling.version) : undefined;
        const siblingDoc = open ?? this.fromDisk(sibling.path, request.maxFileBytes);
        if (!siblingDoc) continue;
        members.push({ doc: siblingDoc, context: true });
        infos.push(info(siblingDoc, open !== undefined));
      }
      const [report, ...others] = lintChain(members, { config: request.config, signal, ...(this.rules ? { rules: this.rules } : {}) });
      const keptEntries = this.keepEntries(request.file.path, request.file.version, report);
      // The folder's files of other chains were read only to tell them apart.
      const ofChain = others.map((r) => r.adapter !== undefined && r.chain !== undefined && r.chain === report.chain);
      const siblings = others.filter((_, i) => ofChain[i]).map(({ model: _model, chain: _chain, entities: _entities, ...findings }) => findings);
      const chainInfos = infos.filter((_, i) => i === 0 || ofChain[i - 1]);
      return { id: request.id, kind: 'done', report, siblings, members: chainInfos, ms: performance.now() - started, keptEntries };
    } catch (error) {
      if (isCancelled(error)) return { id: request.id, kind: 'cancelled' };
      return { id: request.id, kind: 'failed', message: (error as Error).stack ?? String(error) };
    }
  }

  /** Keeps a large report's distribution entries here, leaving them empty in what is posted (see KEPT_ENTRIES). */
  private keepEntries(path: string, version: number, report: FileReport): boolean {
    const distributions = distributionsOf(report);
    if (distributions.reduce((n, d) => n + d.entries.length, 0) <= KEPT_ENTRIES) {
      this.kept.delete(path);
      return false;
    }
    this.kept.set(path, { version, entries: distributions.map((d) => d.entries) });
    // The models were built for this lint alone: emptying them here touches nothing else.
    for (const distribution of distributions) distribution.entries = [];
    return true;
  }

  private receive(source: MemberSource): void {
    if (source.text === undefined || source.version === undefined) return;
    // A version names one text: documents are forgotten when closed, before a reopening restarts the versions.
    const held = this.open.get(source.path);
    if (held?.version === source.version) return;
    this.open.set(source.path, { version: source.version, text: source.text, previous: held?.doc ?? held?.previous });
  }

  /** An open document's parse at `version`, parsed on first use; undefined if the worker does not hold that version. */
  private openDoc(path: string, version: number): ParsedDocument | undefined {
    const held = this.open.get(path);
    if (!held || held.version !== version) return undefined;
    if (!held.doc) {
      held.doc = held.previous ? reparseEdited(held.previous, held.text) : parseDocument(path, held.text);
      held.previous = undefined;
    }
    return held.doc;
  }

  /** A sibling's parsed text from disk, cached by modification time; undefined when it is not a config Chokepoint knows. */
  private fromDisk(path: string, maxFileBytes: number): ParsedDocument | undefined {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return undefined;
    }
    if (!stat.isFile() || stat.size > maxFileBytes) return undefined;
    const cached = this.onDisk.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.doc;
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const doc = ADAPTERS.some((adapter) => adapter.sniff.test(text)) ? parseDocument(path, text) : undefined;
    this.onDisk.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
    return doc;
  }
}

function info(doc: ParsedDocument, open: boolean): MemberInfo {
  return { path: doc.uri, format: doc.format, strictJson: doc.format === 'json' && doc.problems.length === 0, open };
}

if (parentPort) {
  // An edit re-reads every account of a genesis: a 90 MB one has about 200,000.
  rememberAddresses(500_000);
  const linter = new DocumentLinter();
  const port = parentPort;
  port.on('message', (message: WorkerMessage) => {
    const reply = linter.handle(message);
    if (reply) port.postMessage(reply);
  });
}
