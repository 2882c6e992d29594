import { describeType, ModelBuilder } from '../../model/builder';
import { isRecord, keysOf } from '../../model/read';
import { applyRoleEnds } from '../../model/timeline';
import type { ParsedDocument, Path } from '../../parse';
import { UNKNOWN_NETWORK } from '../networks';
import type { Adapter } from '../types';
import { PRECOMPILE_KEYS, precompileName, readPrecompile, rfc3339, rolesOf } from './precompiles';

/**
 * A Subnet-EVM `upgrade.json`: `precompileUpgrades[]`, each entry one precompile config that takes
 * effect at its blockTimestamp (or, with `disable: true`, turns the precompile off). The roles an
 * upgrade grants are read like the genesis's, from its blockTimestamp; a disable ends the roles
 * granted before it (`roleEnds`), here or in the genesis. The native minter's initialMint is checked
 * but not counted as supply, since the supply it adds to is not in this file.
 */
export const subnetEvmUpgrade: Adapter = {
  id: 'avalanche-subnet-evm-upgrade',
  framework: 'Avalanche Subnet-EVM',
  duplicateKeys: "Subnet-EVM reads it with Go's encoding/json, which keeps the last value",
  title: 'Subnet-EVM upgrade.json',
  describes: 'plan',
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
    upgrades.forEach((entry, i) => {
      if (!isRecord(entry)) {
        builder.problem(['precompileUpgrades', i], `Each precompile upgrade should be an object, but it is ${describeType(entry)}.`);
        return;
      }
      const keys = Object.keys(entry);
      if (keys.length !== 1) builder.problem(['precompileUpgrades', i], `Each precompile upgrade should configure exactly one precompile, but this one has ${keys.length} keys.`);
      for (const key of keys) {
        if (!PRECOMPILE_KEYS.includes(key)) continue;
        const read = readPrecompile(builder, ['precompileUpgrades', i, key], key, 'upgrade');
        const config = entry[key];
        if (!read.active && isRecord(config) && config.disable === true && read.timestamp !== undefined) endRoles(builder, ['precompileUpgrades', i, key], key, read.timestamp);
      }
    });
    // Ends within this file; lint.ts applies them again to the roles the chain's genesis grants.
    applyRoleEnds(builder.model);
    return { model: builder.model, problems: builder.problems };
  },
};

/**
 * `disable: true` self-destructs the precompile at its blockTimestamp, wiping its allow lists and
 * settings (subnet-evm core/state_processor_ext.go): every role it granted before ends there.
 */
function endRoles(builder: ModelBuilder, path: Path, key: string, seconds: number): void {
  const roles = rolesOf(key);
  if (roles.length === 0) return;
  (builder.model.roleEnds ??= []).push({
    roles,
    title: `the upgrade that disables the ${precompileName(key)} precompile`,
    until: rfc3339(seconds),
    source: 'subnetEvmPrecompileUpgrades',
    at: builder.origin([...path, 'disable']),
  });
}
