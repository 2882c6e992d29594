/**
 * "Chokepoint: Lint File with CLI": lints one file (with its chain as context) in a child process
 * running the bundled CLI, off the extension host's thread, and puts the findings in the Problems
 * panel. For files the editor does not hand to extensions or the server will not lint as you type.
 */
import { spawn } from 'node:child_process';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { problemCounts } from '../../server/src/engine/text/counts';
import { cliInvocation } from './cli-invocation';
import { isConfigPath, readCliReport, sizeVerdict, type CliRun, type Problem } from './cli-report';
import { offlineDocsLink } from './doc-links';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };

function toRange(range: Problem['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The same diagnostic the language server would publish for the finding. */
export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = 'chokepoint';
  diagnostic.code = { value: problem.ruleId, target: vscode.Uri.parse(offlineDocsLink(problem.docsUrl) ?? problem.docsUrl) };
  diagnostic.relatedInformation = problem.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.file), toRange(r.range)), r.message));
  if (problem.unnecessary) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The file a command was invoked on: the explorer's or editor title's resource, else the active tab's, even one VS Code did not hand to extensions. */
export function activeFileUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

interface Target {
  /** The files whose diagnostics the last run for this target set. */
  uris: vscode.Uri[];
  watcher: vscode.Disposable;
}

