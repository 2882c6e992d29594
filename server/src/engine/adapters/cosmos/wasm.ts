import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Path } from '../../parse';

const WASM: Path = ['app_state', 'wasm'];

/** AccessConfig permissions that name who may act; "Everybody" and "Nobody" name no one. */
const LISTED = new Set(['OnlyAddress', 'AnyOfAddresses', 'ACCESS_TYPE_ONLY_ADDRESS', 'ACCESS_TYPE_ANY_OF_ADDRESSES']);

/**
 * CosmWasm (wasmd) permissions: `params.code_upload_access` restricted to addresses makes them the
 * only ones who can put code on the chain, and a stored code's `instantiate_config` the only ones
 * who can create contracts from it. Older wasmd writes one `address`, newer a list of `addresses`.
 */
export function readWasm(builder: ModelBuilder): void {
  const upload = [...WASM, 'params', 'code_upload_access'];
  grantListed(builder, upload, 'wasm-code-upload', 'CosmWasm code uploader (params.code_upload_access)');
  const codes = builder.get([...WASM, 'codes']);
  if (!Array.isArray(codes)) return;
  codes.forEach((code, i) => {
    if (!isRecord(code)) return;
    const id = typeof code.code_id === 'string' || typeof code.code_id === 'number' ? code.code_id : i;
    grantListed(builder, [...WASM, 'codes', i, 'code_info', 'instantiate_config'], 'wasm-instantiate', `CosmWasm instantiator of code ${id} (instantiate_config)`);
  });
}

function grantListed(builder: ModelBuilder, path: Path, role: string, title: string): void {
  const access = builder.get(path);
  if (!isRecord(access) || !LISTED.has(String(access.permission))) return;
  const spec = { role, title, powers: ['deploy' as const], layer: 'application' as const, critical: false };
  if (Array.isArray(access.addresses) && access.addresses.length > 0) access.addresses.forEach((_, i) => builder.grant([...path, 'addresses', i], spec));
  else builder.grant([...path, 'address'], spec);
}
