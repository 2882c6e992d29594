import { describeType, ModelBuilder } from '../../model/builder';
import { isRecord, keysOf } from '../../model/read';
import type { Grant } from '../../model/schema';
import type { ParsedDocument } from '../../parse';
import { UNKNOWN_NETWORK } from '../networks';
import type { Adapter } from '../types';
import { PRECOMPILE_KEYS, readPrecompile } from './precompiles';

/**
 * A Subnet-EVM `upgrade.json`: `precompileUpgrades[]`, each entry one precompile config that takes
 * effect at its blockTimestamp (or, with `disable: true`, turns the precompile off). The roles an
 * upgrade grants are read like the genesis's; the native minter's initialMint is checked but not
 * counted as supply, since the supply it adds to is not in this file.
 */
export const subnetEvmUpgrade: Adapter = {
  id: 'avalanche-subnet-evm-upgrade',
  framework: 'Avalanche Subnet-EVM',
  duplicateKeys: "Subnet-EVM reads it with Go's encoding/json, which keeps the last value",
  title: 'Subnet-EVM upgrade.json',
  sniff: /\bprecompileUpgrades\b/,
  detect(value) {
    if (!isRecord(value) || !Array.isArray(value.precompileUpgrades)) return 0;
    const known = value.precompileUpgrades.some((entry) => keysOf(entry).some((key) => PRECOMPILE_KEYS.includes(key)));
    return known || value.precompileUpgrades.length === 0 ? 0.95 : 0.6;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const builder = new ModelBuilder(doc, { framework: 'avalanche-subnet-evm', network: UNKNOWN_NETWORK.network, networkReason: UNKNOWN_NETWORK.reason });
    const upgrades = value.precompileUpgrades as unknown[];
    // The roles each precompile's latest activation granted, so that a later `disable` can end them.
    const active = new Map<string, Grant[]>();
    upgrades.forEach((entry, i) => {
      if (!isRecord(entry)) {
        builder.problem(['precompileUpgrades', i], `Each precompile upgrade should be an object, but it is ${describeType(entry)}.`);
        return;
      }
      const keys = Object.keys(entry);
      if (keys.length !== 1) builder.problem(['precompileUpgrades', i], `Each precompile upgrade should configure exactly one precompile, but this one has ${keys.length} keys.`);
      for (const key of keys) {
        if (!PRECOMPILE_KEYS.includes(key)) continue;
        const before = builder.model.grants.length;
        const read = readPrecompile(builder, ['precompileUpgrades', i, key], key, 'upgrade');
        const config = entry[key];
        if (read.active) active.set(key, builder.model.grants.slice(before));
        else if (isRecord(config) && config.disable === true) {
          const until = unixTime(config.blockTimestamp);
          for (const grant of active.get(key) ?? []) if (until) grant.expiresAt = until;
          active.delete(key);
        }
      }
    });
    return { model: builder.model, problems: builder.problems };
  },
};

/** A blockTimestamp (Unix seconds, decimal or hex) as RFC 3339; undefined when it is not one. */
function unixTime(value: unknown): string | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^(0x[0-9a-f]+|\d+)$/i.test(value.trim()) ? Number(value.trim()) : undefined;
  if (seconds === undefined || !Number.isSafeInteger(seconds) || seconds < 0 || seconds > 253_402_300_799) return undefined;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