export class CliLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('chokepoint-cli');
  private readonly targets = new Map<string, Target>();
  private readonly running = new Map<string, () => void>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly cliPath: string,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.listeners = [
      // Closing the file's last tab clears its CLI findings (a file VS Code does not hand to extensions has a tab, never a document).
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          if (tab.input instanceof vscode.TabInputText && !this.isInTab(tab.input.uri)) this.clear(tab.input.uri);
        }
      }),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.clearUnder(uri))),
      // Once the server lints a file as you type, its own diagnostics replace the CLI's.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.targets.has(document.uri.toString()) && lintedAsYouType(document)) this.clear(document.uri);
      }),
    ];
  }

  /** Lints `uri` with the CLI and replaces its earlier CLI findings; undefined when cancelled or when it failed (the user is told). */
  async lint(uri: vscode.Uri | undefined): Promise<{ files: number; findings: number } | undefined> {
    if (!uri) {
      void vscode.window.showInformationMessage('Open or select a JSON, YAML or TOML configuration file to lint it with the Chokepoint CLI.');
      return undefined;
    }
    if (uri.scheme !== 'file' || !isConfigPath(uri.fsPath)) {
      void vscode.window.showInformationMessage(`The Chokepoint CLI lints JSON, YAML and TOML files on disk; ${basename(uri.fsPath) || uri.toString()} is not one.`);
      return undefined;
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document && lintedAsYouType(document)) {
      void vscode.window.showInformationMessage(`${basename(uri.fsPath)} is linted as you type; its findings are already in the Problems panel.`);
      return undefined;
    }
    if (document?.isDirty) void vscode.window.showWarningMessage(`${basename(uri.fsPath)} has unsaved changes; the CLI lints the file as saved on disk.`);
    this.running.get(uri.toString())?.();
    const name = basename(uri.fsPath);
    const started = performance.now();
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Chokepoint: linting ${name} with the CLI`, cancellable: true },
      (_progress, token) => this.runCli(uri, token),
    );
    if (!run) return undefined;
    this.replace(uri, run);
    const findings = [...run.problems.values()].reduce((sum, list) => sum + list.length, 0);
    this.output.info(`Linted ${uri.fsPath} with the CLI in ${Math.round(performance.now() - started)} ms: ${problemCounts(run.counts)}`);
    const own = run.problems.get(uri.fsPath)?.length ?? 0;
    void vscode.window.showInformationMessage(`Chokepoint CLI: ${problemCounts(run.counts)} in ${name}${own !== findings ? ' and its configuration' : ''}. They are in the Problems panel.`);
    return { files: run.problems.size, findings };
  }

  private runCli(uri: vscode.Uri, token: vscode.CancellationToken): Promise<CliRun | undefined> {
    const file = uri.fsPath;
    const settings = vscode.workspace.getConfiguration('chokepoint', uri);
    // The extension host's executable is Node in code-server and VS Code's server, Electron in desktop VS Code: it is run as Node.
    const { command, args, options } = cliInvocation(file, { rules: settings.get('rules'), preset: settings.get('preset') }, { execPath: process.execPath, cliPath: this.cliPath, env: process.env });
    const cwd = options.cwd;
    return new Promise((resolvePromise) => {
      const child = spawn(command, args, options);
      const stdout: Buffer[] = [];
      let stderr = '';
      let cancelled = false;
      const cancel = () => {
        cancelled = true;
        child.kill();
      };
      this.running.set(uri.toString(), cancel);
      const subscription = token.onCancellationRequested(cancel);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const fail = (why: string) => {
        this.output.error(`Linting ${file} with the CLI failed: ${why}`);
        void vscode.window.showErrorMessage(`Chokepoint could not lint ${basename(file)} with the CLI: ${why.split('\n')[0]}`, 'Show Output').then((choice) => choice && this.output.show());
        resolvePromise(undefined);
      };
      const done = () => {
        subscription.dispose();
        if (this.running.get(uri.toString()) === cancel) this.running.delete(uri.toString());
      };
      child.on('error', (error) => {
        done();
        fail(`${process.execPath} did not start: ${error.message}`);
      });
      child.on('close', (code, signal) => {
        done();
        if (cancelled) {
          this.output.info(`Linting ${file} with the CLI was cancelled.`);
          return resolvePromise(undefined);
        }
        if (code !== 0) return fail(stderr.trim() || `the CLI exited with ${signal ?? `code ${code}`}`);
        try {
          resolvePromise(readCliReport(Buffer.concat(stdout).toString('utf8'), cwd));
        } catch (error) {
          fail((error as Error).message);
        }
      });
    });
  }

  private replace(target: vscode.Uri, run: CliRun): void {
    this.clear(target);
    const uris = [...run.problems].map(([path, problems]) => {
      const uri = vscode.Uri.file(path);
      this.collection.set(uri, problems.map(toDiagnostic));
      return uri;
    });
    // Deleting the file clears its findings, also when it is deleted outside VS Code.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(target.fsPath)), basename(target.fsPath)), true, true, false);
    watcher.onDidDelete(() => this.clear(target));
    this.targets.set(target.toString(), { uris, watcher });
  }

  /** Removes the CLI findings that linting `target` put in the Problems panel. */
  clear(target: vscode.Uri): void {
    const entry = this.targets.get(target.toString());
    if (!entry) return;
    this.targets.delete(target.toString());
    entry.watcher.dispose();
    for (const uri of entry.uris) this.collection.delete(uri);
  }

  private clearUnder(deleted: vscode.Uri): void {
    const prefix = deleted.toString();
    for (const key of [...this.targets.keys()]) if (key === prefix || key.startsWith(`${prefix}/`)) this.clear(vscode.Uri.parse(key));
  }

  private isInTab(uri: vscode.Uri): boolean {
    return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()));
  }

  dispose(): void {
    for (const cancel of this.running.values()) cancel();
    for (const entry of this.targets.values()) entry.watcher.dispose();
    this.collection.dispose();
    this.listeners.forEach((l) => l.dispose());
  }
}

/** Whether the language server lints this open document as you type (so the CLI's findings for it would be doubles). */
export function lintedAsYouType(document: vscode.TextDocument): boolean {
  const settings = vscode.workspace.getConfiguration('chokepoint', document.uri);
  if (settings.get('enable') === false) return false;
  const chars = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return !sizeVerdict({ bytes: chars, chars, maxFileSizeMB: settings.get('maxFileSizeMB') });
}
