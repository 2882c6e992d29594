import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  wallMs: number;
  /** Peak resident memory of the measured Node process, in MB. */
  peakMB: number;
  stdout: string;
}

/**
 * Runs `node [-r rss-hook] script args` and measures its wall time and peak memory. The hook
 * reports the process's own maxRSS, so the harness's memory is never counted.
 */
export function measureNode(hook: string, script: string, args: string[], options: { cwd?: string } = {}): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', hook, script, ...args], { cwd: options.cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let peakKB = 0;
      try {
        peakKB = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
      } catch {
        // The process died before its exit hook ran.
      }
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0 && code !== 1) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString().slice(0, 2000)}`));
        return;
      }
      resolve({ wallMs, peakMB: peakKB / 1024, stdout: Buffer.concat(out).toString() });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `make` `runs` times one after another and keeps the median wall time and peak memory. */
export async function repeat(runs: number, make: () => Promise<Measurement>): Promise<Measurement> {
  const all: Measurement[] = [];
  for (let i = 0; i < runs; i++) all.push(await make());
  return { wallMs: median(all.map((m) => m.wallMs)), peakMB: median(all.map((m) => m.peakMB)), stdout: all[all.length - 1].stdout };
}
