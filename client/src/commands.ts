import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RULE_ID, SHOW_DOCUMENTATION } from './doc-links';
import type { WorkspaceLintReplay, WorkspaceLintSummary } from './workspace-lint';

const KINDS: (vscode.QuickPickItem & { entityKind: string })[] = [
  { label: 'Single key (EOA)', entityKind: 'eoa' },
  { label: 'Multisig', entityKind: 'multisig' },
  { label: 'Timelock', entityKind: 'timelock' },
  { label: 'On-chain governance', entityKind: 'governance' },
  { label: 'Contract', entityKind: 'contract' },
];

/** Arguments of chokepoint.declareAddress; answers given here skip their prompt. */
interface DeclareArgs {
  uri: string;
  address: string;
  line: number;
  kind?: string;
  threshold?: number;
  signers?: number;
  delay?: string;
  entity?: string;
}

const DURATION = /^\d+(\.\d+)?\s*(s|m|h|d|w)$/;
const ENTITY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function askDeclaration(args: DeclareArgs): Promise<DeclareArgs | undefined> {
  const answer: DeclareArgs = { ...args };
  if (!answer.kind) {
    const pick = await vscode.window.showQuickPick(KINDS, { title: `What controls ${args.address}?` });
    if (!pick) return undefined;
    answer.kind = pick.entityKind;
  }
  if (answer.kind === 'multisig' && (answer.threshold === undefined || answer.signers === undefined)) {
    const text = await vscode.window.showInputBox({ title: 'Threshold and signers', prompt: 'For example 6-of-8', validateInput: (v) => (/^\s*\d+\s*(-of-|\/)\s*\d+\s*$/.test(v) ? undefined : 'Write M-of-N, e.g. 6-of-8') });
    if (!text) return undefined;
    const [m, n] = text.split(/-of-|\//).map((s) => Number(s.trim()));
    answer.threshold = m;
    answer.signers = n;
  }
  if ((answer.kind === 'timelock' || answer.kind === 'multisig') && answer.delay === undefined) {
    const text = await vscode.window.showInputBox({ title: 'Timelock delay', prompt: answer.kind === 'timelock' ? 'For example 7d' : 'Delay in front of it, e.g. 7d; leave empty for none', validateInput: (v) => (v === '' && answer.kind !== 'timelock') || DURATION.test(v.trim()) ? undefined : 'Write a duration such as 7d or 48h' });
    if (text === undefined) return undefined;
    answer.delay = text.trim() || undefined;
  }
  if (answer.entity === undefined) {
    const text = await vscode.window.showInputBox({
      title: 'Entity name (optional)',
      prompt: 'Who controls it, e.g. security-council. Addresses given the same name count as one holder. Leave empty for none.',
      validateInput: (v) => (v.trim() === '' || ENTITY.test(v.trim()) ? undefined : 'Letters, digits, ".", "_" and "-", starting with a letter or digit'),
    });
    if (text === undefined) return undefined;
    answer.entity = text.trim();
  }
  return answer;
}

async function selectPlaceholder(uri: string, line: number, placeholder: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  const text = editor.document.lineAt(Math.max(0, line)).text;
  const start = text.indexOf(placeholder);
  if (start === -1) return;
  editor.selection = new vscode.Selection(line, start, line, start + placeholder.length);
  editor.revealRange(editor.selection);
}

/** `ready` settles once the language server has started (activation does not wait for it); commands it serves wait for it. */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, output: vscode.OutputChannel, ready: Promise<void>, workspaceLint: WorkspaceLintReplay): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('chokepoint.lintWorkspace', async () => {
      await ready;
      const result = (await vscode.commands.executeCommand('chokepoint.server.lintWorkspace')) as WorkspaceLintSummary | undefined;
      workspaceLint.ran(result);
      if (result && !result.cancelled) void vscode.window.showInformationMessage(`Chokepoint linted ${result.files} configuration files: ${result.findings} findings${result.configProblems ? `, ${result.configProblems} configuration problems` : ''}. They stay in the Problems panel.`);
      return result;
    }),
    // Also what every rule documentation link runs in the editor (offline-docs.ts): its argument may come from a link, so only a bundled page's id opens.
    vscode.commands.registerCommand(SHOW_DOCUMENTATION, async (ruleId?: unknown) => {
      const pages = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
      const ids = pages.map(([name]) => name.replace(/\.md$/, '')).filter((n) => n !== 'README' && RULE_ID.test(n));
      let id = typeof ruleId === 'string' && ids.includes(ruleId) ? ruleId : undefined;
      if (!id) {
        id = await vscode.window.showQuickPick(ids, { title: typeof ruleId === 'string' ? `Chokepoint has no rule "${ruleId}"; pick one` : 'Chokepoint rule' });
        if (!id) return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`));
    }),
    vscode.commands.registerCommand('chokepoint.declareAddress', async (args: DeclareArgs) => {
      const answer = await askDeclaration(args);
      if (!answer) return { applied: false };
      await ready;
      const result = await vscode.commands.executeCommand<{ applied: boolean; reason?: string } | undefined>('chokepoint.server.applyDeclaration', args.uri, { address: answer.address, line: answer.line, kind: answer.kind, threshold: answer.threshold, signers: answer.signers, delay: answer.delay, entity: answer.entity || undefined });
      if (result?.reason) void vscode.window.showWarningMessage(`Chokepoint did not declare ${answer.address}: ${result.reason}.`);
      return result;
    }),
    vscode.commands.registerCommand('chokepoint.selectPlaceholder', selectPlaceholder),
    vscode.commands.registerCommand('chokepoint.showOutput', () => output.show()),
    vscode.commands.registerCommand('chokepoint.restartServer', async () => {
      await ready;
      await client()?.restart();
    }),
  );
}
