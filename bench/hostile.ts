/**
 * Hostile inputs (issues 16 and 17): each case is linted in-process, as the CLI and the language
 * server do, and its wall time and heap growth are printed against `JSON.parse`-or-`split` of the
 * same text as a floor. `npm run bench:hostile`; a case over 2 s is marked.
 */
import { ConfigResolver } from '../server/src/engine/config/discover';
import { lintText } from '../server/src/engine/lint';
import { deployConfig } from './generate';

interface Case {
  name: string;
  file: string;
  text: () => string;
}

const manifestWith = (lines: string) => `appchain:\n  name: Hostile\n  network: mainnet\ngovernance:\n  roles:\n${lines}`;
const role = (i: number, extra = '') => `    - role: r${i}\n      holder: "0x${(i + 1).toString(16).padStart(40, '0')}"${extra}\n      powers: [upgrade]\n`;

const CASES: Case[] = [
  { name: '7.9 MB deploy config ending in a lone \\r', file: 'deploy-config.json', text: () => bigDeployConfig(7_900_000) + '\r' },
  { name: '10,000 `# chokepoint: eoa` declarations', file: 'appchain.yaml', text: () => manifestWith(Array.from({ length: 10_000 }, (_, i) => role(i, ' # chokepoint: eoa')).join('')) },
  { name: '10,000 suppression comments', file: 'appchain.yaml', text: () => manifestWith(Array.from({ length: 10_000 }, (_, i) => `    # chokepoint-disable-next-line role-collapse -- reviewed\n${role(i)}`).join('')) },
  { name: 'YAML mapping of 80,000 keys', file: 'appchain.yaml', text: () => `appchain:\n  name: Keys\n${Array.from({ length: 80_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n` },
  { name: 'delay "1" + 160,000 spaces + "!"', file: 'appchain.yaml', text: () => manifestWith(role(0, `\n      delay: "1${' '.repeat(160_000)}!"`)) },
  { name: 'a directive of 160,000 digits', file: 'appchain.yaml', text: () => manifestWith(role(0, ` # chokepoint: multisig ${'1'.repeat(160_000)}`)) },
  { name: 'a directive of 160,000 spaces', file: 'appchain.yaml', text: () => manifestWith(role(0, ` # chokepoint: timelock${' '.repeat(160_000)}x`)) },
  { name: 'format guess on 160 KB of "\\na" lines', file: 'config', text: () => '\na'.repeat(80_000) },
  // Deep nesting and long strings, per format (issue 16).
  { name: 'JSON nested 100,000 deep', file: 'deploy-config.json', text: () => `{"l1ChainID": 1, "l2ChainID": 5, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
  { name: 'JSONC nested 100,000 deep', file: 'config.jsonc', text: () => `// c\n{"l1ChainID": 1, "l2ChainID": 5, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
  { name: 'broken JSON nested 100,000 deep', file: 'deploy-config.json', text: () => `{"l1ChainID": 1, "x": ${'['.repeat(100_000)}` },
  { name: 'TOML arrays nested 10,000 deep', file: 'intent.toml', text: () => `configType = "custom"\nl1ChainID = 1\nx = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  { name: 'YAML nested 100,000 deep (flow)', file: 'appchain.yaml', text: () => `appchain:\n  name: Deep\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` },
  { name: 'a 5 MB string where an address goes', file: 'deploy-config.json', text: () => deployConfig().replace(/"batchSenderAddress": "[^"]*"/, `"batchSenderAddress": "0x${'a'.repeat(5_000_000)}"`) },
  { name: 'a 5 MB role title in a manifest', file: 'appchain.yaml', text: () => manifestWith(role(0, `\n      title: "${'x '.repeat(2_500_000)}"`)) },
  { name: '20,000 roles held by one address (JSONC)', file: 'config.jsonc', text: () => `// c\n${JSON.stringify({ l1ChainID: 1, l2ChainID: 5, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8'])), proxyAdminOwner: '0x1d5B7eD2c3A4f5E6b7C8d9E0f1A2b3C4d5E6f7A8' })}` },
];

function bigDeployConfig(bytes: number): string {
  const base = JSON.parse(deployConfig()) as Record<string, unknown>;
  const padding: Record<string, string> = {};
  for (let i = 0; JSON.stringify({ ...base, ...padding }).length < bytes; i++) padding[`extra${i}`] = 'x'.repeat(1000);
  return JSON.stringify({ ...base, ...padding }, null, 2);
}

function main(): void {
  const resolver = new ConfigResolver();
  const rows = ['| case | size KB | floor ms | lint ms | ratio | heap MB |', '|---|---|---|---|---|---|'];
  for (const c of CASES.filter((x) => !process.env.CASE || x.name.includes(process.env.CASE))) {
    const text = c.text();
    const path = `/tmp/chokepoint-hostile/${c.file}`;
    let started = performance.now();
    text.split('\n').length;
    const floor = performance.now() - started;
    const heap = process.memoryUsage().heapUsed;
    started = performance.now();
    lintText(path, text, { config: resolver.configFor(path), explicit: true });
    const ms = performance.now() - started;
    const grew = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
    rows.push(`| ${c.name} | ${(text.length / 1024).toFixed(0)} | ${floor.toFixed(1)} | ${ms.toFixed(0)}${ms > 2000 ? ' (over 2 s)' : ''} | ${(ms / Math.max(floor, 0.1)).toFixed(0)} | ${Math.max(0, grew).toFixed(0)} |`);
    console.error(`${c.name}: ${ms.toFixed(0)} ms`);
  }
  console.log(rows.join('\n'));
}

main();
