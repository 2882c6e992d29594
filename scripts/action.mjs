// The lint step of the GitHub Action (action.yml), run by the runner with the action's inputs in
// INPUT_* variables: lints the paths twice with the same options, once into the SARIF report that
// the next step uploads to code scanning and once in the `github` format, whose workflow commands
// annotate the pull request; writes `sarif-file` and `exit-code` to $GITHUB_OUTPUT and a summary to
// $GITHUB_STEP_SUMMARY. It fails only for a usage or configuration error (exit 2); the action's last
// step fails the job on findings, after the upload.
//
// The CLI is the one beside this script (dist/cli.js, in a checkout that was built), or else the
// npm package of this action's version, so a tag of the action runs the CLI released with it.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const input = (name) => (process.env[`INPUT_${name}`] ?? '').trim();

const paths = input('PATHS').split(/\s+/).filter(Boolean);
const sarifFile = input('SARIF_FILE') || 'chokepoint.sarif';
const failOn = input('FAIL_ON') || 'error';
const options = [...(input('PRESET') ? ['--preset', input('PRESET')] : []), ...(input('CONFIG') ? ['--config', input('CONFIG')] : [])];

const built = join(root, 'dist', 'cli.js');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const [command, ...prefix] = existsSync(built) ? [process.execPath, built] : ['npx', '--yes', `chokepoint@${version}`];

/** Runs the CLI with its output passed through (the runner reads the annotations from stdout); returns the exit code. */
function chokepoint(args) {
  const run = spawnSync(command, [...prefix, ...args], { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  if (run.error) throw run.error;
  return run.status ?? 2;
}

function output(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

// The SARIF report holds every finding, whatever the fail level: code scanning shows each at its own level.
const sarifRun = chokepoint(['lint', ...paths, '--format', 'sarif', '--output', sarifFile, ...options, '--fail-on', 'none']);
if (sarifRun !== 0) process.exit(sarifRun);
output('sarif-file', sarifFile);

const exitCode = chokepoint(['lint', ...paths, '--format', 'github', ...options, '--fail-on', failOn]);
if (exitCode === 2) process.exit(2);
output('exit-code', exitCode);

if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary(JSON.parse(readFileSync(resolve(sarifFile), 'utf8')), exitCode));

/** A table of the findings by level, from the SARIF report (suppressed ones counted apart). */
function summary(sarif, code) {
  const results = sarif.runs.flatMap((run) => run.results ?? []);
  const open = results.filter((r) => !(r.suppressions ?? []).length);
  const count = (level) => open.filter((r) => r.level === level).length;
  const files = new Set(open.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).size;
  return [
    '### Chokepoint',
    '',
    '| Errors | Warnings | Notes | Suppressed | Files with findings |',
    '|---|---|---|---|---|',
    `| ${count('error')} | ${count('warning')} | ${count('note')} | ${results.length - open.length} | ${files} |`,
    '',
    code === 0 ? `Nothing at the fail-on level (${failOn}).` : `Findings at the fail-on level (${failOn}): see the annotations, and code scanning for the report.`,
    '',
  ].join('\n');
}
