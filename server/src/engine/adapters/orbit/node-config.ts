import { ModelBuilder } from '../../model/builder';
import { isRecord } from '../../model/read';
import type { Committee } from '../../model/schema';
import type { ParsedDocument, Path } from '../../parse';
import { evmIdentity, evmParent, identify } from '../identity';
import { evmChainId } from '../../model/read';
import type { Adapter } from '../types';
import { anyTrustDependency, orbitNetwork, readChainConfig, rollupContracts, withEmbeddedJson, type ChainConfigRead } from './common';

const INFO_JSON: Path = ['chain', 'info-json'];
const DAS: Path = ['node', 'data-availability'];
const BACKENDS: Path = [...DAS, 'rpc-aggregator', 'backends'];

/** The all-zero BLS public key the Orbit SDK and orbit-setup-script write as a placeholder ("YAAAA…"). */
const PLACEHOLDER_PUBKEY = /^YA+=*$/;

/** Why each Nitro `dangerous` option matters (nitro arbnode/node.go DangerousConfig and its sequencer, staker and batch-poster counterparts). */
const DANGEROUS: Record<string, { why: string; remedy?: string }> = {
  'no-sequencer-coordinator': {
    why: 'lets the node sequence without the sequencer coordinator, the Redis lock that keeps exactly one sequencer active and hands over to a standby, so the chain runs on one sequencer machine with no failover',
    remedy: 'Run the sequencer under the sequencer coordinator (node.seq-coordinator with a Redis URL) with a standby, then set it to false',
  },
  'no-coordinator': {
    why: 'lets the node sequence without the sequencer coordinator, the Redis lock that keeps exactly one sequencer active and hands over to a standby, so the chain runs on one sequencer machine with no failover',
    remedy: 'Run the sequencer under the sequencer coordinator (node.seq-coordinator with a Redis URL) with a standby, then set it to false',
  },
  'no-l1-listener': { why: 'stops the node from following the parent chain, so it sees neither the batches posted there nor the messages users force-include through it' },
  'without-block-validator': { why: 'lets the validator stake on assertions without validating the blocks itself' },
};

/** `dangerous` options that only match the node to its parent chain (no blobs on an Arbitrum parent). */
const HARMLESS = new Set(['disable-blob-reader']);

const KEYS: [Path, string, string][] = [
  [['node', 'batch-poster', 'parent-chain-wallet', 'private-key'], 'The batch poster private key', 'post batches as the chain\'s sequencer'],
  [['node', 'staker', 'parent-chain-wallet', 'private-key'], 'The validator (staker) private key', 'stake on and dispute assertions as the chain\'s validator'],
];

export const orbitNodeConfig: Adapter = {
  id: 'orbit-node-config',
  framework: 'Arbitrum Orbit',
  duplicateKeys: "Nitro reads it with Go's encoding/json (through koanf), which keeps the last value",
  title: 'Nitro node config',
  describes: 'deployment',
  sniff: /\bchain\b/,
  detect(value) {
    if (!isRecord(value)) return 0;
    const chain = isRecord(value.chain) && ['info-json', 'info-files', 'id', 'name'].some((key) => key in (value.chain as object));
    const node = isRecord(value.node) && ['sequencer', 'batch-poster', 'staker', 'data-availability', 'feed', 'forwarding-target', 'delayed-sequencer', 'seq-coordinator'].some((key) => key in (value.node as object));
    const parent = isRecord(value['parent-chain']);
    return chain && (node || parent) ? 0.95 : node && parent ? 0.8 : 0;
  },
  build(original: ParsedDocument) {
    const { doc, problems } = withEmbeddedJson(original, [INFO_JSON, BACKENDS]);
    const value = doc.value as Record<string, unknown>;
    const chain = isRecord(value.chain) ? value.chain : {};
    const infos = Array.isArray(chain['info-json']) ? chain['info-json'] : [];
    // The node runs the chain `chain.id` (or `chain.name`) names; info-json may also describe its parent (an L3 node lists the L2).
    const index = ownInfo(infos, chain.id, chain.name);
    const own = isRecord(infos[index]) ? infos[index] : {};
    const ownConfig = isRecord(own['chain-config']) ? own['chain-config'] : {};
    const parent = isRecord(value['parent-chain']) ? value['parent-chain'] : {};
    const name = chain.name ?? own['chain-name'];
    const chainId = chain.id ?? own['chain-id'] ?? ownConfig.chainId;
    const parentChainId = parent.id ?? own['parent-chain-id'];
    const network = orbitNetwork(chainId, parentChainId, name);
    const builder = new ModelBuilder(doc, {
      framework: 'arbitrum-orbit',
      name: typeof name === 'string' ? name : undefined,
      chainId: chainId === undefined ? undefined : String(chainId),
      network: network.network,
      networkReason: network.reason,
    });
    for (const problem of problems) builder.problem(problem.path, problem.message);
    evmParent(builder, parent.id !== undefined ? ['parent-chain', 'id'] : [...INFO_JSON, index, 'parent-chain-id']);
    identify(builder, [evmIdentity(chainId)]);
    if (chain['info-json'] !== undefined && !Array.isArray(chain['info-json']) && problems.length === 0) {
      builder.problem(INFO_JSON, 'chain.info-json should be a list of chain infos (or that list as a JSON string).');
    }

    let anyTrust: ChainConfigRead = {};
    infos.forEach((info, i) => {
      if (!isRecord(info)) return;
      const dev = orbitNetwork(info['chain-id'], info['parent-chain-id'], info['chain-name']).network === 'devnet' || network.network === 'devnet';
      const read = readChainConfig(builder, [...INFO_JSON, i, 'chain-config'], { dev });
      anyTrust = anyTrust.anyTrustAt ? anyTrust : read;
    });
    if (isRecord(infos[index])) rollupContracts(builder, [...INFO_JSON, index]);
    readCommittee(builder, anyTrust);
    readKeys(builder);
    // A replica's open RPC or test switches are its operator's business; on a node that orders,
    // posts or validates the chain they are the chain's.
    const duties = dutiesOf(value);
    if (duties.length > 0) {
      readDangerous(builder, value, duties);
      readDebugApi(builder, 'http', ['vhosts', 'corsdomain'], duties);
      readDebugApi(builder, 'ws', ['origins'], duties);
    }
    return { model: builder.model, problems: builder.problems };
  },
};

