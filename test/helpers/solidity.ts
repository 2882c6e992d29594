import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Abi, Hex } from 'viem';
import type { Artifact } from './anvil';

const require = createRequire(import.meta.url);

/**
 * Compiles Solidity with the npm `solc` package (the compiler built to WebAssembly, no download),
 * for the few contracts no npm artifact has. Imports of `@openzeppelin/contracts/…` are read from
 * node_modules. Returns every contract's artifact by name.
 */
export function compileSolidity(sources: Record<string, string>): Record<string, Artifact> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require('solc') as { compile: (input: string, callbacks: { import: (path: string) => { contents: string } | { error: string } }) => string };
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([name, content]) => [name, { content }])),
    settings: { evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const findImport = (path: string) => {
    try {
      return { contents: readFileSync(require.resolve(path), 'utf8') };
    } catch {
      return { error: `not found: ${path}` };
    }
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const artifacts: Record<string, Artifact> = {};
  for (const file of Object.values(output.contracts)) {
    for (const [name, contract] of Object.entries(file)) artifacts[name] = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` as Hex };
  }
  return artifacts;
}
