/**
 * Folders of configs with a hostile string (hostile-strings.ts) in every field that reaches a message:
 * one folder per string, holding a chain of each framework, a .chokepoint.yaml and a file under a
 * folder named with the string. Each field's value starts with the field's own tag, so a test can
 * check that this field, not another, reaches an output before checking how the output shows it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli-run';
import { fileName, quoted, type HostileString } from './hostile-strings';

/** A field of a config that reaches a message, and the value it was given. */
export interface Placement {
  field: string;
  /** The value as the config states it (decoded), or as much of it as a message quotes. */
  value: string;
  /** The file it was written to, relative to the string's folder. */
  file: string;
}

const COUNCIL = '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8';
/** The registry chain's Proposer and Challenger: one address, declared under a hostile entity id. */
const PROPOSER = '0x9e4B6f42bCd6Ca40ba44b5e2D60A27B215bcA9f7';
/** The registry chain's ProxyAdminOwner, declared as an entity with a hostile name. */
const PROXY_ADMIN_OWNER = '0x27602dD911fb464861C93765215E5427eCaf5d9A';
/** The registry chain's SystemConfigOwner, which the lock beside it describes. */
const SYSTEM_CONFIG_OWNER = '0xA5a106F1eCeaA7083bD4b181E4c97a9531d3Ac80';

/** A directive is at most 1,024 characters (directives.ts): the hostile part of a longer string is cut off. */
const DIRECTIVE_ROOM = 900;

const codePoints = (text: string, max: number) => [...text].slice(0, max).join('');

/** What a YAML comment can hold: no line break. */
const oneLine = (text: string) => codePoints(text.replace(/\r\n|[\r\n]/g, ' '), DIRECTIVE_ROOM);

/** One word of a directive's rule list: the string without its white space. */
const oneWord = (text: string) => codePoints(text.replace(/\s+/g, ''), DIRECTIVE_ROOM);

/** Adapters quote at most 80 characters (UTF-16 code units) of a chain's name or of a value that is no address. */
const quoted80 = (text: string) => text.slice(0, 80);

/** A chain name or id that names a mainnet: why the chain counts as production, which findings about production say. */
const mainnet = (text: string) => `${text} mainnet`;

/** Files written for one hostile string, and where each field's value went. */
class HostileFolder {
  readonly files: [path: string, text: string][] = [];
  readonly placements: Placement[] = [];

  constructor(private readonly text: string) {}

  /**
   * The value for `field` in `file`: the hostile string behind the field's tag (`role-title Ansi …`),
   * shaped by `written` as the file states it; recorded as a message quotes it (`shown`).
   */
  place(field: string, file: string, written: (text: string) => string = (t) => t, shown: (value: string) => string = (v) => v): string {
    const value = written(`${field.replace(/[^a-z]+/gi, '-')} ${this.text}`);
    this.placements.push({ field, value: shown(value), file });
    return value;
  }

  write(path: string, text: string): void {
    this.files.push([path, text]);
  }
}

