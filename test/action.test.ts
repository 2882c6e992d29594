/**
 * The GitHub Action (action.yml) run as a runner runs its lint step: the step's `env` with the
 * inputs' expressions evaluated (a workflow's `with:` over the inputs' defaults), its `run` in
 * `bash --noprofile --norc -eo pipefail` from the workspace, with GITHUB_ACTION_PATH, GITHUB_OUTPUT
 * and GITHUB_STEP_SUMMARY set. The other steps (the SARIF upload, failing the job) are checked as
 * written, since they run other actions.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildIfMissing, REPO, temporaryFolders } from './helpers/cli-run';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;
const folder = temporaryFolders('chokepoint-action-');

beforeAll(() => buildIfMissing(), 120_000);

/** `${{ inputs.x }}` with the workflow's value or the input's default; any other expression is not for this step. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in ACTION.inputs)) throw new Error(`action.yml reads an input it does not declare: ${name}`);
    return inputs[name] ?? ACTION.inputs[name].default ?? '';
  });
}

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** The lint step in a fresh workspace holding a copy of examples/, with `with` as a workflow gives it. */
function runLintStep(inputs: Record<string, string>, setup?: (workspace: string) => void): StepRun {
  const step = ACTION.runs.steps.find((s) => s.id === 'lint')!;
  const workspace = folder();
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  setup?.(workspace);
  const runnerTemp = folder();
  const outputFile = join(runnerTemp, 'output');
  const summaryFile = join(runnerTemp, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const script = join(runnerTemp, 'step.sh');
  writeFileSync(script, evaluate(step.run!, inputs));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: REPO,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value, inputs)])),
  };
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace };
}

interface Sarif {
  runs: { results: { ruleId: string; level: string; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

const sarifOf = (run: StepRun) => JSON.parse(readFileSync(join(run.workspace, run.outputs['sarif-file']), 'utf8')) as Sarif;

describe('action.yml', () => {
  it('is a composite action with the inputs paths, fail-on, preset and config', () => {
    expect(ACTION.runs.using).toBe('composite');
    for (const name of ['paths', 'fail-on', 'preset', 'config']) expect(ACTION.inputs[name]?.description, name).toBeTruthy();
    expect(ACTION.outputs['exit-code'].value).toBe('${{ steps.lint.outputs.exit-code }}');
  });

  it('uploads the SARIF the lint step wrote, then fails the job on findings at the fail level', () => {
    const [lint, upload, fail] = ACTION.runs.steps;
    expect(lint.id).toBe('lint');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with?.sarif_file).toBe('${{ steps.lint.outputs.sarif-file }}');
    expect(upload.if).toBe("inputs.upload-sarif == 'true'");
    expect(fail.if).toBe("steps.lint.outputs.exit-code != '0'");
    expect(fail.run).toMatch(/exit 1\s*$/);
  });
});

describe("the lint step, run as the runner runs it", () => {
  it('with the defaults: annotates, writes the SARIF report, the outputs and a summary, and says the job must fail', () => {
    const run = runLintStep({});
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs).toEqual({ 'sarif-file': 'chokepoint.sarif', 'exit-code': '1' });
    // Workflow commands the runner turns into annotations on the pull request.
    expect(run.stdout).toMatch(/^::error file=op-stack\/deploy-config\.json,line=15,col=\d+,endLine=\d+,endColumn=\d+,title=chokepoint role-collapse::/m);
    expect(run.stdout).toMatch(/^::warning file=appchain\/appchain\.yaml,/m);
    const results = sarifOf(run).runs[0].results;
    expect(results.filter((r) => !r.suppressions?.length).length).toBe(run.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l)).length);
    expect(results.some((r) => r.ruleId === 'role-collapse' && r.locations[0].physicalLocation.artifactLocation.uri === 'op-stack/deploy-config.json')).toBe(true);
    const errors = results.filter((r) => r.level === 'error' && !r.suppressions?.length).length;
    expect(run.summary).toContain(`| ${errors} | `);
    expect(run.summary).toContain('Findings at the fail-on level (error)');
  });

  it('paths, fail-on none and a SARIF file name', () => {
    const run = runLintStep({ paths: 'op-stack/deploy-config.json\ncosmos', 'fail-on': 'none', 'sarif-file': 'out.sarif' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs).toEqual({ 'sarif-file': 'out.sarif', 'exit-code': '0' });
    const files = new Set(sarifOf(run).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...files].sort()).toEqual(['cosmos/genesis.json', 'op-stack/deploy-config.json']);
    expect(run.summary).toContain('Nothing at the fail-on level (none)');
  });

  it('preset and config reach both lints', () => {
    const rules = (run: StepRun) => new Set(sarifOf(run).runs[0].results.filter((r) => !r.suppressions?.length).map((r) => r.ruleId));
    const recommended = runLintStep({ paths: 'op-stack/deploy-config.json' });
    const configured = runLintStep({ paths: 'op-stack/deploy-config.json', config: 'quiet.chokepoint.yaml' }, (workspace) => writeFileSync(join(workspace, 'quiet.chokepoint.yaml'), 'rules:\n  role-collapse: off\n'));
    expect(rules(recommended).has('role-collapse')).toBe(true);
    expect(rules(configured).has('role-collapse')).toBe(false);
    expect(configured.stdout).not.toContain('chokepoint role-collapse::');
    const strict = runLintStep({ paths: 'op-stack/deploy-config.json', preset: 'strict', 'fail-on': 'warning' });
    expect(strict.outputs['exit-code']).toBe('1');
    expect(strict.code).toBe(0);
  });

  it('fails the step itself on a usage error, without outputs for the upload', () => {
    const run = runLintStep({ preset: 'lenient' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/preset/);
    expect(run.outputs['exit-code']).toBeUndefined();
    expect(existsSync(join(run.workspace, 'chokepoint.sarif'))).toBe(false);
  });
});
