import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ConfigResolver } from '../engine/config/discover';
import { withRuleOverrides } from '../engine/config/resolved';
import { ruleMeta } from '../engine/rules/index';
import { lintPaths, UsageError } from '../engine/workspace';
import { ArgsError, type LintArgs } from './args';
import { FORMATTERS } from './formatters';
import type { FileResult } from './formatters/types';
import { VERSION } from './version';

const RANK = { info: 1, warning: 2, error: 3 } as const;

export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  now?: Date;
}

/** Runs `chokepoint lint`; returns the exit code: 0 clean, 1 findings at the fail level, 2 usage or config errors. */
export function lintCommand(args: LintArgs, io: CommandIO): number {
  const unknown = Object.keys(args.rules).filter((id) => !ruleMeta(id));
  if (unknown.length > 0) throw new ArgsError(`Unknown rule ${unknown.join(', ')} in --rule. Run "chokepoint rules" for the list.`);
  let result;
  try {
    result = lintPaths(args.paths, {
      resolver: new ConfigResolver(args.config),
      adjust: (config) => withRuleOverrides(config, args.rules),
      now: io.now,
    });
  } catch (error) {
    if (error instanceof UsageError) throw new ArgsError(error.message);
    throw error;
  }
  if (result.configProblems.length > 0) {
    for (const problem of result.configProblems) io.stderr(`${relative(io.cwd, problem.file)}: ${problem.message}\n`);
    io.stderr('Fix the configuration above; nothing was linted with it.\n');
    return 2;
  }

  const display = (uri: string) => relative(io.cwd, uri).split('\\').join('/') || uri;
  const files: FileResult[] = result.reports.map((report) => ({
    uri: report.uri,
    path: display(report.uri),
    kind: report.adapter?.title,
    findings: args.quiet ? report.findings.filter((f) => f.severity === 'error') : report.findings,
    suppressed: report.suppressed,
  }));
  for (const finding of result.configFindings) {
    let file = files.find((f) => f.uri === finding.uri);
    if (!file) {
      file = { uri: finding.uri, path: display(finding.uri), kind: 'Chokepoint configuration', findings: [], suppressed: [] };
      files.push(file);
    }
    if (!args.quiet || finding.severity === 'error') file.findings.push(finding);
  }

  const color = args.color ?? (args.format === 'stylish' && !args.output && io.isTTY && !io.env.NO_COLOR) ?? false;
  const text = FORMATTERS[args.format]({ version: VERSION, files, color: Boolean(color || io.env.FORCE_COLOR) && args.color !== false });
  if (args.output) {
    writeFileSync(args.output, text);
  } else {
    io.stdout(text);
  }
  if (args.failOn === 'none') return 0;
  const threshold = RANK[args.failOn];
  return files.some((file) => file.findings.some((f) => RANK[f.severity] >= threshold)) ? 1 : 0;
}
