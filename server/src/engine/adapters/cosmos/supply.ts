import { parseAddress } from '../../model/address';
import type { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Address, Distribution, Origin } from '../../model/schema';
import type { Path } from '../../parse';
import { moduleAccounts, recordModuleAccount } from './modules';
import { integerText, unwrapAccount } from './read';

type Entry = Distribution['entries'][number];

const APP: Path = ['app_state'];

/** Where a genesis lists what each account holds, and how to walk it. */
interface Holdings {
  path: Path;
  each(visit: (address: unknown, coins: unknown, index: number) => void): void;
  /** Where the address of the `index`th holding is written. */
  addressPath(index: number): Path;
}

/** What a denom is used for, in the order a title names them. */
type Use = 'bond' | 'EVM gas' | 'fee' | 'governance-deposit' | 'widely held';

/** Denoms held by at least this share of the accounts are reported whatever they are used for. */
const WIDELY_HELD_SHARE = 0.5;
const MAX_WIDELY_HELD = 5;

/**
 * The genesis supply of every significant denom by account: the bond denom, the fee and EVM gas
 * denoms, the governance-deposit denoms and any denom most accounts hold. Balances come from
 * `bank.balances` (v0.40+), the amino `auth.accounts` with coins (v0.36–v0.39) or
 * `app_state.accounts` (v0.33–v0.35). Vesting accounts count, since unvested tokens can be
 * delegated and vote; module accounts do not, since only their module's code moves them: they are
 * recorded as what they are instead. Only the bond denom is `bonded`, and not on an Interchain
 * Security consumer, whose consensus the provider's stake runs. IBC denoms are vouchers for tokens
 * issued on another chain.
 */
export function readSupply(builder: ModelBuilder, bondDenom: string | undefined, consumer: boolean): void {
  const holdings = holdingsOf(builder);
  if (!holdings) return;
  const modules = moduleAccounts(builder);
  const denoms = significantDenoms(builder, holdings, bondDenom);
  const entries = new Map<string, Entry[]>([...denoms.keys()].map((denom) => [denom, []]));
  holdings.each((raw, coins, index) => {
    if (!Array.isArray(coins)) return;
    let holder: Address | undefined;
    let at: Origin | undefined;
    for (const coin of coins) {
      if (!isRecord(coin) || typeof coin.denom !== 'string') continue;
      const list = entries.get(coin.denom);
      const amount = list && integerText(coin.amount);
      if (!list || amount === undefined || amount === '0') continue;
      if (!at) {
        holder = parseAddress(raw);
        const module = holder && modules.get(holder.key);
        if (!holder || module) {
          if (module) recordModuleAccount(builder, holder!, module, holdings.addressPath(index));
          else if (typeof raw === 'string' && raw !== '') builder.problem(holdings.addressPath(index), `"${raw.slice(0, 80)}" is not an account address.`);
          return;
        }
        at = builder.originOwning(holdings.addressPath(index));
      }
      list.push({ holder: holder!, amount, at });
    }
  });
  for (const [denom, uses] of denoms) {
    const list = entries.get(denom)!;
    if (list.length === 0) continue;
    const voucher = denom.startsWith('ibc/');
    const bonded = uses.includes('bond') && !consumer && !voucher;
    const distribution: Distribution = { kind: 'supply', title: titleOf(denom, uses, voucher), denom, bonded, entries: list, at: builder.origin(holdings.path) };
    if (voucher) distribution.voucher = true;
    builder.model.distributions.push(distribution);
  }
}

