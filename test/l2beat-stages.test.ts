/**
 * The stage estimate beside the stages L2BEAT publishes for real OP Stack and Orbit chains
 * (test/real-world/l2beat-stages.yaml). From config alone the estimate may be lower than L2BEAT's,
 * or unknown with the missing fact named, but never higher; a chain L2BEAT does not stage (its data
 * is off the parent chain) gets no stage either. Prints the table the README records.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { estimateStage, stageText, type StageEstimate } from '../server/src/engine/stages';
import { lintableCopy, lintFolder, REAL_WORLD } from './helpers/real-world';

interface Published {
  chain: string;
  framework: string;
  folder?: string;
  shared?: string;
  l2beat: { stage: 0 | 1 | 2 | 'not-applicable' };
}

const SHARED = join(__dirname, '..', '..', 'shared', 'corpus');
const ENTRY: Record<string, string> = { 'Arbitrum One': 'arb1', 'Arbitrum Nova': 'nova' };
const published = parse(readFileSync(join(REAL_WORLD, 'l2beat-stages.yaml'), 'utf8')) as Published[];

/** The folder to lint for a chain: its corpus folder, or its own entry of a shared chain-info list. */
function folderOf(entry: Published): string | undefined {
  if (entry.folder) return lintableCopy(entry.folder);
  if (!entry.shared || !existsSync(join(SHARED, entry.shared))) return undefined;
  const list = JSON.parse(readFileSync(join(SHARED, entry.shared), 'utf8')) as { 'chain-name': string }[];
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-l2beat-'));
  writeFileSync(join(dir, 'chain-info.json'), JSON.stringify(list.filter((c) => c['chain-name'] === ENTRY[entry.chain]), null, 2));
  return dir;
}

function estimateOf(dir: string): StageEstimate {
  const reports = lintFolder(dir);
  const report = reports.find((r) => r.chain && r.entities)!;
  return estimateStage(report.chain!, report.entities!);
}

describe('the stage estimate against the stages L2BEAT publishes', () => {
  const rows = published.map((entry) => ({ entry, dir: folderOf(entry) })).filter((r) => r.dir !== undefined).map(({ entry, dir }) => ({ entry, estimate: estimateOf(dir!) }));

  it('compares at least a dozen real OP Stack and Orbit chains', () => {
    expect(rows.filter((r) => r.entry.folder).length).toBeGreaterThanOrEqual(11);
    const table = rows.map(({ entry, estimate }) => `| ${entry.chain} | ${entry.framework} | ${entry.l2beat.stage === 'not-applicable' ? 'not applicable' : `Stage ${entry.l2beat.stage}`} | ${stageText(estimate)} | ${estimate.missing.join('; ') || '—'} |`);
    console.info(['| Chain | Framework | L2BEAT | Chokepoint | Missing from the config |', '|---|---|---|---|---|', ...table].join('\n'));
  });

  it.each(published.filter((e) => e.folder || e.shared).map((e) => [e.chain, e] as const))('%s: never above L2BEAT\'s stage', (_, entry) => {
    const row = rows.find((r) => r.entry === entry);
    if (!row) return; // a chain of ../shared/corpus, which this machine does not have
    const { estimate } = row;
    if (entry.l2beat.stage === 'not-applicable') {
      expect(estimate.applies, stageText(estimate)).toBe(false);
      return;
    }
    expect(estimate.applies).toBe(true);
    if (estimate.stage !== undefined) expect(estimate.stage).toBeLessThanOrEqual(entry.l2beat.stage);
    if (estimate.bound !== 'exact') expect(estimate.missing.length).toBeGreaterThan(0);
  });
});
