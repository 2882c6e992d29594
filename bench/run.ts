/**
 * `npm run bench`: lints synthetic inputs with the CLI and the language server and prints wall
 * time and peak memory beside bare JSON.parse (the floor) and Spectral with an equivalent
 * ruleset, as ratios measured in the same run. Not a test: the machine is noisy, so it reports
 * medians and leaves judgement to the reader and BENCHMARKS.md.
 *
 * It first packages the extension and the npm tarball (their sizes are the first table), which
 * leaves dist/ minified, as shipped.
 *
 *   npm run bench                 all inputs, 3 runs each
 *   npm run bench -- --quick      skip the 90 MB genesis and Spectral
 *   npm run bench -- --runs 5     more runs per case
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { cosmosGenesis, generateInputs } from './generate';
import { lspTimings } from './lsp';
import { generateWorkspace } from './workspace';
import { measureNode, median, repeat, type Measurement } from './measure';

const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const HOOK = join(ROOT, 'bench', 'rss-hook.cjs');
const FLOOR = join(ROOT, 'bench', 'json-parse.cjs');
const CLI = join(ROOT, 'dist', 'cli.js');
const SPECTRAL_VERSION = '6.16.3';
const SPECTRAL = join(OUT, 'spectral', 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const withSpectral = !quick && !argv.includes('--no-spectral');

interface Row {
  input: string;
  sizeMB: number;
  tool: string;
  wallMs: number;
  peakMB: number;
  wallRatio?: number;
  memRatio?: number;
}

/** Spectral is the comparison, not a dependency: installed on first use into bench/out, pinned. */
function ensureSpectral(): boolean {
  if (existsSync(SPECTRAL)) return true;
  const dir = join(OUT, 'spectral');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  try {
    console.error(`Installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into bench/out/spectral …`);
    execFileSync('npm', ['install', `@stoplight/spectral-cli@${SPECTRAL_VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    return existsSync(SPECTRAL);
  } catch {
    console.error('Spectral could not be installed; its rows are left out.');
    return false;
  }
}

/**
 * What each finding says, without where and without the count of holders: the geneses differ only
 * by small accounts, so the verdicts (rule, severity, holder, share) must not depend on the size.
 */
function verdicts(json: string): string[] {
  const report = JSON.parse(json) as { files: { findings: { ruleId: string; severity: string; message: string }[] }[] };
  return report.files.flatMap((f) => f.findings.map((x) => `${x.severity} ${x.ruleId}: ${x.message.replace(/\b\d[\d,]* holders\b/g, 'N holders')}`)).sort();
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits));

function table(rows: Row[]): string {
  const header = ['input', 'size MB', 'tool', 'wall ms', 'peak MB', 'wall ×floor', 'mem ×floor'];
  const lines = rows.map((r) => [r.input, fmt(r.sizeMB, 1), r.tool, fmt(r.wallMs), fmt(r.peakMB), fmt(r.wallRatio, 2), fmt(r.memRatio, 2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

/** The .vsix budget (issue 15), in vsce's units. */
const VSIX_BUDGET_MB = 1.5;
const MB = 1024 * 1024;

/**
 * What users download: `npm run package` into bench/out (it builds dist/ minified, so the CLI rows
 * below measure the bundles that ship) and the npm tarball `npm pack` makes of it.
 */
function packageSizes(): { vsixMB: number; tarballMB: number; unpackedMB: number; files: number } {
  const vsix = join(OUT, 'chokepoint.vsix');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', OUT], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  return { vsixMB: statSync(vsix).size / MB, tarballMB: packed.size / MB, unpackedMB: packed.unpackedSize / MB, files: packed.entryCount };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sizes = packageSizes();
  const inputs = generateInputs(join(OUT, 'inputs'));
  const spectral = withSpectral && ensureSpectral();
  const rows: Row[] = [];
  const cliInputs = ['cosmos-genesis-1mb.json', 'cosmos-genesis-10mb.json', ...(quick ? [] : ['cosmos-genesis-90mb.json']), 'op-deploy-config-5kb.json', 'substrate-chain-spec-2mb.json'];
  const findings = new Map<string, string[]>();
  for (const name of cliInputs) {
    const file = inputs.get(name)!;
    const sizeMB = statSync(file).size / 1e6;
    const floor = await repeat(runs, () => measureNode(HOOK, FLOOR, [file]));
    rows.push({ input: name, sizeMB, tool: 'JSON.parse (read + parse)', ...floor });
    const cli = await repeat(runs, () => measureNode(HOOK, CLI, ['lint', file, '--format', 'json', '--fail-on', 'none'], { cwd: OUT }));
    findings.set(name, verdicts(cli.stdout));
    rows.push(ratios({ input: name, sizeMB, tool: 'chokepoint lint', ...cli }, floor));
    if (spectral && name.startsWith('cosmos-')) {
      const result: Measurement = await repeat(1, () => measureNode(HOOK, SPECTRAL, ['lint', '--ruleset', join(ROOT, 'bench', 'spectral-ruleset.yaml'), '--format', 'json', '--quiet', file], { cwd: OUT }));
      rows.push(ratios({ input: name, sizeMB, tool: `Spectral ${SPECTRAL_VERSION} (4 rules, 1 run)`, ...result }, floor));
    }
  }

  const scan = await workspaceScan(generateWorkspace(join(OUT, 'workspace-1000'), 1000), Math.max(runs, 3));

  const lsp = [
    await lspTimings(CLI, inputs.get('cosmos-genesis-9mb.json')!, quick ? 5 : 15, 250),
    await lspTimings(CLI, inputs.get('op-deploy-config-5kb.json')!, quick ? 10 : 30, 250),
  ];
  // The same small config with an unrelated 25 MB genesis in its folder: a folder-mate read once costs nothing per edit.
  const besideDir = join(OUT, 'beside-25mb-genesis');
  mkdirSync(besideDir, { recursive: true });
  writeFileSync(join(besideDir, 'op-deploy-config-5kb.json'), readFileSync(inputs.get('op-deploy-config-5kb.json')!, 'utf8'));
  writeFileSync(join(besideDir, 'unrelated-genesis-25mb.json'), cosmosGenesis(25_000_000));
  const beside = await lspTimings(CLI, join(besideDir, 'op-deploy-config-5kb.json'), quick ? 10 : 30, 250);

  const out: string[] = [];
  out.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${runs} runs.`);
  out.push('', '### Package', '', '| artifact | size MB | budget MB |', '|---|---|---|');
  out.push(`| chokepoint.vsix (\`npm run package\`) | ${fmt(sizes.vsixMB, 2)} | ${VSIX_BUDGET_MB} |`);
  out.push(`| npm tarball (\`npm pack\`, ${sizes.files} files, ${fmt(sizes.unpackedMB, 2)} MB unpacked) | ${fmt(sizes.tarballMB, 2)} | |`);
  out.push('', '### CLI', '', table(rows));
  out.push('', `### Workspace scan (\`chokepoint lint\` on a folder of ${scan.files} small configs in ${scan.chains} chains, ${fmt(scan.sizeMB, 1)} MB; medians of ${scan.runs} alternating runs; 1-minute load average before: ${fmt(scan.load, 2)})`, '');
  out.push('| threads | wall ms | peak MB | speed-up |', '|---|---|---|---|');
  out.push(`| 1 (\`--jobs 1\`) | ${fmt(scan.sequential.wallMs)} | ${fmt(scan.sequential.peakMB)} | 1.00 |`);
  out.push(`| ${scan.workers} worker threads (\`--jobs ${scan.workers}\`) | ${fmt(scan.parallel.wallMs)} | ${fmt(scan.parallel.peakMB)} | ${fmt(scan.sequential.wallMs / scan.parallel.wallMs, 2)} |`);
  out.push('', `Same JSON report either way: ${scan.identical ? 'yes' : 'NO'}`);
  out.push('', '### Language server (pull diagnostics over stdio)', '');
  out.push('| input | size MB | first diagnostics ms | didChange→diagnostics p50 ms | p95 ms | edits |', '|---|---|---|---|---|---|');
  for (const t of lsp) out.push(`| ${t.file.split('/').pop()} | ${fmt(statSync(t.file).size / 1e6, 3)} | ${fmt(t.firstMs)} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${t.changeMs.length} |`);
  out.push(`| op-deploy-config-5kb.json beside an unrelated 25 MB genesis | ${fmt(statSync(beside.file).size / 1e6, 3)} | ${fmt(beside.firstMs)} | ${fmt(beside.p50)} (${fmt(beside.p50 / lsp[1].p50, 2)}× alone) | ${fmt(beside.p95)} | ${beside.changeMs.length} |`);
  const small = findings.get('cosmos-genesis-1mb.json');
  const same = [...findings].filter(([name]) => name.startsWith('cosmos-')).every(([, list]) => JSON.stringify(list) === JSON.stringify(small));
  out.push('', `Findings identical on every Cosmos genesis size (${small?.length ?? 0} findings each): ${same ? 'yes' : 'NO'}`);
  const text = out.join('\n');
  console.log(text);
  writeFileSync(join(OUT, 'results.md'), `${text}\n`);
  if (!same || !scan.identical || sizes.vsixMB > VSIX_BUDGET_MB) process.exitCode = 1;
}

/**
 * `chokepoint lint <folder>` on one thread (`--jobs 1`) and on the default pool, alternating so
 * that the noise of a shared machine falls on both alike; medians, and whether the reports match.
 */
async function workspaceScan(dir: string, runs: number) {
  const load = loadavg()[0];
  // A pool of one a core, at least two, asked for explicitly: by default 2-core machines stay on one thread.
  const workers = Math.max(2, availableParallelism());
  const args = ['lint', dir, '--format', 'json', '--fail-on', 'none'];
  const sequential: Measurement[] = [];
  const parallel: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    sequential.push(await measureNode(HOOK, CLI, [...args, '--jobs', '1'], { cwd: OUT }));
    parallel.push(await measureNode(HOOK, CLI, [...args, '--jobs', String(workers)], { cwd: OUT }));
  }
  const middle = (list: Measurement[]) => ({ wallMs: median(list.map((m) => m.wallMs)), peakMB: median(list.map((m) => m.peakMB)) });
  const report = JSON.parse(sequential[0].stdout) as { files: { path: string }[] };
  const bytes = report.files.reduce((sum, f) => sum + statSync(join(OUT, f.path)).size, 0);
  return {
    runs,
    load,
    files: report.files.length,
    chains: new Set(report.files.map((f) => f.path.split('/').slice(0, -1).join('/'))).size,
    sizeMB: bytes / 1e6,
    workers,
    sequential: middle(sequential),
    parallel: middle(parallel),
    identical: [...sequential, ...parallel].every((m) => m.stdout === sequential[0].stdout),
  };
}

function ratios(row: Row, floor: Measurement): Row {
  return { ...row, wallRatio: row.wallMs / floor.wallMs, memRatio: row.peakMB / floor.peakMB };
}

void main();
