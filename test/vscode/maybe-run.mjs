#!/usr/bin/env node
// @ts-check
/**
 * The last step of `npm test`: runs `npm run test:vscode` (real VS Code, in code-server) when this
 * machine can, and otherwise says in one line that it was skipped and how to enable it. With
 * CHOKEPOINT_REQUIRE_VSCODE_TESTS=1 (as .ci/run sets), missing prerequisites are a failure.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { missingPrerequisites, REPO_ROOT } from './lib/paths.mjs';

const missing = missingPrerequisites();
if (missing.length > 0) {
  const how = 'enable them with `apt-get install -y chromium libkrb5-dev ripgrep && test/vscode/setup-code-server.sh`';
  if (process.env.CHOKEPOINT_REQUIRE_VSCODE_TESTS === '1') {
    console.error(`[vscode] FAILED: the real-VS-Code tests are required (CHOKEPOINT_REQUIRE_VSCODE_TESTS=1) but cannot run; missing ${missing.join('; ')}; ${how}.`);
    process.exit(1);
  }
  console.log(`[vscode] Real-VS-Code tests skipped: missing ${missing.join('; ')}; ${how}.`);
  process.exit(0);
}
// Routine test runs leave docs/images alone: their screenshots go to test-results/ (npm run test:vscode refreshes the docs).
const env = { ...process.env, CHOKEPOINT_SCREENSHOTS_DIR: process.env.CHOKEPOINT_SCREENSHOTS_DIR ?? join(REPO_ROOT, 'test-results', 'vscode', 'screenshots') };
const result = spawnSync('npm', ['run', '--silent', 'test:vscode'], { cwd: REPO_ROOT, stdio: 'inherit', env });
process.exit(result.status ?? 1);
