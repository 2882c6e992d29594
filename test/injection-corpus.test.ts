/**
 * Issue 16's injection corpus through every output of the built CLI. Configs come from strangers'
 * pull requests: each hostile string (helpers/hostile-strings.ts) goes into every field that reaches
 * a message (helpers/hostile-fixtures.ts), and each output is checked for what it must never hold:
 * a raw control or bidi character, a line that starts a workflow command but the github format's
 * own, markup that renders and a resource from anywhere. Plain-text outputs (stylish, github, JSON)
 * render no markup, so for them the first two are what matters; SARIF's text is plain but for its
 * embedded links.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visible } from '../server/src/engine/text/display';
import { html, md } from '../server/src/report/escape';
import { BUILT_CLI, ensureBuiltCli, temporaryFolders } from './helpers/cli-run';
import { writeHostileFolder, type Placement } from './helpers/hostile-fixtures';
import { HOSTILE_STRINGS, lead, quoted } from './helpers/hostile-strings';
import { embeddedLinkProblems, htmlProblems, markdownProblems, rawCharacterProblems, workflowCommandLines } from './helpers/markup-checks';

ensureBuiltCli();
const folder = temporaryFolders('chokepoint-corpus-');

const COMMANDS = {
  stylish: ['lint', '.', '--format', 'stylish', '--fail-on', 'none'],
  github: ['lint', '.', '--format', 'github', '--fail-on', 'none'],
  json: ['lint', '.', '--format', 'json', '--fail-on', 'none'],
  sarif: ['lint', '.', '--format', 'sarif', '--fail-on', 'none'],
  md: ['report', '.', '--format', 'md'],
  html: ['report', '.', '--format', 'html'],
} as const;
type Output = keyof typeof COMMANDS;

function cli(cwd: string, args: readonly string[]) {
  return spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
}

const outputs = {} as Record<Output, string>;
const placements = new Map<string, Placement[]>();

interface JsonFinding {
  message: string;
  subjects: string[];
  detail?: string;
  related: { message: string; path: string }[];
  fixes: { title: string }[];
  suppression?: { reason: string };
}
interface JsonReport {
  files: { path: string; findings: JsonFinding[]; suppressed: JsonFinding[] }[];
}

/** Every text of a finding, with the path of the file it is reported in. */
function findingTexts(report: JsonReport): { path: string; text: string }[] {
  return report.files.flatMap((file) =>
    [...file.findings, ...file.suppressed].flatMap((f) =>
      [f.message, f.detail, ...f.related.map((r) => r.message), ...f.fixes.map((fix) => fix.title), f.suppression?.reason].filter((t): t is string => t !== undefined).map((text) => ({ path: file.path, text }))));
}

/** The first characters of a value as an output shows it, enough to tell one field's value from another's. */
const opening = (text: string) => [...text].slice(0, 40).join('');

