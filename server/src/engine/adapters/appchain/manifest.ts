import { z } from 'zod';
import { namedParty, parseAddress } from '../../model/address';
import { isPlaceholder, ModelBuilder } from '../../model/builder';
import { parseDuration } from '../../model/duration';
import { isRecord } from '../../model/read';
import type { Address, Controller, Dependency, Layer, Power } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { cosmosEvmNumber } from '../cosmos/networks';
import { evmIdentity, identify } from '../identity';
import { classifyNetwork, networkFromChainId, networkFromName, type NetworkSignal } from '../networks';
import type { Adapter } from '../types';
import { readItems, readPart } from './read-section';
import { AllocationSchema, BodySchema, ConsensusSchema, InferenceSchema, ManifestSchema, ModelSchema, RoleSchema, SequencerSchema, SettlementSchema, ValidatorSchema } from './schema';

const CONTENT_HASH = /(sha256:[0-9a-f]{64}|@[0-9a-f]{64}\b|\b0x[0-9a-f]{64}\b|\bQm[1-9A-HJ-NP-Za-km-z]{44}\b|\bbaf[a-z2-7]{50,}\b|blake3:[0-9a-f]{64})/i;

const LAYER_OF: Record<Power, Layer> = {
  upgrade: 'settlement', pause: 'settlement', mint: 'application', censor: 'execution', sequence: 'execution',
  propose: 'settlement', challenge: 'settlement', 'set-params': 'execution', 'receive-fees': 'execution',
  halt: 'execution', finalize: 'execution', govern: 'governance', 'set-validators': 'governance', deploy: 'execution', unscoped: 'application',
};

const CRITICAL: ReadonlySet<Power> = new Set(['upgrade', 'pause', 'censor', 'sequence', 'propose', 'challenge', 'set-params', 'mint', 'govern', 'set-validators', 'deploy']);

