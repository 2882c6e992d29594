import { parseAddress, shortAddress } from '../../model/address';
import type { ModelBuilder, RoleSpec } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, Power } from '../../model/schema';
import type { Path } from '../../parse';
import { isAwaitingLaunch, isIcsConsumer, msgName, providerChainId } from './read';
import { lookupTable } from '../../text/lookup';

const APP: Path = ['app_state'];

/** The x/gov module account: sha256("gov")[:20], the same payload under every bech32 prefix. */
export const GOV_MODULE_ADDRESS = 'cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn';
const GOV_MODULE = parseAddress(GOV_MODULE_ADDRESS)!;
export const GOV_MODULE_KEY = GOV_MODULE.key;

const isGovernance = (address: Address) => address.key === GOV_MODULE.key;

/**
 * Powers granted outside governance. A module's `authority` defaults to the gov module account;
 * a genesis that sets it to anything else hands that module's Msgs to a key (Cosmos SDK module
 * config). x/circuit super admins can disable any Msg; authz grants let a grantee sign for a
 * granter; PoA admins pick the validators; token-factory roles mint, pause and blacklist.
 */
export function readAuthorities(builder: ModelBuilder): void {
  const app = builder.get(APP);
  if (!isRecord(app)) return;
  for (const module of Object.keys(app)) {
    const state = app[module];
    if (!isRecord(state)) continue;
    if (typeof state.authority === 'string') authority(builder, module, [...APP, module, 'authority']);
    if (isRecord(state.params) && typeof state.params.authority === 'string') authority(builder, module, [...APP, module, 'params', 'authority']);
  }
  readCircuit(builder);
  readAuthz(builder);
  readTokenFactory(builder);
}

function authority(builder: ModelBuilder, module: string, path: Path): void {
  const holder = builder.address(path, `The ${module} module authority`);
  if (!holder || isGovernance(holder)) return;
  const powers: Power[] = module === 'upgrade' ? ['upgrade'] : module === 'circuit' ? ['pause'] : ['set-params'];
  builder.model.grants.push({ role: `${module}-authority`, title: `${module} module authority`, powers, holder, layer: 'governance', critical: true, root: true, source: 'cosmosModuleAuthority', at: builder.origin(path) });
}

const CIRCUIT_LEVELS = lookupTable<number>({ LEVEL_NONE_UNSPECIFIED: 0, LEVEL_SOME_MSGS: 1, LEVEL_ALL_MSGS: 2, LEVEL_SUPER_ADMIN: 3 });

function readCircuit(builder: ModelBuilder): void {
  const path = [...APP, 'circuit', 'account_permissions'];
  const permissions = builder.get(path);
  if (!Array.isArray(permissions)) return;
  permissions.forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const permission = isRecord(entry.permissions) ? entry.permissions : {};
    const level = typeof permission.level === 'number' ? permission.level : CIRCUIT_LEVELS[String(permission.level)] ?? 0;
    const addressPath = [...path, i, 'address'];
    if (level >= 3) {
      const holder = builder.address(addressPath, 'An x/circuit account');
      if (holder) builder.model.grants.push({ role: 'circuit-super-admin', title: 'x/circuit super admin', powers: ['pause', 'halt'], holder, layer: 'governance', critical: true, root: true, source: 'cosmosCircuit', at: builder.origin(addressPath) });
    } else if (level === 2) {
      builder.grant(addressPath, { role: 'circuit-all-msgs', title: 'x/circuit breaker for all messages', powers: ['pause', 'halt'], layer: 'execution', critical: true });
    } else if (level === 1) {
      const count = Array.isArray(permission.limit_type_urls) ? permission.limit_type_urls.length : 0;
      builder.grant(addressPath, { role: 'circuit-some-msgs', title: `x/circuit breaker for ${count} message type${count === 1 ? '' : 's'}`, powers: ['pause'], layer: 'execution', critical: false });
    }
  });
}

/** Msgs whose delegation hands over control of the chain, with what they control. */
function authzPowers(typeUrl: string): Power[] | undefined {
  if (/\.upgrade\./.test(typeUrl)) return ['upgrade'];
  if (/\.gov\./.test(typeUrl) || /\.group\./.test(typeUrl)) return ['govern'];
  if (/\.staking\./.test(typeUrl)) return ['govern'];
  if (/\.circuit\./.test(typeUrl)) return ['pause'];
  if (/MsgUpdateParams$/.test(typeUrl)) return ['set-params'];
  return undefined;
}

function readAuthz(builder: ModelBuilder): void {
  const path = [...APP, 'authz', 'authorization'];
  const grants = builder.get(path);
  if (!Array.isArray(grants)) return;
  grants.forEach((grant, i) => {
    if (!isRecord(grant) || !isRecord(grant.authorization)) return;
    const type = typeof grant.authorization['@type'] === 'string' ? grant.authorization['@type'] : '';
    // GenericAuthorization names one Msg; StakeAuthorization covers delegating, undelegating and redelegating.
    const msg = typeof grant.authorization.msg === 'string' ? grant.authorization.msg : /StakeAuthorization$/.test(type) ? type : '';
    const powers = authzPowers(msg);
    if (!powers) return;
    const granter = typeof grant.granter === 'string' ? shortAddress(grant.granter) : 'an unnamed granter';
    const expiration = grant.expiration;
    const expiresAt = typeof expiration === 'string' && expiration.trim() !== '' ? expiration : null;
    const spec: RoleSpec = { role: `authz:${msg}`, title: `authz grantee of ${msgName(msg)} for ${granter}`, powers, layer: 'governance', critical: true };
    const recorded = builder.grant([...path, i, 'grantee'], spec);
    if (recorded) recorded.expiresAt = expiresAt;
  });
}