function holdingsOf(builder: ModelBuilder): Holdings | undefined {
  const balancesPath = [...APP, 'bank', 'balances'];
  const balances = builder.get(balancesPath);
  if (Array.isArray(balances) && balances.length > 0) {
    return {
      path: balancesPath,
      each(visit) {
        for (let i = 0; i < balances.length; i++) {
          const balance = balances[i];
          if (isRecord(balance)) visit(balance.address, balance.coins, i);
        }
      },
      // A literal, not a spread: V8 sizes it exactly, and a genesis keeps one per holder (about 100 bytes saved on each).
      addressPath: (i) => ['app_state', 'bank', 'balances', i, 'address'],
    };
  }
  for (const path of [[...APP, 'auth', 'accounts'], [...APP, 'accounts']]) {
    const accounts = builder.get(path);
    if (!Array.isArray(accounts) || !accounts.some((a) => Array.isArray(unwrapAccount(a)?.base.coins))) continue;
    return {
      path,
      each(visit) {
        for (let i = 0; i < accounts.length; i++) {
          const account = unwrapAccount(accounts[i]);
          if (account) visit(account.base.address, account.base.coins, i);
        }
      },
      addressPath: (i) => path.concat(i, unwrapAccount(accounts[i])?.steps ?? [], 'address'),
    };
  }
  return undefined;
}

/** Each denom worth a distribution, in the order they are reported (the bond denom first), with what it is used for. */
function significantDenoms(builder: ModelBuilder, holdings: Holdings, bondDenom: string | undefined): Map<string, Use[]> {
  const denoms = new Map<string, Use[]>();
  const add = (denom: unknown, use: Use) => {
    if (typeof denom !== 'string' || denom === '') return;
    const uses = denoms.get(denom) ?? [];
    if (!uses.includes(use)) uses.push(use);
    denoms.set(denom, uses);
  };
  // Counted without parsing addresses: the few module accounts do not change which denoms most accounts hold.
  const holders = new Map<string, number>();
  let accounts = 0;
  let first: string | undefined;
  holdings.each((_, coins) => {
    if (!Array.isArray(coins) || coins.length === 0) return;
    accounts++;
    for (const coin of coins) {
      if (!isRecord(coin) || typeof coin.denom !== 'string' || !nonZero(coin.amount)) continue;
      first ??= coin.denom;
      holders.set(coin.denom, (holders.get(coin.denom) ?? 0) + 1);
    }
  });
  add(bondDenom ?? first, 'bond');
  for (const module of ['evm', 'vm']) add(builder.get([...APP, module, 'params', 'evm_denom']), 'EVM gas');
  add(builder.get([...APP, 'feemarket', 'params', 'fee_denom']), 'fee');
  add(builder.get([...APP, 'txfees', 'basedenom']), 'fee');
  for (const coin of coinList(builder.get([...APP, 'globalfee', 'params', 'minimum_gas_prices']))) add(coin.denom, 'fee');
  for (const path of [['params', 'min_deposit'], ['params', 'expedited_min_deposit'], ['deposit_params', 'min_deposit']]) {
    for (const coin of coinList(builder.get([...APP, 'gov', ...path]))) add(coin.denom, 'governance-deposit');
  }
  const widely = [...holders].filter(([, count]) => count >= 2 && count >= accounts * WIDELY_HELD_SHARE).sort((a, b) => b[1] - a[1]).slice(0, MAX_WIDELY_HELD);
  for (const [denom] of widely) if (!denoms.has(denom)) add(denom, 'widely held');
  return denoms;
}

/** A cheap test for counting holders; amounts are checked when entries are made. */
function nonZero(amount: unknown): boolean {
  return (typeof amount === 'string' && amount !== '' && amount !== '0') || (typeof amount === 'number' && amount > 0);
}

function coinList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** "genesis supply of uatom" for the bond denom; other denoms say what they are used for. */
function titleOf(denom: string, uses: Use[], voucher: boolean): string {
  const base = `genesis supply of ${denom}`;
  if (uses.includes('bond') && !voucher) return base;
  const roles = uses.filter((u) => u !== 'widely held' && u !== 'bond');
  const what = roles.length > 0 ? `the ${roles.length > 2 ? `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}` : roles.join(' and ')} token` : uses.includes('bond') ? 'the bond token' : 'held by most accounts';
  return `${base} (${what}${voucher ? ', an IBC voucher' : ''})`;
}