function manifest(out: HostileFolder): void {
  const file = 'appchain/appchain.yaml';
  const place = (field: string, written?: (text: string) => string) => quoted(out.place(field, file, written));
  const bodyId = place('governance body id');
  const reason = out.place('suppression comment reason', file, oneLine);
  const rule = out.place('suppression comment rule', file, oneWord);
  out.write(file, [
    'appchain:',
    `  name: ${place('manifest chain name', mainnet)}`,
    '  network: mainnet',
    'governance:',
    '  bodies:',
    '    - id: council',
    `      name: ${place('governance body name')}`,
    '      kind: multisig',
    `      address: "${COUNCIL}"`,
    '      threshold: 1',
    '      signers: 3',
    // A council of undeclared threshold: the editor offers to declare it, naming it in the action's title.
    `    - id: ${bodyId}`,
    '      kind: council',
    '  roles:',
    '    - role: upgrader',
    `      title: ${place('role title')}`,
    '      holder: council',
    '      powers: [upgrade]',
    // A role without a title is named by its id.
    `    - role: ${place('role name')}`,
    `      holder: ${bodyId}`,
    '      powers: [pause]',
    '    - role: minter',
    `      holder: ${place('role holder label')}`,
    '      powers: [mint]',
    'infrastructure:',
    '  inference:',
    '    - name: inference',
    '      provider: Provider',
    `      operators: [${place('inference operator')}]`,
    '      verification: tee',
    '      fallback: self-hosted',
    '  models:',
    '    - name: ranker',
    `      ref: ${place('model reference', (t) => `${t}:latest`)}`,
    '      fallback: ranker-lite',
    '  sequencer:',
    '    name: sequencer',
    '    operators: [Sequencer Labs]',
    `    # chokepoint-disable-next-line forced-inclusion-window -- ${reason}`,
    '    forcedInclusion: none',
    `  # chokepoint-disable-next-line ${rule} -- the rule is not one of ours`,
    '  storage:',
    '    - name: storage',
    '      provider: Storage',
    '      fallback: none',
    '',
  ].join('\n'));
}

/** The example genesis with a hostile chain id, a validator known only by its moniker, and a hostile operator address. */
function genesis(out: HostileFolder): void {
  const file = 'cosmos/genesis.json';
  const value = JSON.parse(readFileSync(join(REPO, 'examples', 'cosmos', 'genesis.json'), 'utf8'));
  value.chain_id = out.place('Cosmos chain id', file, mainnet, quoted80);
  const gentx = structuredClone(value.app_state.genutil.gen_txs[0]);
  const message = gentx.body.messages[0];
  // No operator address: the validator is known by its moniker alone, and holds most of the stake.
  message.validator_address = '';
  message.description.moniker = out.place('validator moniker', file);
  message.value.amount = '90000000000000000000000000';
  value.app_state.genutil.gen_txs.push(gentx);
  const operator = out.place('validator operator address', file, undefined, quoted80);
  value.app_state.staking.validators = [{ operator_address: operator, tokens: '1000', status: 'BOND_STATUS_BONDED', description: { moniker: 'exported' } }];
  out.write(file, JSON.stringify(value, null, 2));
}

/** A Substrate chain spec whose `name` or `id` is hostile and names a mainnet (the name is read first, so the id's spec has a plain name). */
function chainSpec(out: HostileFolder, field: 'name' | 'id'): void {
  const file = `substrate-${field}/chain-spec.json`;
  const value = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'substrate', 'plain-solochain.json'), 'utf8'));
  value.name = 'Solo';
  value[field] = out.place(`chain spec ${field}`, file, mainnet, quoted80);
  out.write(file, JSON.stringify(value, null, 2));
}

/** A Superchain Registry chain file (the Proposer is the Challenger) with a hostile `name`. */
function registryChain(out: HostileFolder): void {
  const file = 'op/chain.toml';
  out.write(file, [
    `name = ${quoted(out.place('registry chain name', file, mainnet, quoted80))}`,
    'superchain_level = 0',
    'governed_by_optimism = false',
    'data_availability_type = "eth-da"',
    'chain_id = 48213',
    'batch_inbox_addr = "0xFF00000000000000000000000000000000048213"',
    'block_time = 2',
    'seq_window_size = 3600',
    '',
    '[roles]',
    `  SystemConfigOwner = "${SYSTEM_CONFIG_OWNER}"`,
    `  ProxyAdminOwner = "${PROXY_ADMIN_OWNER}"`,
    '  Guardian = "0x23c9abE2c0c703dEa58822e8Cbe7b4Ff512d5cbA"',
    `  Challenger = "${PROPOSER}"`,
    `  Proposer = "${PROPOSER}"`,
    '  UnsafeBlockSigner = "0x0a3A57D08Bd45ceC2d5a3E4f6b3E536f8310De6E"',
    '  BatchSubmitter = "0x3b22d34ff1d30f505191b8ecBa6639332E4c328F"',
    '',
  ].join('\n'));
}

