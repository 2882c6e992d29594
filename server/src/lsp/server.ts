import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isCancelled } from '../engine/cancel';
import type { ConfigProblem } from '../engine/config/resolved';
import { docsUrl } from '../engine/rules/index';
import { VERSION } from '../version';
import { LineIndex } from '../engine/text/positions';
import { AUTHORITY_MAP_REQUEST, authorityMap } from './authority-map';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { declarationEdit, validDeclaration } from './declare';
import { toDiagnostic } from './diagnostics';
import { hoverMarkdown } from './hover';
import { LintService, SLOW_LINT_CHARS, type LintEntry } from './linting';
import { schemaCompletion, schemaKeyHover } from './schema-assist';
import { normalizeSettings, type Settings } from './settings';
import { checkSettings, SETTINGS_PROBLEMS_NOTIFICATION, SettingsProblemReporter, type SettingsProblemsParams } from './settings-problems';
import { lintedStatus, STATUS_NOTIFICATION, tooLargeStatus, type StatusParams } from './status';
import { pathToUri, uriToPath } from './uri';
import { loadVerify, VERIFY_REQUEST, verifyHandler, type LoadVerify } from './verify';
import { isConfigFile, WorkspaceLint } from './workspace-lint';

export const COMMANDS = { lintWorkspace: 'chokepoint.server.lintWorkspace', applyDeclaration: 'chokepoint.server.applyDeclaration' };

/**
 * Debounce for onType linting, enough to coalesce keystrokes that arrive together; a newer edit
 * restarts the wait. Lints run in the worker and a newer version cancels the running one, so a
 * longer wait would only add latency: a file waits at most as long as its last lint took.
 */
const TYPE_DELAY_MS = 30;

/** A lint still running after this long is shown as "Linting…"; a quicker one only shows its result, so typing does not flicker the status. */
const LINTING_STATUS_DELAY_MS = 200;

export interface ServerOptions {
  /** Loads `RunVerify` for Verify Addresses On Chain; a test passes a stub, as DocumentLinter takes a rule list. */
  loadVerify?: LoadVerify;
  /** The lint thread's script; by default dist/document-worker.mjs beside the bundle. */
  workerScript?: string;
}

/** What the client says it does itself, in `initializationOptions`. */
interface ClientOptions {
  /** Shows `chokepoint/settingsProblems` itself (the VS Code extension); other clients get `window/showMessage`. */
  settingsProblems?: boolean;
}

