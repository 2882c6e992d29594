/**
 * Messages that fit one row of the Problems panel: every finding on every fixture, example and
 * real-world corpus file (and the shared corpus when it is there) says what concentrates and who
 * holds it in one sentence of at most 140 characters; why it matters and how to fix it are in
 * `detail`. Related information lists each place once, never the finding's own place.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../server/src/engine/workspace';
import { ConfigResolver } from '../server/src/engine/config/discover';
import type { Finding } from '../server/src/engine/lint';
import { TODAY } from './helpers/lint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared', 'corpus');
const FOLDERS = ['test/fixtures', 'examples', 'test/real-world'].map((f) => join(ROOT, f)).concat(existsSync(SHARED) ? [SHARED] : []);
export const MAX_MESSAGE = 140;

function allFindings(): Finding[] {
  const result = lintPaths(FOLDERS, { resolver: new ConfigResolver(), now: TODAY });
  return [...result.reports.flatMap((f) => [...f.findings, ...f.suppressed]), ...result.configFindings];
}

describe('messages that fit one Problems row', () => {
  const findings = allFindings();

  it('lints enough findings to mean something', () => {
    expect(findings.length).toBeGreaterThan(500);
  });

  it(`no message is longer than ${MAX_MESSAGE} characters or more than one sentence`, () => {
    const long = findings.filter((f) => f.message.length > MAX_MESSAGE || /[.!?] [A-Z]/.test(f.message.replace(/\b(e\.g|i\.e|etc|vs|St|no)\. /g, '')));
    const byRule = new Map<string, string>();
    for (const f of long) if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, `${f.message.length}: ${f.message}`);
    expect(Object.fromEntries(byRule)).toEqual({});
  });

  it('the median message is short', () => {
    const lengths = findings.map((f) => f.message.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)];
    console.log(`messages: ${findings.length}, median ${median} characters, longest ${lengths.at(-1)}`);
    expect(median).toBeLessThanOrEqual(100);
  });

  it('related information lists each place once, and not the finding\'s own place (but for the full address the message shortens)', () => {
    const repeated = findings.filter((f) => {
      const places = f.related.filter((r) => !/^\S+…\S+ is \S+$/.test(r.message) && !r.message.startsWith('In full: ')).map((r) => `${r.uri}:${r.range.start.line}:${r.range.start.character}`);
      const own = `${f.uri}:${f.range.start.line}:${f.range.start.character}`;
      return new Set(places).size !== places.length || places.includes(own);
    });
    expect(repeated.slice(0, 3).map((f) => `${f.ruleId}: ${f.related.map((r) => r.message).join(' | ')}`)).toEqual([]);
  });

  it('writes each address it shortens in full once, in the message or its related information, so filtering Problems by it works', () => {
    const missing = findings.filter((f) => {
      const shortened = [...f.message.matchAll(/0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}/g)].map((m) => m[0]);
      const text = [f.message, ...f.related.map((r) => r.message)].join(' ');
      // A 20-byte address has 32 hex digits between the two ends the short form keeps, a 32-byte key (Substrate) 56.
      return shortened.some((short) => !new RegExp(`${short.slice(0, 6)}(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{56})${short.slice(-4)}`).test(text));
    });
    expect(missing.slice(0, 3).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
