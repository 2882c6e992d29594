/**
 * The real-world corpus (test/real-world): public configs as real chains published them, with
 * what a careful auditor must conclude from each. Reports recall and false positives and fails
 * when they regress below baseline.json; fails on any stage shown above what the files support.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainFolders, configFiles, lintableCopy, lintFolder, readExpected, REAL_WORLD, scoreChain, summarizeScores, type ChainScore, type CorpusScore } from './helpers/real-world';

const folders = chainFolders();
const baseline = JSON.parse(readFileSync(join(REAL_WORLD, 'baseline.json'), 'utf8')) as CorpusScore;

describe('real-world corpus: provenance', () => {
  it('has at least 40 files from all six frameworks', () => {
    const files = folders.flatMap((f) => configFiles(f));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(new Set(folders.map((f) => f.split('/')[0]))).toEqual(new Set(['avalanche', 'cosmos', 'op-stack', 'orbit', 'polygon', 'substrate']));
  });

  it.each(folders)('%s: every file is recorded with its repository, path, commit and licence', (folder) => {
    const expected = readExpected(folder);
    expect(Object.keys(expected.files).sort()).toEqual(configFiles(folder));
    for (const [name, source] of Object.entries(expected.files)) {
      expect(source.repo, name).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(source.path, name).toBeTruthy();
      expect(source.commit, name).toMatch(/^[0-9a-f]{40}$/);
      expect(source.license, name).toBeTruthy();
    }
    expect(['mainnet', 'testnet', 'devnet']).toContain(expected.network);
    expect(['not-a-rollup', 'unknown', 0, 1, 2]).toContain(expected.stage);
  });
});

describe('real-world corpus: what Chokepoint concludes', () => {
  const scores: ChainScore[] = folders.map((folder) => scoreChain(folder, lintFolder(lintableCopy(folder))));
  const total = summarizeScores(scores);

  it('reports recall and false positives, and neither regresses', () => {
    const lines = scores.map((s) => [
      s.folder.padEnd(46),
      `${s.found.length}/${s.expected.facts?.length ?? 0}`.padStart(6),
      String(s.falsePositives.length).padStart(3),
      `${s.network.ok ? ' ' : '✗'} ${s.network.actual}`.padEnd(12),
      `${s.stage.ok ? ' ' : '✗'} ${s.stage.actual}`,
      ...s.missed.map((m) => `\n${' '.repeat(48)}missed ${m.rule}${m.subject ? ` ${m.subject}` : ''}`),
      ...s.falsePositives.map((f) => `\n${' '.repeat(48)}false error ${f.ruleId}: ${f.message.slice(0, 110)}`),
    ].join(' '));
    console.info(`Real-world corpus: ${total.chains} chains, ${total.files} files\n${'chain'.padEnd(46)}  found  FP  network      stage\n${lines.join('\n')}\n`
      + `recall ${(total.recall * 100).toFixed(1)}% (${total.found}/${total.facts}), false positives ${total.falsePositives}, `
      + `network ${total.networkMatches}/${total.chains}, stage ${total.stageMatches}/${total.chains}, stage overclaims ${total.stageOverclaims}`);
    // UPDATE_BASELINE=1 records the current figures, after an improvement or a change to the corpus.
    if (process.env.UPDATE_BASELINE === '1') {
      writeFileSync(join(REAL_WORLD, 'baseline.json'), `${JSON.stringify(total, null, 2)}\n`);
      return;
    }
    // A corpus that grew scores new chains too; recall and false positives are compared as totals.
    expect(total.chains).toBeGreaterThanOrEqual(baseline.chains);
    expect(total.recall).toBeGreaterThanOrEqual(baseline.recall);
    expect(total.falsePositives).toBeLessThanOrEqual(baseline.falsePositives);
    expect(total.networkMatches).toBeGreaterThanOrEqual(baseline.networkMatches);
    expect(total.stageMatches).toBeGreaterThanOrEqual(baseline.stageMatches);
  });

  it('never shows a stage above what the files support', () => {
    expect(scores.filter((s) => s.stage.overclaim).map((s) => `${s.folder}: ${s.stage.actual}, expected ${s.stage.expected}`)).toEqual([]);
  });

  it('recognizes every file as the config it is', () => {
    const unrecognized = scores.flatMap((s) => s.reports.filter((r) => !r.adapter).map((r) => r.uri));
    expect(unrecognized).toEqual([]);
    expect(scores.filter((s) => s.reports.length === 0).map((s) => s.folder)).toEqual([]);
  });
});
