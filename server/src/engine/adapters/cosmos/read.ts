import type { ModelBuilder } from '../../model/builder';
import { describeType } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Path } from '../../parse';

/**
 * Readers for the encodings Cosmos SDK geneses use across generations: proto JSON durations
 * ("172800s", v0.40+), amino/Go `time.Duration` nanoseconds ("1209600000000000", v0.33–v0.39; "…ns" in some
 * v0.44-era files), Go duration strings ("336h0m0s"),
 * `sdk.Dec` decimal strings ("0.334000000000000000") and coin lists.
 */

const PROTO_DURATION = /^(\d+(?:\.\d+)?)s$/;
/** Nanoseconds in each unit Go's time.ParseDuration accepts. */
const GO_UNITS: Record<string, number> = { h: 3_600e9, m: 60e9, s: 1e9, ms: 1e6, us: 1e3, 'µs': 1e3, ns: 1 };
const GO_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;

/** Seconds in a Cosmos duration, or undefined when the value is not one. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value / 1e9 : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const proto = PROTO_DURATION.exec(text);
  if (proto) return Number(proto[1]);
  // Amino and encoding/json write time.Duration as integer nanoseconds, sometimes with the unit ("21600000000000ns").
  const nanos = /^(\d+)(?:ns)?$/.exec(text);
  if (nanos) return Number(BigInt(nanos[1]) / 1_000_000n) / 1_000;
  return goDuration(text);
}

/** A Go duration string such as "336h0m0s", "24h" or "1m30.5s", summed in nanoseconds. */
function goDuration(text: string): number | undefined {
  let nanos = 0;
  let at = 0;
  while (at < text.length) {
    GO_PART.lastIndex = at;
    const part = GO_PART.exec(text);
    if (!part) return undefined;
    nanos += Number(part[1]) * GO_UNITS[part[2]];
    at = GO_PART.lastIndex;
  }
  return at === 0 ? undefined : nanos / 1e9;
}

/** Reads a duration field; reports a value that is not a duration. */
export function readDuration(builder: ModelBuilder, path: Path, what: string): number | undefined {
  const value = builder.get(path);
  if (value === undefined || value === null) return undefined;
  const seconds = durationSeconds(value);
  if (seconds === undefined) builder.problem(path, `${what} should be a duration such as "172800s", but it is ${describeType(value)}.`);
  return seconds;
}

/** Reads an `sdk.Dec` or integer field (a decimal string or a number); reports anything else. */
export function readDecimal(builder: ModelBuilder, path: Path, what: string): { value: number; at: ReturnType<ModelBuilder['origin']> } | undefined {
  const value = builder.number(path, what);
  return value === undefined ? undefined : { value, at: builder.origin(path) };
}

export interface Coin {
  denom: string;
  amount: string;
}

/** The amount of `denom` in a coin list, as a decimal integer string; undefined when the list has none. */
export function amountOf(coins: unknown, denom: string | undefined): string | undefined {
  if (!Array.isArray(coins)) return undefined;
  for (const coin of coins) {
    if (!isRecord(coin)) continue;
    if (denom !== undefined && coin.denom !== denom) continue;
    const amount = integerText(coin.amount);
    if (amount !== undefined) return amount;
  }
  return undefined;
}

/** A non-negative integer written as a string or a safe number, as a decimal string. */
export function integerText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : undefined;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/** The first coin of a list, for a minimum deposit written in some other denom. */
export function firstCoin(coins: unknown): Coin | undefined {
  if (!Array.isArray(coins)) return undefined;
  for (const coin of coins) {
    if (!isRecord(coin) || typeof coin.denom !== 'string') continue;
    const amount = integerText(coin.amount);
    if (amount !== undefined) return { denom: coin.denom, amount };
  }
  return undefined;
}

/**
 * An account as legacy geneses write it: amino-wrapped (`{type, value}`), possibly a vesting
 * account nesting its base account (`BaseVestingAccount.BaseAccount`, `base_vesting_account.base_account`).
 * Returns the object that holds `address` and `coins`, and the path steps to it.
 */
export function unwrapAccount(account: unknown): { type: string; base: Record<string, unknown>; steps: string[] } | undefined {
  if (!isRecord(account)) return undefined;
  let node: Record<string, unknown> = account;
  const steps: string[] = [];
  let type = typeof account['@type'] === 'string' ? account['@type'] : typeof account.type === 'string' ? account.type : '';
  if (isRecord(node.value) && typeof account.type === 'string') {
    node = node.value;
    steps.push('value');
  }
  for (const keys of [['BaseVestingAccount', 'base_vesting_account'], ['BaseAccount', 'base_account']]) {
    for (const key of keys) {
      const inner = node[key];
      if (isRecord(inner)) {
        node = inner;
        steps.push(key);
        break;
      }
    }
  }
  if (!type && typeof node['@type'] === 'string') type = node['@type'];
  return { type, base: node, steps };
}

export function isModuleAccount(type: string): boolean {
  return /ModuleAccount$/.test(type);
}

/** The last segment of a Msg type URL: "/cosmos.gov.v1.MsgVote" → "MsgVote". */
export function msgName(typeUrl: string): string {
  return typeUrl.slice(typeUrl.lastIndexOf('.') + 1) || typeUrl;
}

/**
 * An Interchain Security consumer: the provider's validators run its consensus. A disabled
 * ccvconsumer with x/staking of its own is a standalone chain (or one yet to change over); without
 * x/staking it is a consumer before launch, whose CCV state the provider's consumer genesis fills in.
 */
export function isIcsConsumer(app: unknown): boolean {
  if (!isRecord(app) || !isRecord(app.ccvconsumer)) return false;
  const params = app.ccvconsumer.params;
  return !(isRecord(params) && params.enabled === false) || isAwaitingLaunch(app);
}

/** A consumer genesis before launch: CCV disabled, no provider named yet, and no validators of its own. */
export function isAwaitingLaunch(app: unknown): boolean {
  if (!isRecord(app) || !isRecord(app.ccvconsumer) || isRecord(app.staking)) return false;
  const params = app.ccvconsumer.params;
  return isRecord(params) && params.enabled === false && app.ccvconsumer.preCCV !== true && providerChainId(app) === undefined;
}

/** The chain id of a consumer's provider, as the CCV state (v3+: `provider_client_state`; v4+: `provider.client_state`) names it. */
export function providerChainId(app: unknown): string | undefined {
  const consumer = isRecord(app) && isRecord(app.ccvconsumer) ? app.ccvconsumer : undefined;
  const state = consumer && (isRecord(consumer.provider_client_state) ? consumer.provider_client_state : isRecord(consumer.provider) && isRecord(consumer.provider.client_state) ? consumer.provider.client_state : undefined);
  return state && typeof state.chain_id === 'string' && state.chain_id !== '' ? state.chain_id : undefined;
}