beforeAll(() => {
  const root = folder();
  for (const hostile of HOSTILE_STRINGS) placements.set(hostile.id, writeHostileFolder(root, hostile).placements);
  for (const [output, args] of Object.entries(COMMANDS) as [Output, readonly string[]][]) {
    const run = cli(root, args);
    if (run.status !== 0) throw new Error(`chokepoint ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    outputs[output] = run.stdout;
  }
}, 300_000);

describe('the checks', () => {
  const raw = (id: string) => HOSTILE_STRINGS.find((h) => h.id === id)!.text;

  it('find each hostile string, left as it is, in the output it targets', () => {
    for (const id of ['ansi', 'c0-c1-del', 'bidi']) expect(rawCharacterProblems(raw(id)), id).not.toEqual([]);
    expect(rawCharacterProblems(raw('astral').slice(0, 8))).not.toEqual([]);
    expect(workflowCommandLines(raw('workflow-command'))).not.toEqual([]);
    for (const id of ['markdown', 'html', 'autolink', 'backticks']) expect(markdownProblems(raw(id)), id).not.toEqual([]);
    expect(markdownProblems(`| a | b |\n|---|---|\n| ${md(raw('backticks')).replace('\\|', '|')} | b |`)).not.toEqual([]);
    expect(embeddedLinkProblems(raw('markdown'))).not.toEqual([]);
    expect(htmlProblems(`<p>${raw('html')}</p>`)).not.toEqual([]);
  });

  it('find nothing in the same strings escaped', () => {
    for (const hostile of HOSTILE_STRINGS) {
      expect(rawCharacterProblems(visible(hostile.text))).toEqual([]);
      expect(markdownProblems(md(hostile.text))).toEqual([]);
      expect(htmlProblems(`<p>${html(hostile.text)}</p>`)).toEqual([]);
    }
  });
});

describe('every field of the corpus reaches an output', () => {
  for (const hostile of HOSTILE_STRINGS) {
    it(`${hostile.id}: each field's value is in a finding's text, or (a chain's name) in the report`, () => {
      const report = JSON.parse(outputs.json) as JsonReport;
      const texts = findingTexts(report).filter((t) => t.path.startsWith(`${hostile.id}/`));
      const missing = placements.get(hostile.id)!.filter((placement) => {
        if (placement.field === 'file path') return !report.files.some((file) => file.path === `${hostile.id}/${placement.file}`);
        const shown = opening(visible(placement.value));
        return !texts.some((t) => t.text.includes(shown)) && !outputs.md.includes(opening(md(placement.value)));
      });
      expect(missing.map((p) => p.field)).toEqual([]);
    });
  }
});

describe('every output', () => {
  it.each(Object.keys(COMMANDS) as Output[])('%s has no raw control or bidi character and no cut character', (output) => {
    expect(rawCharacterProblems(outputs[output])).toEqual([]);
  });

  // The github format's own lines are workflow commands; each is checked below to be one of ours.
  it.each((Object.keys(COMMANDS) as Output[]).filter((output) => output !== 'github'))('%s has no line that starts a workflow command', (output) => {
    expect(workflowCommandLines(outputs[output])).toEqual([]);
  });
});

describe('stylish', () => {
  it('shows the hostile strings, made visible', () => {
    for (const hostile of HOSTILE_STRINGS) expect(outputs.stylish).toContain(opening(visible(`governance-body-name ${hostile.text}`)));
  });
});

/** The runner's escapes in a workflow command's data (`%`, CR, LF) and, in its properties, also `:` and `,`. */
const DATA = /^(?:[^%\r\n]|%25|%0D|%0A)*$/;
const PROPERTY = /^(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)*$/;
const unescapeCommand = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('github', () => {
  it('writes one annotation of ours per finding, its properties and data escaped, each the JSON message', () => {
    const report = JSON.parse(outputs.json) as JsonReport;
    const expected = report.files.flatMap((file) => file.findings.map((f) => ({ path: file.path, message: f.message })));
    const lines = outputs.github.trimEnd().split('\n');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const command = /^::(error|warning|notice) file=([^,]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=chokepoint [a-z-]+::(.*)$/.exec(line);
      expect(command, line).not.toBeNull();
      const [, , file, data] = command!;
      expect(file).toMatch(PROPERTY);
      expect(data).toMatch(DATA);
      expect(unescapeCommand(file)).toBe(visible(expected[i].path));
      expect(unescapeCommand(data)).toBe(expected[i].message);
    });
  });

  it('escapes a hostile path\'s colons and commas in the file property', () => {
    const markdownPath = placements.get('markdown')!.find((p) => p.field === 'file path')!.file;
    expect(markdownPath).toContain(':');
    expect(outputs.github).toContain(`file=markdown/${markdownPath.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C')},`);
  });
});

