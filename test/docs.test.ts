import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_METAS, docsUrl } from '../server/src/engine/rules/index';
import { SOURCES } from '../server/src/engine/data/sources';
import { generatedFiles } from '../scripts/generate';

describe('generated docs and schemas', () => {
  const files = generatedFiles();

  it.each([...files.keys()])('%s is up to date (run `npm run generate`)', (path) => {
    expect(existsSync(path), `${path} is missing`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(files.get(path));
  });

  it('has no stale rule pages', () => {
    const pages = readdirSync('docs/rules').filter((name) => name !== 'README.md');
    expect(pages.sort()).toEqual(ALL_RULE_METAS.map((m) => `${m.id}.md`).sort());
  });
});

describe('rule metadata', () => {
  it.each(ALL_RULE_METAS.map((m) => [m.id, m] as const))('%s is documented and sourced', (id, meta) => {
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    for (const text of [meta.title, meta.description, meta.rationale, meta.remediation]) expect(text.length).toBeGreaterThan(10);
    if (meta.category !== 'engine') expect(meta.sources.length).toBeGreaterThan(0);
    for (const source of meta.sources) expect(SOURCES[source].url).toMatch(/^https:\/\//);
  });

  it('the README lists every rule', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const meta of ALL_RULE_METAS) expect(readme, meta.id).toContain(`docs/rules/${meta.id}.md`);
  });

  it('ids are unique', () => {
    const ids = ALL_RULE_METAS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
