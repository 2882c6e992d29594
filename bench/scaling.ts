/**
 * Super-linear time, per parser and per rule (issue 16): each input class is linted at two sizes,
 * the second twice the first, with every rule timed on its own. Growth is the time at the larger
 * size over the time at the smaller: about 2 for linear work, 4 for quadratic. `npm run bench:scaling`.
 * A row whose growth is over 3 and whose time is over 20 ms is marked.
 */
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintText } from '../server/src/engine/lint';
import { parseDocument } from '../server/src/engine/parse';
import { RULES } from '../server/src/engine/rules';
import type { Rule } from '../server/src/engine/rules/types';
import { chainSpec, cosmosGenesis } from './generate';

interface Input {
  name: string;
  file: string;
  /** The text at scale 1 or 2. */
  text: (scale: number) => string;
}

const address = (i: number) => `0x${(i + 1).toString(16).padStart(40, '0')}`;

/** A manifest of many roles, councils and declarations. */
function manifest(scale: number): string {
  const n = 4000 * scale;
  const bodies = Array.from({ length: n / 4 }, (_, i) => `    - id: c${i}\n      name: Council ${i}\n      kind: multisig\n      address: "${address(i)}"\n      threshold: ${1 + (i % 3)}\n      signers: 5\n`).join('');
  const roles = Array.from({ length: n }, (_, i) => `    - role: r${i}\n      holder: ${i % 2 ? `c${i % (n / 4)}` : `"${address(n + i)}" # chokepoint: multisig 2-of-3`}\n      powers: [upgrade, pause]\n      delay: ${i % 5}d\n`).join('');
  return `appchain:\n  name: Scale\n  network: mainnet\ngovernance:\n  bodies:\n${bodies}  roles:\n${roles}`;
}

/** A deploy config in JSONC with many address fields, most held by a few keys. */
function deployConfigJsonc(scale: number): string {
  const extra = Object.fromEntries(Array.from({ length: 20_000 * scale }, (_, i) => [`k${i}Owner`, address(i % 50)]));
  return `// scaled\n${JSON.stringify({ l1ChainID: 1, l2ChainID: 5, finalSystemOwner: address(1), proxyAdminOwner: address(1), batchSenderAddress: address(2), p2pSequencerAddress: address(3), ...extra }, null, 2)}`;
}

/** An op-deployer intent in TOML with many chains. */
function intentToml(scale: number): string {
  const chains = Array.from({ length: 1500 * scale }, (_, i) => `[[chains]]\nid = "0x${(i + 10).toString(16).padStart(64, '0')}"\nbaseFeeVaultRecipient = "${address(i)}"\n[chains.roles]\nl1ProxyAdminOwner = "${address(1)}"\nsystemConfigOwner = "${address(1)}"\nbatcher = "${address(i + 5000)}"\nproposer = "${address(3)}"\nchallenger = "${address(4)}"\n`).join('\n');
  return `configType = "custom"\nl1ChainID = 1\n[superchainRoles]\nproxyAdminOwner = "${address(1)}"\nguardian = "${address(2)}"\n\n${chains}`;
}

const INPUTS: Input[] = [
  { name: 'Cosmos genesis (JSON)', file: 'genesis.json', text: (s) => cosmosGenesis(4_000_000 * s) },
  { name: 'Substrate chain spec (JSON)', file: 'chain-spec.json', text: (s) => chainSpec(4_000_000 * s) },
  { name: 'appchain.yaml manifest (YAML)', file: 'appchain.yaml', text: manifest },
  { name: 'deploy config (JSONC)', file: 'deploy-config.jsonc', text: deployConfigJsonc },
  { name: 'op-deployer intent (TOML)', file: 'intent.toml', text: intentToml },
];

/** The rules, each wrapped to add the time of its check to `times`. */
function timedRules(times: Map<string, number>): Rule[] {
  return RULES.map((rule) => ({
    ...rule,
    check: (context) => {
      const started = performance.now();
      const findings = [...rule.check(context)];
      times.set(rule.meta.id, (times.get(rule.meta.id) ?? 0) + performance.now() - started);
      return findings;
    },
  }));
}

/** The median of three runs of each time: one run on a busy machine can be twice as slow. */
function measure(input: Input, scale: number) {
  const text = input.text(scale);
  const runs = [once(input, text), once(input, text), once(input, text)];
  const median = (values: number[]) => values.sort((a, b) => a - b)[1];
  const times = new Map([...runs[0].times.keys()].map((id) => [id, median(runs.map((r) => r.times.get(id) ?? 0))]));
  return { bytes: text.length, parse: median(runs.map((r) => r.parse)), lint: median(runs.map((r) => r.lint)), times };
}

function once(input: Input, text: string) {
  const path = `/tmp/chokepoint-scaling/${input.file}`;
  let started = performance.now();
  parseDocument(path, text);
  const parse = performance.now() - started;
  const times = new Map<string, number>();
  const resolver = new ConfigResolver();
  started = performance.now();
  lintText(path, text, { config: resolver.configFor(path), explicit: true, rules: timedRules(times) });
  const lint = performance.now() - started;
  return { parse, lint, times };
}

const growthOf = (small: number, large: number) => large / Math.max(small, 0.05);
const mark = (small: number, large: number) => (growthOf(small, large) > 3 && large > 20 ? ' (super-linear?)' : '');

function main(): void {
  const rows = ['| input | what | ms at ×1 | ms at ×2 | growth |', '|---|---|---|---|---|'];
  let marked = 0;
  for (const input of INPUTS.filter((i) => !process.env.INPUT || i.name.includes(process.env.INPUT))) {
    once(input, input.text(1)); // warm-up: the first run compiles the code
    const one = measure(input, 1);
    const two = measure(input, 2);
    const row = (what: string, a: number, b: number) => {
      if (mark(a, b)) marked++;
      rows.push(`| ${input.name} | ${what} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${growthOf(a, b).toFixed(1)}${mark(a, b)} |`);
    };
    row(`parse (${(one.bytes / 1e6).toFixed(1)} → ${(two.bytes / 1e6).toFixed(1)} MB)`, one.parse, two.parse);
    row('whole lint', one.lint, two.lint);
    const slowest = [...two.times.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    for (const [id, ms] of slowest) row(`rule ${id}`, one.times.get(id) ?? 0, ms);
    const worstGrowth = [...two.times.entries()].filter(([, ms]) => ms > 5).map(([id, ms]) => [id, growthOf(one.times.get(id) ?? 0, ms)] as const).sort((a, b) => b[1] - a[1])[0];
    if (worstGrowth && !slowest.some(([id]) => id === worstGrowth[0])) row(`rule ${worstGrowth[0]} (fastest-growing)`, one.times.get(worstGrowth[0]) ?? 0, two.times.get(worstGrowth[0]) ?? 0);
    console.error(`${input.name}: done`);
  }
  console.log(rows.join('\n'));
  console.log(`\n${marked} rows marked super-linear. Every rule runs on every input; rows list the three slowest of each and the fastest-growing one above 5 ms.`);
}

main();
