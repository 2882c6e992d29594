import { namedParty, parseAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, Distribution } from '../../model/schema';
import type { Path } from '../../parse';
import { integerText } from './read';

type Entry = Distribution['entries'][number];

const APP: Path = ['app_state'];

/** Where each SDK generation keeps its genesis transactions. */
export const GENTX_LISTS: Path[] = [
  [...APP, 'genutil', 'gen_txs'], // v0.40+: proto JSON txs
  [...APP, 'genutil', 'gentxs'], // v0.36–v0.39: amino StdTx
  [...APP, 'gentxs'], // v0.33–v0.35: amino StdTx at the top of app_state
];

/**
 * Voting power at genesis: the self-delegation of every MsgCreateValidator in the genesis
 * transactions, plus the bonded validators of an exported state (`staking.validators`), held by
 * the validator's operator address (whose bech32 payload is the operator's account). An
 * Interchain Security consumer has none of its own.
 */
export function readVotingPower(builder: ModelBuilder, consumer: boolean): void {
  // A consumer's gentxs and validators are placeholders or governance stake: the provider's validators run its consensus.
  if (consumer) return;
  const entries: Entry[] = [];
  let listPath: Path | undefined;
  for (const path of GENTX_LISTS) {
    const txs = builder.get(path);
    if (!Array.isArray(txs)) continue;
    const before = entries.length;
    for (let i = 0; i < txs.length; i++) readGentx(builder, txs[i], [...path, i], entries);
    if (entries.length > before) listPath ??= path;
  }
  const validatorsPath = [...APP, 'staking', 'validators'];
  const validators = builder.get(validatorsPath);
  const before = entries.length;
  if (Array.isArray(validators)) readValidators(builder, validators, validatorsPath, entries);
  if (entries.length > before) listPath ??= validatorsPath;
  for (const path of [['validators'], ['consensus', 'validators']]) {
    if (entries.length > 0) break;
    readConsensusValidators(builder, path, entries);
    listPath = path;
  }
  if (entries.length === 0 || !listPath) return;
  builder.model.distributions.push({ kind: 'voting-power', title: 'validator voting power', entries, at: builder.origin(listPath) });
}

function readGentx(builder: ModelBuilder, tx: unknown, path: Path, entries: Entry[]): void {
  if (!isRecord(tx)) {
    builder.problem(path, 'Each genesis transaction should be an object.');
    return;
  }
  // Proto JSON: {body: {messages: [...]}}. Amino: {type: "auth/StdTx", value: {msg: [{type, value}]}}.
  const body = isRecord(tx.body) ? tx.body : undefined;
  const amino = isRecord(tx.value) ? tx.value : undefined;
  const messages = body && Array.isArray(body.messages) ? body.messages : amino && Array.isArray(amino.msg) ? amino.msg : undefined;
  if (!messages) return;
  const base: Path = body ? [...path, 'body', 'messages'] : [...path, 'value', 'msg'];
  for (let j = 0; j < messages.length; j++) {
    const message = messages[j];
    if (!isRecord(message)) continue;
    const type = typeof message['@type'] === 'string' ? message['@type'] : typeof message.type === 'string' ? message.type : '';
    if (!/MsgCreateValidator$/.test(type)) continue;
    const fields = message['@type'] === undefined && isRecord(message.value) ? message.value : message;
    const fieldsPath: Path = fields === message ? [...base, j] : [...base, j, 'value'];
    const holderField = typeof fields.validator_address === 'string' ? 'validator_address' : 'delegator_address';
    const amountPath = [...fieldsPath, 'value', 'amount'];
    const amount = integerText(isRecord(fields.value) ? fields.value.amount : undefined);
    if (amount === undefined) {
      if (isRecord(fields.value)) builder.problem(amountPath, 'The self-delegation of a MsgCreateValidator should be a whole number of the bond denom.');
      continue;
    }
    const holder = holderOf(builder, fields[holderField], [...fieldsPath, holderField], fields);
    if (holder) entries.push({ holder, amount, at: builder.origin([...fieldsPath, holderField]) });
  }
}

const BONDED = new Set<unknown>([2, '2', 'BOND_STATUS_BONDED', 'Bonded']);

/** Exported states list every validator; only bonded, unjailed ones vote (all of them when none says it is bonded). */
function readValidators(builder: ModelBuilder, validators: unknown[], path: Path, entries: Entry[]): void {
  const anyBonded = validators.some((v) => isRecord(v) && BONDED.has(v.status));
  for (let i = 0; i < validators.length; i++) {
    const validator = validators[i];
    if (!isRecord(validator)) continue;
    if (validator.jailed === true || (anyBonded && !BONDED.has(validator.status))) continue;
    const amount = integerText(validator.tokens);
    if (amount === undefined) {
      if (validator.tokens !== undefined) builder.problem([...path, i, 'tokens'], 'A validator\'s tokens should be a whole number.');
      continue;
    }
    if (amount === '0') continue;
    const holder = holderOf(builder, validator.operator_address, [...path, i, 'operator_address'], validator);
    if (holder) entries.push({ holder, amount, at: builder.origin([...path, i, 'operator_address']) });
  }
}

/** A genesis without staking state: CometBFT's `validators` (top-level, or under `consensus` since v0.50) with their power. */
function readConsensusValidators(builder: ModelBuilder, path: Path, entries: Entry[]): void {
  const validators = builder.get(path);
  if (!Array.isArray(validators)) return;
  for (let i = 0; i < validators.length; i++) {
    const validator = validators[i];
    if (!isRecord(validator)) continue;
    const amount = integerText(validator.power);
    if (amount === undefined || amount === '0') continue;
    const name = typeof validator.name === 'string' && validator.name.trim() ? validator.name.trim() : typeof validator.address === 'string' ? validator.address : `validator ${i}`;
    const field = typeof validator.name === 'string' && validator.name.trim() ? 'name' : 'power';
    entries.push({ holder: namedParty(name), amount, at: builder.origin([...path, i, field]) });
  }
}

function holderOf(builder: ModelBuilder, raw: unknown, path: Path, owner: Record<string, unknown>): Address | undefined {
  const address = parseAddress(raw);
  if (address) return address;
  const description = isRecord(owner.description) ? owner.description : undefined;
  if (typeof raw === 'string' && raw !== '') builder.problem(path, `"${raw.slice(0, 80)}" is not a validator operator address.`);
  return typeof description?.moniker === 'string' && description.moniker.trim() ? namedParty(description.moniker.trim()) : undefined;
}