const TOKEN_FACTORIES = ['tokenfactory', 'fiattokenfactory', 'fiat-tokenfactory'];

/**
 * Token factories: Noble-style (Circle FiatToken) with one address per role, and Osmosis-style,
 * where each denom's admin mints and burns it and can hand the denom over.
 */
function readTokenFactory(builder: ModelBuilder): void {
  for (const module of TOKEN_FACTORIES) {
    const base = [...APP, module];
    const state = builder.get(base);
    if (!isRecord(state)) continue;
    if (Array.isArray(state.factory_denoms)) {
      state.factory_denoms.forEach((entry, i) => {
        if (!isRecord(entry)) return;
        const denom = typeof entry.denom === 'string' ? entry.denom : `denom ${i}`;
        const metadata = isRecord(entry.authority_metadata) ? 'authority_metadata' : 'authorityMetadata';
        builder.grant([...base, 'factory_denoms', i, metadata, 'admin'], { role: `${module}-denom-admin`, title: `token factory admin of ${denom}`, powers: ['mint'], layer: 'application', critical: true });
      });
    }
    const denom = isRecord(state.mintingDenom) && typeof state.mintingDenom.denom === 'string' ? ` (${state.mintingDenom.denom})` : '';
    const role = (key: string, title: string, powers: Power[]) => {
      if (isRecord(state[key])) builder.grant([...base, key, 'address'], { role: `${module}-${key}`, title: `token factory ${title}${denom}`, powers, layer: 'application', critical: true });
    };
    // The owner appoints the master minter, pauser and blacklister, so it can mint by appointing itself.
    role('owner', 'owner', ['mint']);
    role('masterMinter', 'master minter', ['mint']);
    role('pauser', 'pauser', ['pause']);
    role('blacklister', 'blacklister', ['censor']);
    if (Array.isArray(state.mintersList)) {
      state.mintersList.forEach((_, i) => builder.grant([...base, 'mintersList', i, 'address'], { role: `${module}-minter`, title: `token factory minter${denom}`, powers: ['mint'], layer: 'application', critical: true }));
    }
  }
}

/**
 * Who admits validators: a PoA module (strangelove-ventures/poa `params.admins`; with no admins, as
 * in xrplevm's x/poa that OpenGradient uses, only governance proposals add validators), an
 * Interchain Security consumer inheriting the provider's set, or anyone who stakes.
 */
export function readValidatorSet(builder: ModelBuilder): void {
  const consumer = builder.get([...APP, 'ccvconsumer']);
  if (isRecord(consumer) && isIcsConsumer(builder.get(APP))) {
    const chainIdPath = isRecord(consumer.provider_client_state)
      ? [...APP, 'ccvconsumer', 'provider_client_state', 'chain_id']
      : [...APP, 'ccvconsumer', 'provider', 'client_state', 'chain_id'];
    const provider = providerChainId(builder.get(APP));
    const at = builder.origin(provider ? chainIdPath : [...APP, 'ccvconsumer']);
    const how = isAwaitingLaunch(builder.get(APP))
      ? 'an Interchain Security consumer before launch, to be validated by the Interchain Security provider chain that launches it, which this file does not name yet'
      : `an Interchain Security consumer, validated by the provider chain${provider ? ` "${provider}"` : ''}`;
    builder.model.validatorSet = { admission: 'inherited', how, source: 'icsConsumer', at };
    builder.model.dependencies.push({ kind: 'validator-set', layer: 'execution', name: provider ? `Interchain Security provider "${provider}"` : 'the Interchain Security provider chain', provider, operators: [], shared: true, at });
    return;
  }
  const poa = builder.get([...APP, 'poa']);
  if (isRecord(poa)) {
    const adminsPath = [...APP, 'poa', 'params', 'admins'];
    const admins = builder.get(adminsPath);
    const listed = Array.isArray(admins) ? admins : [];
    let granted = 0;
    listed.forEach((_, i) => {
      if (builder.grant([...adminsPath, i], { role: 'poa-admin', title: 'PoA admin', powers: ['set-validators'], layer: 'governance', critical: true })) granted++;
    });
    // Without admins only the module's authority admits validators: governance, when the genesis has a gov module to say so.
    const governed = granted === 0 && isRecord(builder.get([...APP, 'gov']));
    if (governed) {
      builder.model.grants.push({ role: 'poa-governance', title: 'PoA validator admission (governance proposals)', powers: ['set-validators'], holder: GOV_MODULE, layer: 'governance', critical: true, at: builder.origin([...APP, 'poa']) });
    }
    const how = granted > 0
      ? `proof of authority: the PoA admins add and remove validators and set their power`
      : governed
        ? 'proof of authority: validators are added and removed only by governance proposals, and delegation is disabled'
        : 'proof of authority: validators are added and removed only by the PoA module\'s authority, which the genesis does not name';
    builder.model.validatorSet = { admission: 'permissioned', how, source: 'strangelovePoa', at: builder.origin(granted > 0 ? adminsPath : [...APP, 'poa']) };
    return;
  }
  if (isRecord(builder.get([...APP, 'staking']))) {
    const max = builder.get([...APP, 'staking', 'params', 'max_validators']);
    builder.model.validatorSet = { admission: 'permissionless', how: `proof of stake: anyone who bonds enough to rank among the top ${typeof max === 'number' || typeof max === 'string' ? max : 'max_validators'} validators`, source: 'cosmosStakingParams', at: builder.origin([...APP, 'staking']) };
  }
}