/**
 * A lock beside the registry chain, as `chokepoint verify` writes it but committed by a stranger: the
 * name a source gives a Safe is free text. (So is the error of an address that could not be read, but
 * such an address is left out of every verified view, so its error reaches no output.)
 */
function lockFile(out: HostileFolder): void {
  const file = 'op/chokepoint.lock.json';
  const lock = {
    lockfileVersion: 1,
    generatedBy: 'a pull request',
    chains: {
      'evm:1': {
        rpcHost: 'rpc.example.org',
        block: { number: 21345678, timestamp: new Date().toISOString() },
        addresses: {
          [SYSTEM_CONFIG_OWNER.toLowerCase()]: { kind: 'safe', threshold: 1, owners: ['0x1111111111111111111111111111111111111111'], name: out.place('lock address name', file) },
        },
      },
    },
  };
  out.write(file, JSON.stringify(lock, null, 2));
}

/** The example OP deploy config as JSONC, with a block comment that suppresses a finding for a reason of several lines. */
function deployConfig(out: HostileFolder): void {
  const file = 'op-jsonc/deploy-config.jsonc';
  const reason = out.place('block comment suppression reason', file, (t) => codePoints(t, DIRECTIVE_ROOM));
  const json = readFileSync(join(REPO, 'examples', 'op-stack', 'deploy-config.json'), 'utf8');
  out.write(file, json.replace('  "fundDevAccounts": true,', `  /* chokepoint-disable-next-line dev-flags-in-production -- ${reason} */\n  "fundDevAccounts": true,`));
}

/** Entities under a hostile id and with a hostile name, and a suppression with a hostile reason. */
function chokepointYaml(out: HostileFolder): void {
  const file = '.chokepoint.yaml';
  out.write(file, [
    'entities:',
    `  ${quoted(out.place('.chokepoint.yaml entity id', file))}:`,
    '    kind: eoa',
    `    addresses: ["${PROPOSER}"]`,
    '  owner:',
    '    kind: multisig',
    `    name: ${quoted(out.place('.chokepoint.yaml entity name', file))}`,
    '    threshold: 1',
    '    signers: 2',
    `    addresses: ["${PROXY_ADMIN_OWNER}"]`,
    'suppressions:',
    '  - rule: unverified-authority',
    '    files: "op/**"',
    `    reason: ${quoted(out.place('.chokepoint.yaml suppression reason', file))}`,
    '',
  ].join('\n'));
}

/** A manifest in a folder named with the string, as much of it as a file name holds. */
function hostilePath(out: HostileFolder): void {
  const path = join('path', out.place('file path', '', fileName), 'appchain.yaml');
  out.placements.at(-1)!.file = path;
  out.write(path, ['appchain:', '  name: Path', '  network: mainnet', 'governance:', '  roles:', '    - role: upgrader', `      holder: "${COUNCIL}"`, '      powers: [upgrade]', ''].join('\n'));
}

/**
 * Writes the hostile string's folder under `root` (named by its id) and returns it with every
 * placement. Declaration comments (`# chokepoint: multisig entity <name>`) are not among them: an
 * entity name there is read as `[\w.-]+`, so no hostile character reaches any output through it.
 */
export function writeHostileFolder(root: string, hostile: HostileString): { dir: string; placements: Placement[] } {
  const out = new HostileFolder(hostile.text);
  manifest(out);
  genesis(out);
  chainSpec(out, 'name');
  chainSpec(out, 'id');
  registryChain(out);
  lockFile(out);
  deployConfig(out);
  chokepointYaml(out);
  hostilePath(out);
  const dir = join(root, hostile.id);
  for (const [path, text] of out.files) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, placements: out.placements };
}
