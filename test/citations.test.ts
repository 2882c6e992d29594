/**
 * A message cites the source that speaks for its chain's framework: no CometBFT halting threshold
 * for an Avalanche allocation, no Cosmos PoA module for a Substrate collator set, no L2BEAT stage
 * for a chain with its own consensus. Every rule × framework pair that fires on the examples, the
 * rule fixtures, the real-world corpus (and ../shared/corpus when present) is checked.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../server/src/engine/config/discover';
import { SOURCES, type SourceId } from '../server/src/engine/data/sources';
import type { FileReport } from '../server/src/engine/lint';
import { isRollupFamily } from '../server/src/engine/rules/framework-terms';
import { lintPaths } from '../server/src/engine/workspace';
import { chainFolders, lintableCopy } from './helpers/real-world';

const SHARED = join(__dirname, '..', '..', 'shared', 'corpus');
const NOW = new Date('2026-12-01T00:00:00Z');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(json|jsonc|ya?ml|toml)$/.test(name) && !name.startsWith('.') ? [path] : [];
  });
}

/** Every report to check: each fixture alone, each example, each real-world chain folder. */
function reports(): FileReport[] {
  const lint = (paths: string[]) => lintPaths(paths, { resolver: new ConfigResolver(), models: true, now: NOW }).reports;
  const fixtures = filesUnder(join(__dirname, 'fixtures', 'rules')).flatMap((file) => lint([file]));
  const examples = lint([join(__dirname, '..', 'examples')]);
  const realWorld = chainFolders().flatMap((folder) => lint([lintableCopy(folder)]));
  const shared = existsSync(SHARED) ? filesUnder(SHARED).filter((f) => !f.endsWith('PROVENANCE.tsv')).flatMap((file) => lint([file])) : [];
  return [...fixtures, ...examples, ...realWorld, ...shared];
}

/** The sources a message cites, by their short names in parentheses. */
function cited(message: string): SourceId[] {
  return (Object.keys(SOURCES) as SourceId[]).filter((id) => message.includes(SOURCES[id].short));
}

describe('every citation speaks for the framework of the chain it is about', () => {
  const all = reports();
  const pairs = new Map<string, Set<SourceId>>();
  const wrong: string[] = [];
  for (const report of all) {
    const framework = report.model?.chain.framework;
    if (!framework) continue;
    for (const finding of report.findings) {
      const key = `${finding.ruleId} × ${framework}`;
      const sources = pairs.get(key) ?? new Set();
      for (const id of cited(finding.message)) {
        sources.add(id);
        const scope: readonly string[] | undefined = (SOURCES[id] as { frameworks?: readonly string[] }).frameworks;
        if (scope && !scope.includes(framework)) wrong.push(`${key}: cites ${SOURCES[id].short} (for ${scope.join(', ')}) in ${report.uri}: ${finding.message.slice(0, 140)}`);
      }
      pairs.set(key, sources);
      // L2BEAT rates rollups: a chain with its own consensus is not held to its stages.
      if (!isRollupFamily(framework) && /L2BEAT|Stage [012]\b/.test(finding.message)) wrong.push(`${key}: speaks of L2BEAT stages in ${report.uri}: ${finding.message.slice(0, 140)}`);
    }
  }

  it('covers rules firing on every framework', () => {
    const frameworks = new Set([...pairs.keys()].map((k) => k.split(' × ')[1]));
    expect([...frameworks].sort()).toEqual(expect.arrayContaining(['appchain-manifest', 'arbitrum-orbit', 'avalanche-subnet-evm', 'cosmos-sdk', 'op-stack', 'polygon-zkevm', 'substrate']));
    console.info([...pairs.entries()].sort().map(([k, v]) => `${k}: ${[...v].join(', ') || '(no citation)'}`).join('\n'));
  });

  it('cites no source of another framework', () => {
    expect([...new Set(wrong)]).toEqual([]);
  });
});
