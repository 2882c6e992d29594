/**
 * Issue 16's injection corpus over the language server's protocol: hovers on the hostile names and
 * on the addresses they name, and the titles of the code actions offered for each diagnostic. A
 * hover is Markdown that VS Code renders: it must hold no raw control character and no markup but
 * links to our own pages, and the server marks nothing trusted (the extension trusts a rewritten
 * hover for its one command, `chokepoint.showDocumentation`, and for rule pages only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOfflineDocsLinks } from '../client/src/doc-links';
import { visible } from '../server/src/engine/text/display';
import { ensureBuiltCli, temporaryFolders } from './helpers/cli-run';
import { writeHostileFolder } from './helpers/hostile-fixtures';
import { HOSTILE_STRINGS, lead, type HostileString } from './helpers/hostile-strings';
import { LspClient, type Published } from './helpers/lsp-client';
import { markdownProblems, rawCharacterProblems, workflowCommandLines } from './helpers/markup-checks';

ensureBuiltCli();
const folder = temporaryFolders('chokepoint-corpus-lsp-');

/** Where to hover in each file: a needle in its text and how far into it. */
const HOVERS: Record<string, { needle: string; offset: number; what: string }[]> = {
  'appchain/appchain.yaml': [
    { needle: 'holder: council', offset: 10, what: 'the council with a hostile name' },
    { needle: 'holder: "governance-body-id', offset: 12, what: 'a body with a hostile id' },
    { needle: 'holder: "role-holder-label', offset: 12, what: 'a hostile holder label' },
    { needle: 'operators: ["inference-operator', offset: 16, what: 'a hostile operator (a finding\'s detail)' },
  ],
  'cosmos/genesis.json': [
    { needle: '"validator_address": "",', offset: 21, what: 'a validator known by its hostile moniker' },
    { needle: '"operator_address": "validator-operator-address', offset: 24, what: 'a hostile operator address (a schema error\'s detail)' },
  ],
  'op/chain.toml': [
    { needle: 'ProxyAdminOwner = "0x', offset: 22, what: 'an entity with a hostile name' },
    { needle: 'Proposer = "0x', offset: 16, what: 'an entity under a hostile id' },
    { needle: 'SystemConfigOwner = "0x', offset: 24, what: 'a Safe the lock names' },
  ],
};

/** The position `offset` characters into the first occurrence of `needle`. */
function positionOf(text: string, needle: string, offset: number) {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

interface Hover {
  contents: { kind: string; value: string } & Record<string, unknown>;
}

interface Seen {
  hovers: { where: string; hover: Hover | null }[];
  titles: string[];
  /** Diagnostics' messages and their related information's. */
  messages: string[];
}

let client: LspClient;
const seen = new Map<string, Seen>();

async function visit(dir: string, hostile: HostileString): Promise<Seen> {
  const result: Seen = { hovers: [], titles: [], messages: [] };
  for (const [file, hovers] of Object.entries(HOVERS)) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path, text);
    const published = await client.until<Published>(() => client.published.get(uri), 30_000);
    for (const { needle, offset, what } of hovers) {
      const position = positionOf(text, needle, offset);
      result.hovers.push({ where: `${hostile.id}: ${what} (${file})`, hover: await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }) });
    }
    for (const diagnostic of published.diagnostics) {
      result.messages.push(diagnostic.message, ...((diagnostic.relatedInformation ?? []) as { message: string }[]).map((r) => r.message));
      const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      result.titles.push(...actions.map((a) => a.title));
    }
    client.close(uri);
  }
  return result;
}

beforeAll(async () => {
  const root = folder();
  client = new LspClient();
  await client.initialize({ rootPath: root });
  for (const hostile of HOSTILE_STRINGS) seen.set(hostile.id, await visit(writeHostileFolder(root, hostile).dir, hostile));
}, 300_000);

afterAll(async () => {
  await client?.stop();
});

describe.each(HOSTILE_STRINGS.map((h) => [h.id, h] as const))('%s', (id, hostile) => {
  it('every hover is plain Markdown of ours: no raw character, no markup, image or link of the config\'s, nothing trusted', () => {
    const { hovers } = seen.get(id)!;
    const problems = hovers.flatMap(({ where, hover }) => {
      if (!hover) return [`${where}: no hover`];
      const { kind, value, ...rest } = hover.contents;
      return [
        ...(kind === 'markdown' ? [] : [`${where}: ${kind}`]),
        ...Object.keys(rest).map((key) => `${where}: ${key}`),
        // As the server sends it, and as the extension shows it, with rule pages turned into its command.
        ...markdownProblems(value).map((p) => `${where}: ${p}`),
        ...workflowCommandLines(value).map((line) => `${where}: workflow command ${line}`),
        ...markdownProblems(withOfflineDocsLinks(value)).map((p) => `${where}: ${p} (offline links)`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('the hovers show the hostile string, made visible', () => {
    const texts = seen.get(id)!.hovers.map(({ hover }) => hover?.contents.value ?? '');
    // The string's first word, and (for the strings with hidden characters) their visible escapes.
    expect(texts.some((text) => text.includes(lead(hostile)))).toBe(true);
    const escape = /\\u\{[0-9A-F]+\}/.exec(visible(hostile.text))?.[0];
    if (escape) expect(texts.some((text) => text.includes(escape.replace(/[\\{}]/g, (c) => `\\${c}`)) || text.includes(escape))).toBe(true);
  });

  it('diagnostics\' messages and related information are one line of visible characters', () => {
    const { messages } = seen.get(id)!;
    expect(messages.some((message) => message.includes(lead(hostile)))).toBe(true);
    expect(messages.flatMap((message) => [...rawCharacterProblems(message), ...workflowCommandLines(message)])).toEqual([]);
  });

  it('code action titles hold no raw control or bidi character, and name a hostile body visibly', () => {
    const { titles } = seen.get(id)!;
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.flatMap((title) => [...rawCharacterProblems(title), ...workflowCommandLines(title)])).toEqual([]);
    // "Declare <body>: a key, a multisig, a timelock…" for the council of undeclared threshold.
    const body = [...visible(`governance-body-id ${hostile.text}`)].slice(0, 40).join('');
    expect(titles.filter((title) => title.startsWith('Declare ') && title.includes(body))).toHaveLength(1);
  });
});
