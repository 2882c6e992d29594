// `node scripts/check-release.mjs TAG`, run by the release workflow before it publishes: the tag must
// be `v` and package.json's version, and CHANGELOG.md must hold that version's entry (a `## VERSION`
// heading with text under it), so every release says what changed. Reads both from the current folder.
import { readFileSync } from 'node:fs';

const tag = process.argv[2] ?? '';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const problems = [];
if (tag !== `v${version}`) problems.push(`The tag "${tag}" is not v${version}, the version in package.json.`);
const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const entry = new RegExp(`^## \\[?${escaped}\\]?(?:\\s|$)[^\\n]*\\n+(?!##)\\S`, 'm');
if (!entry.test(changelog)) problems.push(`CHANGELOG.md has no entry for ${version}: add a "## ${version}" section (rename "## Unreleased") saying what changed.`);
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
