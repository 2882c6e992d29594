/**
 * How "Lint File with CLI" runs the bundled CLI: the executable, its arguments as an array and the
 * spawn options. No shell runs it, so no character of a file's name (quotes, `$()`, a leading `-`)
 * is interpreted, and the file comes after `--`, so the CLI never reads its name as an option. Free
 * of `vscode`, so vitest covers it.
 */
import type { SpawnOptionsWithStdioTuple, StdioNull, StdioPipe } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { SEVERITIES, type Severity } from './cli-report';

export interface CliInvocation {
  command: string;
  args: string[];
  options: SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe> & { cwd: string; shell: false };
}

/**
 * `chokepoint lint` arguments for one file: JSON out, exit 0 whatever is found, and the editor's
 * settings as the language server applies them: `chokepoint.preset` as `--preset`, the rule
 * overrides as `--rule`. The file is last, after `--`.
 */
export function cliLintArgs(cliPath: string, file: string, rules: unknown, preset?: unknown): string[] {
  const overrides = rules && typeof rules === 'object' ? Object.entries(rules as Record<string, unknown>) : [];
  const flags = overrides.filter(([id, severity]) => /^[\w-]+$/.test(id) && (severity === 'off' || SEVERITIES.includes(severity as Severity))).flatMap(([id, severity]) => ['--rule', `${id}=${String(severity)}`]);
  // The language server's own reading of the setting: an unknown preset is no preset.
  const known = normalizeSettings({ preset }).preset;
  const presetFlag = known ? ['--preset', known] : [];
  return [cliPath, 'lint', '--format', 'json', '--fail-on', 'none', ...presetFlag, ...flags, '--', file];
}

/**
 * The CLI run on `file` (an absolute path): the host's executable run as Node (it is Electron in
 * desktop VS Code), in the file's folder, which the file is named relative to, so the report's
 * paths are relative to that folder too.
 */
export function cliInvocation(file: string, settings: { rules?: unknown; preset?: unknown }, host: { execPath: string; cliPath: string; env: NodeJS.ProcessEnv }): CliInvocation {
  return {
    command: host.execPath,
    args: cliLintArgs(host.cliPath, basename(file), settings.rules, settings.preset),
    options: { cwd: dirname(file), env: { ...host.env, ELECTRON_RUN_AS_NODE: '1' }, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
  };
}
