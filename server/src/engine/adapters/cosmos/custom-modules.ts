import { isUnset, parseAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Path } from '../../parse';
import { GOV_MODULE_KEY } from './authority';

/**
 * Modules this adapter reads in full, and SDK and IBC modules whose genesis names no role: their
 * fields are never scanned.
 */
const KNOWN = new Set([
  'auth', 'bank', 'staking', 'gov', 'genutil', 'gentxs', 'accounts', 'slashing', 'distribution', 'distr', 'mint', 'params', 'upgrade', 'ccvconsumer', 'circuit',
  'authz', 'group', 'evm', 'vm', 'wasm', 'feemarket', 'globalfee', 'txfees',
  'capability', 'crisis', 'evidence', 'feegrant', 'vesting', 'consensus', 'nft', 'protocolpool', 'epochs', 'ibc', 'transfer', 'interchainaccounts', 'feeibc',
  'packetfowardmiddleware', 'packetforward', '06-solomachine', '07-tendermint', '08-wasm', '09-localhost',
]);

/** Fields of partly read modules that the adapter already reads. */
const TOKEN_FACTORY = ['owner', 'masterMinter', 'pauser', 'blacklister', 'mintersList', 'minterControllerList', 'factory_denoms'];
const READ_FIELDS = new Map<string, string[]>([['tokenfactory', TOKEN_FACTORY], ['fiattokenfactory', TOKEN_FACTORY], ['fiat-tokenfactory', TOKEN_FACTORY], ['poa', ['params.admins']]]);

/** Words that name a role held by an address. */
const ROLE_WORDS = new Set(['admin', 'administrator', 'superadmin', 'owner', 'authority', 'minter', 'burner', 'operator', 'guardian', 'pauser', 'blacklister', 'freezer', 'manager', 'controller', 'governor', 'upgrader', 'sudo']);

/**
 * Addresses that custom modules name in role-like fields (`admin`, `owner`, `minters`,
 * `cronos_admin`, …) of their state or params. What such a role can do only the module's code
 * says, so each is a grant with the single power `unscoped`, titled with the module and the field.
 * A module's own `authority` is read with the SDK's module authorities instead, and fields the
 * adapter reads (a token factory's roles, PoA admins) with their module.
 */
export function readCustomModuleRoles(builder: ModelBuilder): void {
  const app = builder.get(['app_state']);
  if (!isRecord(app)) return;
  for (const module of Object.keys(app)) {
    const state = app[module];
    if (KNOWN.has(module) || !isRecord(state)) continue;
    scan(builder, module, state, ['app_state', module], []);
    if (isRecord(state.params)) scan(builder, module, state.params, ['app_state', module, 'params'], ['params']);
  }
}

function scan(builder: ModelBuilder, module: string, fields: Record<string, unknown>, base: Path, shown: string[]): void {
  const read = READ_FIELDS.get(module) ?? [];
  for (const key of Object.keys(fields)) {
    if (key === 'authority' || read.includes([...shown, key].join('.'))) continue;
    const words = wordsOf(key);
    if (!words.some((w) => ROLE_WORDS.has(singular(w)))) continue;
    const value = fields[key];
    const where = [...shown, key].join('.');
    const role = (words[0] === module.toLowerCase() && words.length > 1 ? words.slice(1) : words).map(singular);
    const spec = { role: `${module}:${where}`, title: `${module} ${role.join(' ')} (${where})`, powers: ['unscoped' as const], layer: 'application' as const, critical: false };
    if (typeof value === 'string') grant(builder, [...base, key], value, spec);
    else if (Array.isArray(value)) value.forEach((item, i) => grant(builder, [...base, key, i], item, spec));
    // Noble-style modules wrap each role's address: {"address": "…"}.
    else if (isRecord(value) && typeof value.address === 'string') grant(builder, [...base, key, 'address'], value.address, spec);
  }
}

function grant(builder: ModelBuilder, path: Path, value: unknown, spec: Parameters<ModelBuilder['grant']>[1]): void {
  const address = parseAddress(value);
  if (!address || isUnset(address) || address.key === GOV_MODULE_KEY) return;
  builder.grant(path, spec);
}

/** "cronos_admin" → ["cronos", "admin"], "masterMinters" → ["master", "minters"]. */
function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-\s]+/)
    .filter(Boolean);
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