export const appchainManifest: Adapter = {
  id: 'appchain-manifest',
  framework: 'AI appchain',
  title: 'AI-appchain manifest',
  describes: 'deployment',
  sniff: /\bappchain\b/,
  detect(value) {
    if (!isRecord(value) || !isRecord(value.appchain)) return 0;
    return ['governance', 'infrastructure', 'token', 'validators'].some((key) => key in value) ? 1 : 0.6;
  },
  build(doc: ParsedDocument) {
    const value = doc.value as Record<string, unknown>;
    const head = isRecord(value.appchain) ? value.appchain : {};
    const declared: NetworkSignal | undefined = typeof head.network === 'string' && ['mainnet', 'testnet', 'devnet'].includes(head.network)
      ? { network: head.network as NetworkSignal['network'], reason: `the manifest says network: ${head.network}`, weight: 'declared' }
      : undefined;
    const network = classifyNetwork([declared, networkFromChainId(head.chainId, 'chain'), networkFromName(head.name)]);
    const builder = new ModelBuilder(doc, {
      framework: 'appchain-manifest',
      name: typeof head.name === 'string' ? head.name : undefined,
      chainId: head.chainId === undefined ? undefined : String(head.chainId),
      network: network.network,
      networkReason: network.reason,
    });
    readPart(builder, ManifestSchema.shape.appchain, ['appchain']);
    identify(builder, manifestIds(head.chainId));

    const bodies = readItems(builder, BodySchema, ['governance', 'bodies']);
    const bodyIds = new Set(bodies.map(({ item }) => item.id));
    const holderOf = (ref: string, path: Path): Address | undefined => {
      if (bodyIds.has(ref)) return namedParty(ref);
      if (isPlaceholder(ref)) return undefined;
      const address = parseAddress(ref);
      if (!address) builder.problem(path, `"${ref}" is neither a governance body id (${[...bodyIds].join(', ') || 'none declared'}) nor an address.`);
      return address;
    };

    for (const { item: body, path } of bodies) {
      const address = body.address === undefined ? undefined : holderOf(body.address, [...path, 'address']);
      const members = (body.members ?? []).map((m, i) => holderOf(m, [...path, 'members', i])).filter((a): a is Address => a !== undefined);
      builder.model.councils.push({
        id: body.id,
        name: body.name ?? body.id,
        kind: body.kind,
        address: address?.scheme === 'name' ? undefined : address,
        members,
        signers: body.signers ?? (members.length || undefined),
        threshold: body.threshold,
        external: body.external,
        delaySeconds: duration(builder, body.delay, [...path, 'delay']),
        at: builder.origin([...path, 'id']),
        thresholdAt: body.threshold === undefined ? undefined : builder.origin([...path, 'threshold']),
        delayAt: body.delay === undefined ? undefined : builder.origin([...path, 'delay']),
      });
    }

    for (const { item: role, path } of readItems(builder, RoleSchema, ['governance', 'roles'])) {
      const holder = holderOf(role.holder, [...path, 'holder']);
      if (!holder) continue;
      builder.model.grants.push({
        role: role.role,
        title: role.title ?? role.role,
        powers: role.powers,
        holder,
        layer: role.layer ?? LAYER_OF[role.powers[0]],
        critical: role.powers.some((p) => CRITICAL.has(p)),
        ...(role.root ? { root: true } : {}),
        at: builder.origin([...path, 'holder']),
      });
      const seconds = duration(builder, role.delay, [...path, 'delay']);
      if (seconds !== undefined && role.powers.includes('upgrade')) {
        builder.delay([...path, 'delay'], { kind: 'upgrade-timelock', title: `${role.title ?? role.role} timelock`, unit: typeof role.delay === 'string' ? 'duration' : 'seconds', appliesTo: holder }, seconds);
      }
    }

    const allocations = readItems(builder, AllocationSchema, ['token', 'allocations']);
    if (allocations.length > 0) {
      builder.model.distributions.push({
        kind: 'supply',
        title: 'token allocation',
        denom: typeof (value.token as Record<string, unknown>)?.symbol === 'string' ? String((value.token as Record<string, unknown>).symbol) : undefined,
        entries: allocations.map(({ item, path }) => ({ holder: parseAddress(item.holder) ?? namedParty(item.label ?? item.holder), amount: String(item.amount), at: builder.origin([...path, 'amount']) })),
        at: builder.origin(['token', 'allocations']),
      });
    }

    const consensus = readPart(builder, ConsensusSchema, ['consensus']);
    if (consensus) {
      const how = consensus.admission === 'inherited' ? `secured by ${consensus.provider ?? 'a provider chain'}` : consensus.admission === 'permissioned' ? 'proof of authority: admins add and remove validators' : 'anyone who stakes';
      builder.model.validatorSet = { admission: consensus.admission, how, source: 'chokepointManifest', at: builder.origin(['consensus', 'admission']) };
      (consensus.admins ?? []).forEach((ref, i) => {
        const holder = holderOf(ref, ['consensus', 'admins', i]);
        if (holder) builder.model.grants.push({ role: 'validator-admin', title: 'Validator admin', powers: ['set-validators'], holder, layer: 'governance', critical: true, at: builder.origin(['consensus', 'admins', i]) });
      });
      if (consensus.admission === 'inherited' && consensus.provider) {
        builder.model.dependencies.push({ kind: 'validator-set', layer: 'execution', name: consensus.provider, operators: [], shared: true, at: builder.origin(['consensus', 'provider']) });
      }
    }

    const validators = readItems(builder, ValidatorSchema, ['validators']);
    if (validators.length > 0) {
      builder.model.distributions.push({
        kind: 'voting-power',
        title: 'validator voting power',
        entries: validators.map(({ item, path }) => ({
          holder: (item.address ? parseAddress(item.address) : undefined) ?? namedParty(item.operator ?? item.address ?? `validator ${String(path[1])}`),
          amount: String(item.power),
          at: builder.origin([...path, item.address ? 'address' : 'power']),
        })),
        at: builder.origin(['validators']),
      });
    }

    readInfrastructure(builder, bodyIds);
    return { model: builder.model, problems: builder.problems };
  },
};

function duration(builder: ModelBuilder, value: number | string | undefined, path: Path): number | undefined {
  if (value === undefined) return undefined;
  const seconds = parseDuration(value);
  if (seconds === undefined) builder.problem(path, `"${String(value)}" is not a duration; write seconds or e.g. "7d", "12h".`);
  return seconds;
}

function operatorsOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
}

function fallbackOf(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || /^(none|no|null|-)$/i.test(value.trim())) return null;
  return value;
}

