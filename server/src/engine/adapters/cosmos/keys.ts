import { parseAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, AddressFact, AuthorityModel } from '../../model/schema';
import type { Path } from '../../parse';
import { GENTX_LISTS } from './power';
import { unwrapAccount } from './read';

type KeyShape = Pick<AddressFact, 'kind' | 'threshold' | 'signers'> & { what: string };

/**
 * What the genesis shows of the accounts that matter (holders of a power, council members and
 * addresses, validators, each denom's largest holder): an account whose public key in
 * `auth.accounts` (or that signed its gentx) is one secp256k1, eth_secp256k1, ed25519 or secp256r1
 * key is a single key; a LegacyAminoPubKey is an M-of-N multisig. Accounts that never signed have no
 * key in the genesis, and stay unknown.
 */
export function readAccountKeys(builder: ModelBuilder): void {
  const wanted = addressesThatMatter(builder.model);
  if (wanted.size === 0) return;
  const known = new Set((builder.model.addressFacts ?? []).map((f) => f.address.key));
  const record = (rawAddress: unknown, key: unknown, path: Path, shown: string) => {
    const parsed = parseAddress(rawAddress);
    const shape = parsed && wanted.has(parsed.key) && !known.has(parsed.key) ? keyShape(key) : undefined;
    if (!parsed || !shape) return;
    known.add(parsed.key);
    const { what, ...kind } = shape;
    // A gentx may name only the validator operator address; the account it is, as the model holds it, names it better.
    const address = wanted.get(parsed.key) ?? parsed;
    (builder.model.addressFacts ??= []).push({ address, ...kind, why: `${shown} ${what}`, at: builder.origin(path) });
  };
  for (const path of [['app_state', 'auth', 'accounts'], ['app_state', 'accounts']]) {
    const accounts = builder.get(path);
    if (!Array.isArray(accounts)) continue;
    accounts.forEach((raw, i) => {
      if (isRecord(raw) && raw.pub_key === null) return;
      const account = unwrapAccount(raw);
      if (!account || !account.base.pub_key) return;
      record(account.base.address, account.base.pub_key, [...path, i, ...account.steps, 'pub_key'], 'its account\'s public key in auth.accounts is');
    });
  }
  for (const listPath of GENTX_LISTS) {
    const txs = builder.get(listPath);
    if (!Array.isArray(txs)) continue;
    txs.forEach((tx, i) => {
      const signer = gentxSigner(tx);
      if (signer) record(signer.address, signer.key, [...listPath, i, ...signer.keyPath], 'it signed its genesis transaction with');
    });
  }
}

/** The accounts worth a fact, by key, each as an account address where the model has one (not a validator operator address). */
function addressesThatMatter(model: AuthorityModel): Map<string, Address | undefined> {
  const keys = new Map<string, Address | undefined>();
  const add = (address: Address, account: boolean) => {
    if (account && !isOperator(address)) keys.set(address.key, address);
    else if (!keys.has(address.key)) keys.set(address.key, undefined);
  };
  for (const grant of model.grants) add(grant.holder, true);
  for (const council of model.councils) {
    if (council.address) add(council.address, true);
    for (const member of council.members) add(member, true);
  }
  for (const distribution of model.distributions) {
    if (distribution.kind !== 'supply') {
      for (const entry of distribution.entries) add(entry.holder, false);
      continue;
    }
    let top: Address | undefined;
    let most = -1n;
    for (const entry of distribution.entries) {
      const amount = BigInt(entry.amount);
      if (amount > most) [top, most] = [entry.holder, amount];
    }
    if (top) add(top, true);
  }
  return keys;
}

function isOperator(address: Address): boolean {
  return /valoper1/.test(address.raw);
}

/** The signer of a gentx (its validator's account) and the key it signed with: proto `auth_info.signer_infos`, or amino `signatures`. */
function gentxSigner(tx: unknown): { address: unknown; key: unknown; keyPath: Path } | undefined {
  if (!isRecord(tx)) return undefined;
  const body = isRecord(tx.body) ? tx.body : undefined;
  const amino = isRecord(tx.value) ? tx.value : undefined;
  const messages = body && Array.isArray(body.messages) ? body.messages : amino && Array.isArray(amino.msg) ? amino.msg : [];
  const message = messages.find((m) => isRecord(m) && /MsgCreateValidator$/.test(String(m['@type'] ?? m.type ?? '')));
  if (!isRecord(message)) return undefined;
  const fields = isRecord(message.value) && message['@type'] === undefined ? message.value : message;
  const address = typeof fields.delegator_address === 'string' && fields.delegator_address !== '' ? fields.delegator_address : fields.validator_address;
  if (body) {
    const infos = isRecord(tx.auth_info) && Array.isArray(tx.auth_info.signer_infos) ? tx.auth_info.signer_infos : [];
    const info = infos[0];
    return isRecord(info) ? { address, key: info.public_key, keyPath: ['auth_info', 'signer_infos', 0, 'public_key'] } : undefined;
  }
  const signatures = amino && Array.isArray(amino.signatures) ? amino.signatures : [];
  const signature = signatures[0];
  return isRecord(signature) ? { address, key: signature.pub_key, keyPath: ['value', 'signatures', 0, 'pub_key'] } : undefined;
}

const SINGLE = /(?:^|[./])(?:secp256k1|ethsecp256k1|ed25519|secp256r1)\.PubKey$|PubKey(?:Secp256k1|EthSecp256k1|Ed25519)$/;
const MULTISIG = /LegacyAminoPubKey$|PubKeyMultisigThreshold$/;

/** A public key as proto JSON (`{"@type", key}`) or amino JSON (`{type, value}`). */
function keyShape(key: unknown): KeyShape | undefined {
  if (!isRecord(key)) return undefined;
  const type = typeof key['@type'] === 'string' ? key['@type'] : typeof key.type === 'string' ? key.type : '';
  if (SINGLE.test(type)) return { kind: 'eoa', what: `a single ${keyName(type)} key` };
  if (!MULTISIG.test(type)) return undefined;
  const body = key['@type'] === undefined && isRecord(key.value) ? key.value : key;
  const keys = Array.isArray(body.public_keys) ? body.public_keys : Array.isArray(body.pubkeys) ? body.pubkeys : undefined;
  const threshold = Number(body.threshold);
  if (!keys || !Number.isSafeInteger(threshold) || threshold < 1 || threshold > keys.length) return undefined;
  return { kind: 'multisig', threshold, signers: keys.length, what: `a ${threshold}-of-${keys.length} multisig key (${type.slice(type.lastIndexOf('/') + 1)})` };
}

function keyName(type: string): string {
  const lower = type.toLowerCase();
  return lower.includes('ethsecp256k1') ? 'eth_secp256k1' : lower.includes('secp256k1') ? 'secp256k1' : lower.includes('ed25519') ? 'ed25519' : 'secp256r1';
}
