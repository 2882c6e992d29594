// `npm run package [-- --out FILE]`: minified bundles, then the .vsix (chokepoint.vsix by default).
//
// The Marketplace README is docs/marketplace.md. Its relative links and images are written as they
// resolve on GitHub from docs/ (`images/hover.png` is docs/images/hover.png), so vsce is told to
// rewrite them against docs/ in the repository that package.json names: the screenshots are linked,
// never shipped (.vscodeignore), and the repository URL has no second home.
import { createVSIX } from '@vscode/vsce';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const repository = pkg.repository.url;
const at = process.argv.indexOf('--out');
const out = at === -1 ? 'chokepoint.vsix' : process.argv[at + 1];

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--minify'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

await createVSIX({
  packagePath: out,
  dependencies: false,
  readmePath: 'docs/marketplace.md',
  baseContentUrl: `${repository}/blob/HEAD/docs`,
  baseImagesUrl: `${repository}/raw/HEAD/docs`,
});
