/** scripts/check-release.mjs, which the release workflow runs on a tag before publishing anything. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, temporaryFolders } from './helpers/cli-run';

const folder = temporaryFolders('chokepoint-release-');

function check(tag: string, version: string, changelog: string) {
  const dir = folder();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'chokepoint', version }));
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'check-release.mjs'), tag], { cwd: dir, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

describe('the release check', () => {
  it('passes a tag of the package version with its CHANGELOG entry', () => {
    expect(check('v0.2.0', '0.2.0', '# Changelog\n\n## 0.2.0\n\n- A change.\n\n## 0.1.0\n\n- First.\n')).toEqual({ code: 0, stderr: '' });
  });

  it('refuses a tag that is not the version', () => {
    const result = check('v0.2.1', '0.2.0', '# Changelog\n\n## 0.2.0\n\n- A change.\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The tag "v0.2.1" is not v0.2.0');
  });

  it('refuses a version without an entry, or with an empty one', () => {
    expect(check('v0.2.0', '0.2.0', '# Changelog\n\n## Unreleased\n\n- A change.\n').stderr).toContain('CHANGELOG.md has no entry for 0.2.0');
    expect(check('v0.2.0', '0.2.0', '# Changelog\n\n## 0.2.0\n\n## 0.1.0\n\n- First.\n').code).toBe(1);
    expect(check('v0.2.0', '0.2.0', '# Changelog\n\n## 0.2.01\n\n- Another.\n').code).toBe(1);
  });
});