describe('json', () => {
  it('writes every text of a finding as one line of visible characters', () => {
    const problems = findingTexts(JSON.parse(outputs.json) as JsonReport).flatMap(({ text }) => [...rawCharacterProblems(text), ...(/\n/.test(text) ? [`line break in ${JSON.stringify(text.slice(0, 80))}`] : [])]);
    expect(problems).toEqual([]);
  });

  it('keeps data exact: a hostile path and a named party\'s key decode to the value the file gave', () => {
    const report = JSON.parse(outputs.json) as JsonReport;
    const bidi = placements.get('bidi')!;
    expect(report.files.map((f) => f.path)).toContain(`bidi/${bidi.find((p) => p.field === 'file path')!.file}`);
    const moniker = bidi.find((p) => p.field === 'validator moniker')!.value;
    expect(report.files.flatMap((f) => f.findings.flatMap((x) => x.subjects))).toContain(`name:${moniker.toLowerCase()}`);
  });
});

interface SarifMessage {
  text: string;
  markdown?: string;
}

describe('sarif', () => {
  const log = () => JSON.parse(outputs.sarif) as { runs: { results: { message: SarifMessage; relatedLocations?: { message: SarifMessage }[]; fixes?: { description: SarifMessage }[]; suppressions?: { justification: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; tool: { driver: { rules: { help: SarifMessage }[] } } }[] };

  it('writes plain texts with no embedded link, control or bidi character', () => {
    const texts = log().runs[0].results.flatMap((r) => [r.message.text, ...(r.relatedLocations ?? []).map((l) => l.message.text), ...(r.fixes ?? []).map((f) => f.description.text), ...(r.suppressions ?? []).map((s) => s.justification)]);
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.flatMap((text) => [...rawCharacterProblems(text), ...embeddedLinkProblems(text)])).toEqual([]);
    // The markdown corpus string is there, its brackets escaped.
    expect(texts.some((text) => text.includes('Markdown !\\[pixel\\](https://evil.example/pixel.png)'))).toBe(true);
  });

  it('gives results no markdown (only the rules\' help, our own words, is markdown) and URIs of URI characters only', () => {
    const run = log().runs[0];
    expect(run.results.filter((r) => r.message.markdown !== undefined)).toEqual([]);
    for (const uri of run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)) expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/);
  });
});

describe('the Markdown report', () => {
  it('renders no image, link, HTML, autolink, mention or issue reference of a config\'s', () => {
    expect(markdownProblems(outputs.md, ['sub'])).toEqual([]);
  });

  it('cuts a chain name of thousands of characters in its heading', () => {
    const headings = outputs.md.split('\n').filter((line) => line.startsWith('### '));
    expect(headings.some((line) => line.includes('Long AAAA'))).toBe(true);
    for (const line of headings) expect(line.length, line.slice(0, 80)).toBeLessThanOrEqual(4 + 2 * 120);
  });

  it('shows the hostile strings escaped', () => {
    expect(outputs.md).toContain(md('Markdown ![pixel](https://evil.example/pixel.png)'));
    expect(outputs.md).toContain('owner/repo\\#12');
  });
});

describe('the HTML report', () => {
  it('holds no element, handler, link or resource of a config\'s', () => {
    expect(htmlProblems(outputs.html)).toEqual([]);
  });

  it('shows the hostile strings as text', () => {
    expect(outputs.html).toContain('&#60;img src=https://evil.example/img.png onerror=&#34;window.__pwned=1&#34;&#62;');
  });
});

describe('configuration problems on stderr', () => {
  it('show a hostile rule id and folder name made visible, on lines that start no workflow command', () => {
    const root = folder();
    for (const hostile of HOSTILE_STRINGS) {
      const dir = join(root, hostile.id, `rules ${lead(hostile)}\n::error::forged\u001b[31m`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '.chokepoint.yaml'), `rules:\n  ${quoted(hostile.text)}: off\n`);
      writeFileSync(join(dir, 'appchain.yaml'), 'appchain:\n  name: Plain\n  network: mainnet\n');
    }
    const run = cli(root, ['lint', '.']);
    expect(run.status).toBe(2);
    expect(rawCharacterProblems(run.stderr)).toEqual([]);
    expect(workflowCommandLines(run.stderr)).toEqual([]);
    for (const hostile of HOSTILE_STRINGS) expect(run.stderr).toContain(`unknown rule "${opening(visible(hostile.text))}`);
  });
});
