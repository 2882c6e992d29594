import type { ModelBuilder } from '../model/builder';
import { evmChainId } from '../model/read';
import type { Path } from '../parse';
import { chainTitle } from './networks';

/** `evm:<decimal>` for an EIP-155 chain id, however the file writes it. */
export function evmIdentity(value: unknown): string | undefined {
  const id = evmChainId(value);
  return id === undefined ? undefined : `evm:${id}`;
}

/** Records the EIP-155 chain at `path` as the chain this one settles on (a rollup's L1, an L3's L2). */
export function evmParent(builder: ModelBuilder, path: Path): void {
  const id = evmChainId(builder.get(path));
  if (id !== undefined) builder.model.chain.parent = { id: `evm:${id}`, title: chainTitle(id), at: builder.origin(path) };
}

/**
 * Records which chain the file describes: its own ids, traits that tell chains apart, and whether
 * it describes several. The parent, when set, is a trait: a chain id on two parents is two chains.
 */
export function identify(builder: ModelBuilder, ids: (string | undefined)[], traits: (string | undefined)[] = [], several = false): void {
  const parent = builder.model.chain.parent;
  const clean = (list: (string | undefined)[]) => [...new Set(list.filter((x): x is string => x !== undefined && x !== ''))];
  builder.model.chain.identity = {
    ids: several ? [] : clean(ids),
    traits: clean([...traits, parent ? `parent:${parent.id}` : undefined]),
    ...(several ? { several: true } : {}),
  };
}