function controllerOf(builder: ModelBuilder, item: { governedBy?: string; upgradeableBy?: string }, path: Path, bodyIds: Set<string>): Controller | undefined {
  if (item.governedBy === undefined && item.upgradeableBy === undefined) return undefined;
  const by = item.upgradeableBy;
  const at = builder.origin([...path, by !== undefined ? 'upgradeableBy' : 'governedBy']);
  const address = by === undefined ? undefined : parseAddress(by);
  const kind: Controller['kind'] = item.governedBy === 'chain' ? 'chain-governance'
    : item.governedBy === 'third-party' ? 'third-party'
    : item.governedBy === 'single-key' ? 'single-key'
    : by !== undefined && bodyIds.has(by) ? 'chain-governance'
    : address ? 'unknown'
    : 'third-party';
  return { kind, name: by, address: address ?? (by !== undefined && bodyIds.has(by) ? namedParty(by) : undefined), at };
}

function readInfrastructure(builder: ModelBuilder, bodyIds: Set<string>): void {
  const base = ['infrastructure'];
  const push = (dependency: Dependency) => builder.model.dependencies.push(dependency);
  const common = (kind: Dependency['kind'], layer: Layer, item: z.infer<typeof SettlementSchema>, path: Path): Dependency => ({
    kind,
    layer,
    name: item.name,
    provider: item.provider,
    operators: operatorsOf(item.operators),
    operatorsAt: item.operators === undefined ? undefined : builder.origin([...path, 'operators']),
    fallback: fallbackOf(item.fallback),
    controller: controllerOf(builder, item, path, bodyIds),
    shared: item.shared ?? true,
    at: builder.origin([...path, 'name']),
  });

  for (const { item, path } of readItems(builder, InferenceSchema, [...base, 'inference'])) {
    push({ ...common('inference', 'inference', item, path), verification: item.verification, verificationAt: item.verification === undefined ? undefined : builder.origin([...path, 'verification']) });
  }
  for (const { item, path } of readItems(builder, ModelSchema, [...base, 'models'])) {
    const pinned = CONTENT_HASH.test(item.ref) || (item.digest !== undefined && CONTENT_HASH.test(item.digest)) ? 'hash' : 'tag';
    push({
      kind: 'model', layer: 'inference', name: item.name, operators: [], fallback: fallbackOf(item.fallback), shared: item.shared ?? true,
      reference: { value: item.ref, pinned, at: builder.origin([...path, 'ref']) },
      at: builder.origin([...path, 'name']),
    });
  }
  for (const { item, path } of readItems(builder, SettlementSchema, [...base, 'storage'])) push(common('storage', 'data-availability', item, path));
  for (const { item, path } of readItems(builder, SettlementSchema, [...base, 'dataAvailability'])) push(common('data-availability', 'data-availability', item, path));
  for (const { item, path } of readItems(builder, SettlementSchema, [...base, 'oracles'])) push(common('oracle', 'application', item, path));
  for (const { item, path } of readItems(builder, SettlementSchema, [...base, 'bridges'])) push(common('bridge', 'settlement', item, path));
  const settlement = readPart(builder, SettlementSchema, [...base, 'settlement']);
  if (settlement) push(common('settlement', 'settlement', settlement, [...base, 'settlement']));

  const sequencerPath = [...base, 'sequencer'];
  const sequencer = readPart(builder, SequencerSchema, sequencerPath);
  if (sequencer) {
    push(common('sequencer', 'execution', sequencer, sequencerPath));
    if (sequencer.address) {
      builder.grant([...sequencerPath, 'address'], { role: 'sequencer', title: 'Sequencer', powers: ['sequence'], layer: 'execution', critical: true });
    }
    if (sequencer.forcedInclusion !== undefined) {
      const inclusionPath = [...sequencerPath, 'forcedInclusion'];
      const seconds = sequencer.forcedInclusion === 'none' ? null : duration(builder, sequencer.forcedInclusion, inclusionPath);
      if (seconds !== undefined) {
        builder.delay(inclusionPath, { kind: 'forced-inclusion', title: 'forced-inclusion delay', unit: typeof sequencer.forcedInclusion === 'string' ? 'duration' : 'seconds' }, seconds);
      }
    }
  }
}

/** A manifest's chainId is an EVM chain id or a Cosmos chain id (or a Substrate spec id): whichever chain states it. */
function manifestIds(chainId: unknown): string[] {
  const evm = evmIdentity(chainId);
  if (evm) return [evm];
  if (typeof chainId !== 'string' || chainId.trim() === '') return [];
  const id = chainId.trim();
  const number = cosmosEvmNumber(id);
  return [`cosmos:${id}`, `substrate:${id}`, ...(number ? [`evm:${number}`] : [])];
}