/**
 * The Chokepoint language server: the engine behind diagnostics, hovers and code actions. It runs
 * over stdio (`chokepoint lsp --stdio`) or node IPC (the VS Code client), whichever the process was
 * started with.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions = {}): Connection {
  const documents = new TextDocuments(TextDocument);
  const service = new LintService((message) => connection.tracer.log(message), options.workerScript);
  const settingsCache = new Map<string, Promise<Settings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** How long the last lint of each document took, in ms. */
  const lintCost = new Map<string, number>();
  const typeDelay = (uri: string) => Math.min(TYPE_DELAY_MS, Math.ceil(lintCost.get(uri) ?? TYPE_DELAY_MS));
  let pull = false;
  let configurationRequests = false;
  let clientOptions: ClientOptions = {};
  let watchedFiles = false;
  /** Whether the client shows a code action as disabled with its reason (else such actions are left out). */
  let disabledActions = true;
  /** Completion and key hovers in our YAML formats, unless the client has a YAML language server of its own (initializationOptions.yamlSchemaAssist false). */
  let yamlSchemaAssist = true;
  let workspaceRoots: string[] = [];
  const settingsProblems = new SettingsProblemReporter(
    (problems) => {
      if (clientOptions.settingsProblems) void connection.sendNotification(SETTINGS_PROBLEMS_NOTIFICATION, { problems } satisfies SettingsProblemsParams);
      // A notification, not window/showMessageRequest (connection.window.showWarningMessage), which a client may not answer.
      else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problems.join(' ') });
    },
    (line) => connection.console.warn(line),
  );

  const rootFor = (path: string) => workspaceRoots.filter((root) => path.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!configurationRequests) return Promise.resolve(normalizeSettings({}));
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'chokepoint' }).then((raw: unknown) => {
        const { settings, problems } = checkSettings(raw);
        settingsProblems.report(problems);
        return settings;
      }, () => normalizeSettings({}));
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  // VS Code's own JSON service already shows a syntax error in an open JSON file; the CLI and Lint Workspace still report it.
  const diagnosticsOf = (entry: LintEntry): Diagnostic[] => entry.report.findings.filter((f) => !(f.ruleId === 'parse-error' && (entry.doc.format === 'json' || entry.doc.format === 'jsonc'))).map((f) => toDiagnostic(f, pathToUri));

  /** The status last sent for each document: the same one is not sent twice in a row (two callers may await one lint). */
  const statusSent = new Map<string, string>();
  const sendStatus = (status: StatusParams) => {
    const json = JSON.stringify(status);
    if (statusSent.get(status.uri) === json) return;
    statusSent.set(status.uri, json);
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  };

  /** An open document's current version and text, by path: the chain's open files are linted as edited. */
  const openText = (path: string) => {
    const document = documents.get(pathToUri(path));
    return document ? { version: document.version, text: document.getText() } : undefined;
  };
  /** For hovers and code actions: a lint superseded meanwhile answers nothing (the client asks again). */
  const unlessCancelled = (error: unknown): undefined => {
    if (isCancelled(error)) return undefined;
    throw error;
  };

  const lintOpen = async (document: TextDocument): Promise<LintEntry | undefined> => {
    const settings = await settingsFor(document.uri);
    const path = uriToPath(document.uri);
    if (!settings.enable || isConfigFile(path)) {
      service.forget(path);
      sendStatus({ uri: document.uri, kind: 'hidden' });
      return undefined;
    }
    if (document.getText().length > settings.maxFileSizeMB * 1024 * 1024) {
      sendStatus(tooLargeStatus(document.uri, settings.maxFileSizeMB));
      return undefined;
    }
    const existing = service.get(path);
    if (existing && existing.version === document.version) return existing;
    // A file known to be slow (large, or slow last time) says so at once; others only if the lint outlasts the delay, so typing does not flicker.
    const slow = document.getText().length >= SLOW_LINT_CHARS || (lintCost.get(document.uri) ?? 0) >= LINTING_STATUS_DELAY_MS;
    const linting = setTimeout(() => sendStatus({ uri: document.uri, kind: 'linting' }), slow ? 0 : LINTING_STATUS_DELAY_MS);
    let entry: LintEntry;
    try {
      // The lint runs on the worker; a newer version cancels it and this rejects with LintCancelled.
      entry = await service.lint({ path, text: document.getText(), version: document.version, settings, workspaceRoot: rootFor(path), openDocument: openText });
    } catch (error) {
      if (!isCancelled(error)) sendStatus({ uri: document.uri, kind: 'not-linted', text: 'Not linted: the lint failed', detail: (error as Error).message });
      throw error;
    } finally {
      clearTimeout(linting);
    }
    lintCost.set(document.uri, entry.ms);
    if (entry.config.problems.length > 0) publishConfig(entry.config.problems);
    sendStatus(lintedStatus(document.uri, entry));
    return entry;
  };

  /**
   * Lints and pushes, unless a newer version arrived meanwhile. With pull diagnostics the client
   * asks for them itself after each change; `repull` asks it to pull again after something other
   * than the text changed (a save in onSave mode, the configuration).
   */
  /** The lint last pushed for each document. */
  const published = new Map<string, LintEntry>();
  const refresh = async (document: TextDocument, repull = false) => {
    // Not linted as edited: what shows on it is its config problems or what Lint Workspace found in it.
    if (isConfigFile(uriToPath(document.uri))) return;
    let entry: LintEntry | undefined;
    try {
      entry = await lintOpen(document);
    } catch (error) {
      // Superseded by a newer version, whose own lint publishes.
      if (isCancelled(error)) return;
      throw error;
    }
    // TextDocuments updates a document in place: compare the version that was linted with the latest.
    const current = documents.get(document.uri);
    if (!current || (entry && current.version !== entry.version)) return;
    if (pull) {
      if (repull) void connection.languages.diagnostics.refresh();
      return;
    }
    // Two refreshes of one version (the open, then its change timer) may share one lint: publish it once.
    if (entry && published.get(document.uri) === entry) return;
    if (entry) published.set(document.uri, entry);
    else published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version: entry?.version ?? current.version, diagnostics: entry ? diagnosticsOf(entry) : [] });
  };

  /** Waits until the document has been quiet for the onType delay; false if a newer edit superseded this request. */
  const lastChange = new Map<string, number>();
  const settle = async (uri: string, token: CancellationToken): Promise<boolean> => {
    const delay = typeDelay(uri);
    for (;;) {
      const quiet = Date.now() - (lastChange.get(uri) ?? 0);
      if (quiet >= delay) return !token.isCancellationRequested;
      await new Promise((resolve) => setTimeout(resolve, delay - quiet));
      if (token.isCancellationRequested) return false;
    }
  };

  let repullTimer: NodeJS.Timeout | undefined;
  const repullSoon = () => {
    clearTimeout(repullTimer);
    repullTimer = setTimeout(() => void connection.languages.diagnostics.refresh(), TYPE_DELAY_MS);
  };

  const schedule = (document: TextDocument, delay: number) => {
    clearTimeout(timers.get(document.uri));
    timers.set(document.uri, setTimeout(() => {
      timers.delete(document.uri);
      const latest = documents.get(document.uri);
      if (latest) void refresh(latest);
    }, delay));
  };

  /** Problems in a .chokepoint.yaml are shown on that file, pushed, whatever the diagnostics mode. */
  const brokenConfigs = new Set<string>();
  const publishConfig = (problems: ConfigProblem[]) => {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    for (const [file, list] of byFile) {
      let lines: LineIndex;
      try {
        lines = new LineIndex(readFileSync(file, 'utf8'));
      } catch {
        lines = new LineIndex('');
      }
      brokenConfigs.add(file);
      void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: list.map((p) => ({ range: lines.rangeOf(p.span), severity: DiagnosticSeverity.Error, code: 'config-error', codeDescription: { href: docsUrl('config-error') }, source: 'chokepoint', message: p.message })) });
    }
  };
  const clearFixedConfigs = () => {
    for (const file of brokenConfigs) {
      if (service.resolver.problemsIn(file).length === 0) {
        brokenConfigs.delete(file);
        void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
      }
    }
  };

  const workspace = new WorkspaceLint({
    connection,
    resolver: service.resolver,
    roots: () => workspaceRoots,
    settings: () => settingsFor(workspaceRoots[0] ? pathToUri(workspaceRoots[0]) : ''),
    showsLive: (uri) => documents.get(uri) !== undefined && !isConfigFile(uriToPath(uri)),
    pull: () => pull,
    watchesFiles: () => watchedFiles,
    publishConfig,
    log: (message) => connection.console.warn(message),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pull = Boolean(params.capabilities.textDocument?.diagnostic);
    configurationRequests = Boolean(params.capabilities.workspace?.configuration);
    clientOptions = (params.initializationOptions && typeof params.initializationOptions === 'object' ? params.initializationOptions : {}) as ClientOptions;
    watchedFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    disabledActions = Boolean(params.capabilities.textDocument?.codeAction?.disabledSupport);
    yamlSchemaAssist = (params.initializationOptions as { yamlSchemaAssist?: unknown } | undefined)?.yamlSchemaAssist !== false;
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        ...(yamlSchemaAssist ? { completionProvider: { triggerCharacters: [' '] } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        ...(pull ? { diagnosticProvider: { identifier: 'chokepoint', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'chokepoint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    service.warmUp();
    if (configurationRequests) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'chokepoint' });
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      workspaceRoots = workspaceRoots.filter((root) => !event.removed.some((f) => uriToPath(f.uri) === root)).concat(event.added.map((f) => uriToPath(f.uri)));
    });
  });

  const relintAll = () => {
    for (const document of documents.all()) void refresh(document);
    if (pull) void connection.languages.diagnostics.refresh();
  };

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    settingsProblems.reset();
    service.invalidate();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((event) => {
    const paths = event.changes.map((change) => uriToPath(change.uri));
    if (paths.some(isConfigFile)) {
      service.invalidate();
      clearFixedConfigs();
      relintAll();
      workspace.rescan();
    } else {
      workspace.changed(paths);
    }
  });

  documents.onDidOpen((event) => {
    workspace.opened(event.document.uri);
    if (!pull) void refresh(event.document);
  });
  documents.onDidChangeContent(async (event) => {
    lastChange.set(event.document.uri, Date.now());
    // A newer version makes the running lint of this document pointless: stop it between stages.
    service.supersede(uriToPath(event.document.uri), event.document.version);
    const settings = await settingsFor(event.document.uri);
    if (settings.run !== 'onType') return;
    // The other open files of the chain (its folder) may gain or lose findings too.
    const folder = dirname(uriToPath(event.document.uri));
    const siblings = documents.all().filter((d) => d.uri !== event.document.uri && dirname(uriToPath(d.uri)) === folder);
    if (pull) {
      if (siblings.length > 0) repullSoon();
      return;
    }
    for (const document of [event.document, ...siblings]) schedule(document, typeDelay(document.uri));
  });
  documents.onDidSave(async (event) => {
    // A saved edit replaces the file's workspace result, with or without a watcher to say so.
    workspace.changed([uriToPath(event.document.uri)]);
    const settings = await settingsFor(event.document.uri);
    if (settings.run === 'onSave') void refresh(event.document, true);
  });
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    lastChange.delete(event.document.uri);
    lintCost.delete(event.document.uri);
    statusSent.delete(event.document.uri);
    published.delete(event.document.uri);
    service.forget(uriToPath(event.document.uri));
    if (!workspace.closed(event.document.uri) && !pull && !isConfigFile(uriToPath(event.document.uri))) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const settings = await settingsFor(params.textDocument.uri);
    const cached = service.get(uriToPath(params.textDocument.uri));
    const superseded = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'A newer edit superseded this request.', { retriggerRequest: true });
    if (settings.run === 'onType' && !(await settle(params.textDocument.uri, token))) throw superseded();
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let entry: LintEntry | undefined;
    if (settings.run === 'onSave' && cached) entry = cached;
    else {
      try {
        entry = await lintOpen(document);
      } catch (error) {
        if (isCancelled(error)) throw superseded();
        throw error;
      }
      // Never answer with the diagnostics of a version the client has already replaced.
      if (entry && documents.get(params.textDocument.uri)?.version !== entry.version) throw superseded();
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: entry ? diagnosticsOf(entry) : [] };
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const keyDocs = yamlSchemaAssist ? schemaKeyHover(document, params.position) : undefined;
    const entry = await lintOpen(document).catch(unlessCancelled);
    let markdown: string | undefined;
    if (entry?.report.adapter) {
      await service.complete(entry);
      markdown = hoverMarkdown(entry, params.position);
    }
    const value = [markdown, keyDocs].filter(Boolean).join('\n\n---\n\n');
    return value ? { contents: { kind: 'markdown', value } } : null;
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && yamlSchemaAssist ? schemaCompletion(document, params) : null;
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const entry = await lintOpen(document).catch(unlessCancelled);
    if (!entry) return [];
    return codeActions({ uri: params.textDocument.uri, entry, diagnostics: params.context.diagnostics, range: params.range, only: params.context.only, workspaceRoot: rootFor(entry.path), openText: (path) => openText(path)?.text, disabledSupport: disabledActions });
  });

  connection.onRequest(VERIFY_REQUEST, verifyHandler({
    connection,
    load: options.loadVerify ?? (() => loadVerify()),
    relint: () => {
      service.invalidate();
      relintAll();
    },
    log: (message) => connection.console.info(message),
  }));

  connection.onRequest(AUTHORITY_MAP_REQUEST, authorityMap({ documents, lintOpen, complete: (entry) => service.complete(entry), rootFor }));

  connection.onExecuteCommand(async (params, token) => {
    if (params.command === COMMANDS.lintWorkspace) return workspace.run(token);
    if (params.command === COMMANDS.applyDeclaration) {
      const [uri, input] = params.arguments ?? [];
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!document || !validDeclaration(input)) return { applied: false };
      const entry = await lintOpen(document).catch(unlessCancelled);
      if (!entry) return { applied: false };
      const edit = declarationEdit(uri as string, entry, input, rootFor(entry.path), (path) => openText(path)?.text);
      // Where .chokepoint.yaml cannot take the entity in place, the client shows why.
      if ('reason' in edit) return { applied: false, reason: edit.reason };
      const result = await connection.workspace.applyEdit({ label: 'Declare address', edit });
      return { applied: result.applied };
    }
    return undefined;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