/** The index of the chain info of the chain the node runs: the entry whose id or name the node's `chain` section gives, else the first. */
function ownInfo(infos: unknown[], id: unknown, name: unknown): number {
  const wanted = evmChainId(id);
  const byId = wanted === undefined ? -1 : infos.findIndex((info) => isRecord(info) && (evmChainId(info['chain-id']) === wanted || (isRecord(info['chain-config']) && evmChainId(info['chain-config'].chainId) === wanted)));
  if (byId >= 0) return byId;
  const byName = typeof name === 'string' ? infos.findIndex((info) => isRecord(info) && info['chain-name'] === name) : -1;
  return Math.max(0, byName);
}

/** What the node does for the chain beyond following it: sequence, post batches, validate. A replica does none. */
function dutiesOf(value: Record<string, unknown>): string[] {
  const node = isRecord(value.node) ? value.node : {};
  const execution = isRecord(value.execution) ? value.execution : {};
  const on = (section: unknown) => section === true || (isRecord(section) && section.enable === true);
  const duties: string[] = [];
  if (on(node.sequencer) || on(execution.sequencer)) duties.push('sequences the chain');
  if (on(node['batch-poster'])) duties.push('posts the chain\'s batches');
  if (on(node.staker) || on(node.bold)) duties.push('validates the chain\'s assertions');
  return duties;
}

/**
 * The AnyTrust committee: the DAS backends the node sends batches to, and how many of them are
 * assumed honest. Only an enabled rpc-aggregator says so: a replica reads data through the REST
 * aggregator, and a disabled rpc-aggregator block (often pointing at a local das-server) is not the
 * chain's committee.
 */
function readCommittee(builder: ModelBuilder, anyTrust: ChainConfigRead): void {
  const das = builder.get(DAS);
  const enabled = isRecord(das) && das.enable === true;
  if (!anyTrust.anyTrustAt && !enabled) return;
  const aggregator = builder.get([...DAS, 'rpc-aggregator']);
  if (!isRecord(aggregator) || aggregator.enable !== true) {
    builder.model.dependencies.push(anyTrustDependency(builder, anyTrust.anyTrustAt ?? DAS));
    return;
  }
  const backends = builder.get(BACKENDS);
  const members = Array.isArray(backends) ? backends : [];
  if (backends !== undefined && !Array.isArray(backends)) builder.problem(BACKENDS, 'The DAS backends should be a list of {url, pubkey} (or that list as a JSON string).');
  const urls: string[] = [];
  let placeholders = 0;
  let placeholderAt: Path | undefined;
  members.forEach((member, i) => {
    if (!isRecord(member)) {
      builder.problem([...BACKENDS, i], 'Each DAS backend should be an object with url and pubkey.');
      return;
    }
    if (typeof member.url === 'string') urls.push(member.url);
    if (typeof member.pubkey === 'string' && PLACEHOLDER_PUBKEY.test(member.pubkey.trim())) {
      placeholders++;
      placeholderAt ??= [...BACKENDS, i, 'pubkey'];
    }
  });
  const dependency = anyTrustDependency(builder, anyTrust.anyTrustAt ?? DAS, urls);
  if (Array.isArray(backends)) {
    dependency.operatorsAt = builder.origin(BACKENDS);
    const honestPath = [...DAS, 'rpc-aggregator', 'assumed-honest'];
    const assumedHonest = builder.number(honestPath, 'assumed-honest');
    if (assumedHonest !== undefined && (!Number.isInteger(assumedHonest) || assumedHonest < 1)) {
      builder.problem(honestPath, `assumed-honest should be a whole number of at least 1, but it is ${assumedHonest}.`);
    } else if (assumedHonest !== undefined && assumedHonest > members.length) {
      builder.problem(honestPath, `assumed-honest is ${assumedHonest} but only ${members.length} backend${members.length === 1 ? ' is' : 's are'} listed, so no keyset fits: the required signatures K = N + 1 − H would be ${members.length + 1 - assumedHonest}.`);
    }
    const committee: Committee = {
      size: members.length,
      // Nitro cannot work with fewer than one honest member; an unset value is read as that minimum.
      assumedHonest: assumedHonest !== undefined && Number.isInteger(assumedHonest) && assumedHonest >= 1 ? assumedHonest : 1,
      placeholderKeys: placeholders,
      at: builder.origin(BACKENDS),
    };
    if (assumedHonest !== undefined) committee.assumedHonestAt = builder.origin(honestPath);
    if (placeholderAt) committee.placeholderAt = builder.origin(placeholderAt);
    dependency.committee = committee;
  }
  builder.model.dependencies.push(dependency);
}

