/**
 * Every link Chokepoint writes goes to the project's repository (package.json `repository.url`), a
 * source a rule cites, or a format identifier (helpers/links.ts): in each CLI format, `explain` and
 * `rules`, the report, the language server's diagnostics and hovers, and the generated docs. The
 * inputs are the examples and every rule's fixtures, so every rule and every source it cites is met.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json';
import { main } from '../server/src/cli/main';
import { SOURCES } from '../server/src/engine/data/sources';
import { REPOSITORY_URL } from '../server/src/engine/project-links';
import { ALL_RULE_METAS, docsUrl } from '../server/src/engine/rules/index';
import { buildIfMissing, REPO, temporaryFolders } from './helpers/cli-run';
import { linkProblems, repositoryPath, urlsIn } from './helpers/links';
import { LspClient } from './helpers/lsp-client';

const INPUTS = ['examples', 'test/fixtures/rules'];
const tempDir = temporaryFolders('chokepoint-links-');

/** The URLs the inputs hold (DAC endpoints, model references, …), which messages and the report quote as values. */
function quotedUrls(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? quotedUrls(join(dir, entry.name)) : urlsIn(readFileSync(join(dir, entry.name), 'utf8'))));
}
const QUOTED = INPUTS.flatMap((input) => quotedUrls(join(REPO, input)));

beforeAll(() => buildIfMissing(), 120_000);

function cli(args: string[]): string {
  const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`chokepoint ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

async function inProcess(argv: string[]): Promise<string> {
  let out = '';
  const code = await main(argv, { cwd: REPO, stdout: (t) => (out += t), stderr: (t) => (out += t), isTTY: false, env: {} });
  expect(code, `chokepoint ${argv.join(' ')}`).toBe(0);
  return out;
}

describe('the project links come from package.json', () => {
  it('repository.url is the base; homepage and bugs are pages of it', () => {
    expect(REPOSITORY_URL).toBe(pkg.repository.url);
    expect(REPOSITORY_URL).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(pkg.homepage.startsWith(`${REPOSITORY_URL}#`)).toBe(true);
    expect(pkg.bugs.url).toBe(`${REPOSITORY_URL}/issues`);
    expect(docsUrl('role-collapse')).toBe(`${REPOSITORY_URL}/blob/HEAD/docs/rules/role-collapse.md`);
    expect(repositoryPath(docsUrl('role-collapse'))).toBe('docs/rules/role-collapse.md');
  });

  it('the check reports an invented domain, a missing file and a bare link to the repository host', () => {
    expect(linkProblems('see https://chokepoint.dev/rules/x and <https://github.com/someone/else>')).toHaveLength(2);
    expect(linkProblems(`${REPOSITORY_URL}/blob/HEAD/docs/rules/no-such-rule.md`)).toHaveLength(1);
    expect(linkProblems(`[a](${docsUrl('role-collapse')}) ${SOURCES.l2beatStages.url}. ${REPOSITORY_URL}/issues`)).toEqual([]);
  });
});

describe('every link in every output is the project, a cited source or a format identifier', () => {
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    it(`chokepoint lint --format ${format}`, () => {
      const out = cli(['lint', ...INPUTS, '--format', format, '--fail-on', 'none']);
      expect(out.length).toBeGreaterThan(1000);
      expect(linkProblems(out, QUOTED)).toEqual([]);
      if (format === 'sarif') {
        const rules = (JSON.parse(out) as { runs: { tool: { driver: { informationUri: string; rules: { id: string; helpUri: string }[] } } }[] }).runs[0].tool.driver;
        expect(rules.informationUri).toBe(REPOSITORY_URL);
        for (const rule of rules.rules) expect(rule.helpUri).toBe(docsUrl(rule.id));
      }
    });
  }

  it('chokepoint explain, for every rule, and chokepoint rules', async () => {
    const pages = await Promise.all(ALL_RULE_METAS.map((meta) => inProcess(['explain', meta.id])));
    expect(linkProblems(pages.join('\n'))).toEqual([]);
    expect(pages.join('\n')).toContain(docsUrl('role-collapse'));
    const rules = await inProcess(['rules', '--format', 'json']);
    expect(linkProblems(rules)).toEqual([]);
    expect(urlsIn(rules)).toEqual(ALL_RULE_METAS.map((meta) => docsUrl(meta.id)));
  });

  it('chokepoint report, HTML and Markdown', async () => {
    const dir = tempDir();
    for (const name of ['report.html', 'report.md']) {
      await inProcess(['report', ...INPUTS, '-o', join(dir, name)]);
      const text = readFileSync(join(dir, name), 'utf8');
      expect(linkProblems(text, QUOTED), name).toEqual([]);
      expect(text, name).toContain(docsUrl('role-collapse'));
    }
  });

  it('the generated docs: every rule page, the manifest reference and the JSON Schemas', () => {
    const files = [
      ...readdirSync(join(REPO, 'docs', 'rules')).map((name) => join('docs', 'rules', name)),
      join('docs', 'appchain-manifest.md'),
      ...readdirSync(join(REPO, 'schemas')).map((name) => join('schemas', name)),
    ];
    for (const file of files) expect(linkProblems(readFileSync(join(REPO, file), 'utf8')), file).toEqual([]);
  });

  describe('the language server', () => {
    let client: LspClient;
    afterAll(() => client?.stop());

    it("diagnostics' code links and every hover on a finding", async () => {
      client = new LspClient();
      await client.initialize({ rootPath: join(REPO, 'examples') });
      const texts: string[] = [];
      const files = ['op-stack/deploy-config.json', 'op-stack/second-chain/intent.toml', 'cosmos/genesis.json', 'appchain/appchain.yaml'];
      for (const file of files) {
        const path = join(REPO, 'examples', file);
        const uri = client.open(path, readFileSync(path, 'utf8'));
        const published = await client.until(() => client.published.get(uri));
        expect(published.diagnostics.length, file).toBeGreaterThan(0);
        for (const diagnostic of published.diagnostics as { range: { start: unknown }; codeDescription?: { href: string } }[]) {
          texts.push(diagnostic.codeDescription?.href ?? '');
          const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
          texts.push(hover?.contents.value ?? '');
        }
      }
      const all = texts.join('\n');
      expect(all).toContain(docsUrl('role-collapse'));
      expect(linkProblems(all, QUOTED)).toEqual([]);
    });
  });
});
