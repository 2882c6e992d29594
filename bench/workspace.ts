/**
 * The workspace-scan input: a folder of many small configs, as a monorepo of chains holds. Two
 * files per chain folder, the folders cycling through OP Stack deploy configs (~5 KB), Cosmos
 * geneses (~20 KB: 5 gentxs, a few accounts) and Substrate chain specs (~10 KB). Seeded.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainSpec, cosmosGenesis, deployConfig } from './generate';

const pad = (n: number) => String(n).padStart(4, '0');

/** A Cosmos genesis of about 20 KB: the benchmark genesis cut to its first 5 gentxs. */
function smallGenesis(seed: number): string {
  const genesis = JSON.parse(cosmosGenesis(0, seed)) as { chain_id: string; app_state: { genutil: { gen_txs: unknown[] } } };
  genesis.chain_id = `benchchain-${seed}`;
  genesis.app_state.genutil.gen_txs = genesis.app_state.genutil.gen_txs.slice(0, 5);
  return JSON.stringify(genesis, null, 2);
}

function smallDeployConfig(seed: number): string {
  return JSON.stringify({ ...(JSON.parse(deployConfig()) as object), l2ChainID: 500_000 + seed }, null, 2);
}

/** Writes `files` configs under `dir` (replacing what was there) and returns the folder. */
export function generateWorkspace(dir: string, files = 1000): string {
  rmSync(dir, { recursive: true, force: true });
  const kinds = [
    { name: 'op', file: (i: number) => ['deploy-config.json', smallDeployConfig(i)] },
    { name: 'cosmos', file: (i: number) => ['genesis.json', smallGenesis(i)] },
    { name: 'substrate', file: (i: number) => ['chain-spec.json', chainSpec(10_000, i)] },
  ] as const;
  for (let i = 0; i < files; i++) {
    const chain = i >> 1;
    const kind = kinds[chain % kinds.length];
    const folder = join(dir, `${kind.name}-${pad(chain)}`);
    mkdirSync(folder, { recursive: true });
    const [name, text] = kind.file(i);
    writeFileSync(join(folder, i % 2 === 0 ? name : `testnet-${name}`), text);
  }
  return dir;
}
