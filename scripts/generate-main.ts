import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedFiles } from './generate';

const root = process.cwd();
const files = generatedFiles();
for (const stale of readdirSync(join(root, 'docs/rules'), { withFileTypes: true })) {
  if (stale.isFile() && !files.has(`docs/rules/${stale.name}`)) rmSync(join(root, 'docs/rules', stale.name));
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
process.stdout.write(`Wrote ${files.size} generated files.\n`);