/** Every `dangerous` option switched on, wherever it sits (node.dangerous, node.sequencer.dangerous, node.staker.dangerous…). */
function readDangerous(builder: ModelBuilder, value: Record<string, unknown>, duties: string[]): void {
  const visit = (node: unknown, path: Path, depth: number): void => {
    if (!isRecord(node) || depth > 4) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'chain') continue;
      if (key === 'dangerous' && isRecord(child)) {
        for (const [option, setting] of Object.entries(child)) {
          if (setting !== true || HARMLESS.has(option)) continue;
          const known = DANGEROUS[option];
          const at = [...path, key, option];
          builder.model.flags.push({
            id: `dangerous.${option}`,
            scope: 'node',
            node: duties.join(' and '),
            title: at.join('.'),
            why: known?.why ?? 'is one of Nitro\'s `dangerous` options, which switch off a safety check for testing',
            value: true,
            ...(known?.remedy ? { remedy: known.remedy } : { safeValue: false }),
            source: 'nitroNodeConfig',
            at: builder.origin(at),
          });
        }
      } else {
        visit(child, [...path, key], depth + 1);
      }
    }
  };
  visit(value, [], 0);
}

/** Signing keys written into the file: placeholders from the setup template, or worse, real keys. */
function readKeys(builder: ModelBuilder): void {
  for (const [path, title, power] of KEYS) {
    const key = builder.get(path);
    if (typeof key !== 'string' || key.trim() === '' || /^\$\{?[A-Za-z_]\w*\}?$/.test(key.trim())) continue;
    const literal = /^(0x)?[0-9a-fA-F]{64}$/.test(key.trim());
    builder.model.flags.push({
      id: path.join('.'),
      title: `${title} (${path.join('.')})`,
      why: literal
        ? `puts the signing key in plain text in a config that gets copied, shared and committed: whoever reads the file can ${power}`
        : `means the node reads its signing key from this file, so the real key will sit in plain text in a config that gets copied, shared and committed, and whoever reads it can ${power}`,
      value: literal ? 'a literal private key' : /^[\w.<>{}$ -]{1,40}$/.test(key) && !/^[0-9a-fA-F]{16,}$/.test(key) ? `the template placeholder "${key}"` : 'a value written in the file',
      ...(literal ? { secret: true } : {}),
      remedy: 'Load the key from a keystore (parent-chain-wallet.pathname and password) or the environment instead of the file',
      source: 'orbitSdk',
      at: builder.origin(path),
    });
  }
}

/** The debug namespace served on an interface anyone can reach. */
function readDebugApi(builder: ModelBuilder, iface: 'http' | 'ws', wildcards: string[], duties: string[]): void {
  const section = builder.get([iface]);
  if (!isRecord(section)) return;
  const api = section.api;
  const names = Array.isArray(api) ? api.map((a) => (typeof a === 'string' ? a.trim() : '')) : typeof api === 'string' ? api.split(',').map((a) => a.trim()) : [];
  const index = names.indexOf('debug');
  if (index === -1) return;
  const open: string[] = [];
  if (typeof section.addr === 'string' && ['0.0.0.0', '::', '[::]'].includes(section.addr.trim())) open.push(`${iface}.addr ${section.addr.trim()}`);
  for (const field of wildcards) {
    const setting = section[field];
    const values = Array.isArray(setting) ? setting : typeof setting === 'string' ? setting.split(',') : [];
    if (values.some((v) => typeof v === 'string' && v.trim() === '*')) open.push(`${iface}.${field} "*"`);
  }
  if (open.length === 0) return;
  builder.model.flags.push({
    id: `${iface}.api.debug`,
    scope: 'node',
    node: duties.join(' and '),
    title: `The debug API on ${iface}`,
    why: 'lets anyone who can reach the node call debug_* methods, which trace any transaction or block and are heavy enough to take the node down',
    value: `open to any host (${open.join(', ')})`,
    remedy: `Remove "debug" from ${iface}.api, or bind ${iface}.addr to 127.0.0.1 and list the allowed hosts`,
    source: 'nitroNodeConfig',
    at: builder.origin(Array.isArray(api) ? [iface, 'api', index] : [iface, 'api']),
  });
}
