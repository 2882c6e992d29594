/**
 * JSON written inside a string of another file (a Nitro node config's chain.info-json, an AnyTrust
 * backends list): locating paths inside it, the quoting a fix must write, and fixes that round-trip.
 */
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderValue } from '../server/src/engine/fixes';
import { parseDocument, type ParsedDocument, type Path } from '../server/src/engine/parse/index';
import { decodeLiteral, sourceSpan } from '../server/src/engine/parse/string-literal';

const at = (doc: ParsedDocument, path: Path) => {
  const span = doc.locate(path)?.value;
  expect(span, `locate ${path.join('.')}`).toBeDefined();
  return doc.text.slice(span!.start, span!.end);
};

const keyAt = (doc: ParsedDocument, path: Path) => {
  const span = doc.locate(path)?.key;
  expect(span, `key of ${path.join('.')}`).toBeDefined();
  return doc.text.slice(span!.start, span!.end);
};

/** Replaces the value at `path` the way a quick fix does. */
function fix(doc: ParsedDocument, path: Path, value: string | number | boolean): string {
  const span = doc.locate(path)!.value;
  return doc.text.slice(0, span.start) + renderValue(doc, path, value) + doc.text.slice(span.end);
}

const OWNER = '0x4f572Ad5E18BCd935f32c75DAd559B8e7dBf4a10';
const INFO = [{ 'chain-id': 871978, 'chain-name': 'Lumen "L3"', 'chain-config': { arbitrum: { AllowDebugPrecompiles: true, InitialChainOwner: OWNER, Note: 'é\ttab' } } }];
const NODE = JSON.stringify({ chain: { 'info-json': JSON.stringify(INFO), name: 'lumen' }, node: { enable: true } }, null, 2);
const OWNER_PATH: Path = ['chain', 'info-json', 0, 'chain-config', 'arbitrum', 'InitialChainOwner'];
const DEBUG_PATH: Path = ['chain', 'info-json', 0, 'chain-config', 'arbitrum', 'AllowDebugPrecompiles'];

describe('decodeLiteral', () => {
  it('decodes JSON escapes and maps every decoded character back to where it starts', () => {
    const text = 'x = "a\\"b\\u00e9\\\\c"';
    const start = text.indexOf('"');
    const decoded = decodeLiteral(text, { start, end: text.length })!;
    expect(decoded.value).toBe('a"bé\\c');
    expect(decoded.offsets.map((o) => text[o])).toEqual(['a', '\\', 'b', '\\', '\\', 'c', '"']);
    // The decoded `bé` is the source `b\u00e9`, escape included.
    expect(text.slice(...Object.values(sourceSpan(decoded, { start: 2, end: 4 })) as [number, number])).toBe('b\\u00e9');
  });

  it("reads YAML single quotes, where '' is one quote", () => {
    const text = "'it''s {}'";
    expect(decodeLiteral(text, { start: 0, end: text.length })?.value).toBe("it's {}");
  });

  it('gives nothing for unquoted or triple-quoted text', () => {
    expect(decodeLiteral('abc', { start: 0, end: 3 })).toBeUndefined();
    expect(decodeLiteral('"""{}"""', { start: 0, end: 8 })).toBeUndefined();
  });
});

describe('locating inside JSON held in a JSON string', () => {
  const doc = parseDocument('file:///node.json', NODE);

  it('underlines exactly the characters of a string value, without its escaped quotes', () => {
    expect(at(doc, OWNER_PATH)).toBe(OWNER);
    expect(keyAt(doc, OWNER_PATH)).toBe('\\"InitialChainOwner\\"');
    // A quote inside the embedded string is escaped twice in the file.
    expect(at(doc, ['chain', 'info-json', 0, 'chain-name'])).toBe(String.raw`Lumen \\\"L3\\\"`);
  });

  it('locates numbers, booleans and containers inside the string', () => {
    expect(at(doc, DEBUG_PATH)).toBe('true');
    expect(at(doc, ['chain', 'info-json', 0, 'chain-id'])).toBe('871978');
    expect(at(doc, ['chain', 'info-json', 0, 'chain-config', 'arbitrum']).startsWith('{\\"AllowDebugPrecompiles\\"')).toBe(true);
  });

  it('still locates the string itself, with its quotes, and fields outside it', () => {
    expect(at(doc, ['chain', 'info-json']).startsWith('"[{\\"chain-id')).toBe(true);
    expect(at(doc, ['chain', 'name'])).toBe('"lumen"');
  });

  it('finds nothing for a missing path, or past a string that holds no JSON', () => {
    expect(doc.locate(['chain', 'info-json', 0, 'chain-config', 'arbitrum', 'Missing'])).toBeUndefined();
    expect(doc.locate(['chain', 'info-json', 3])).toBeUndefined();
    expect(doc.locate(['chain', 'name', 'x'])).toBeUndefined();
  });

  it('goes through JSON held in a string that is itself inside embedded JSON', () => {
    const inner = JSON.stringify({ backends: JSON.stringify([{ url: 'http://das:9876', pubkey: 'YAAA' }]) });
    const nested = parseDocument('file:///nested.json', JSON.stringify({ outer: inner }));
    expect(at(nested, ['outer', 'backends', 0, 'pubkey'])).toBe('YAAA');
    expect(nested.scalarStyle(['outer', 'backends', 0, 'pubkey'])).toEqual({ quote: '"', enclosing: ['"', '"'], bare: true });
    const edited = fix(nested, ['outer', 'backends', 0, 'pubkey'], 'a "real" key');
    const outer = JSON.parse(edited) as { outer: string };
    expect(JSON.parse((JSON.parse(outer.outer) as { backends: string }).backends)[0].pubkey).toBe('a "real" key');
  });

  it('describes the enclosing strings so fixes can escape what they write', () => {
    expect(doc.scalarStyle(OWNER_PATH)).toEqual({ quote: '"', enclosing: ['"'], bare: true });
    expect(doc.scalarStyle(DEBUG_PATH)).toEqual({ quote: '"', enclosing: ['"'] });
    expect(doc.scalarStyle(['chain', 'name'])).toEqual({ quote: '"' });
  });
});

describe('fixes inside embedded JSON round-trip', () => {
  const doc = parseDocument('file:///node.json', NODE);
  const reparse = (text: string) => {
    const outer = JSON.parse(text) as { chain: { 'info-json': string; name: string } };
    return { outer, info: JSON.parse(outer.chain['info-json']) as typeof INFO };
  };

  it('replaces an address: the file parses, the embedded JSON parses and holds the new value', () => {
    const edited = fix(doc, OWNER_PATH, '<SET_CHAIN_OWNER_ADDRESS>');
    const { outer, info } = reparse(edited);
    expect(info[0]['chain-config'].arbitrum.InitialChainOwner).toBe('<SET_CHAIN_OWNER_ADDRESS>');
    expect(info[0]['chain-config'].arbitrum.Note).toBe('é\ttab');
    expect(outer.chain.name).toBe('lumen');
  });

  it('writes quotes and backslashes escaped twice', () => {
    const { info } = reparse(fix(doc, ['chain', 'info-json', 0, 'chain-name'], 'say "hi" \\ bye'));
    expect(info[0]['chain-name']).toBe('say "hi" \\ bye');
  });

  it('turns a flag off', () => {
    const { info } = reparse(fix(doc, DEBUG_PATH, false));
    expect(info[0]['chain-config'].arbitrum.AllowDebugPrecompiles).toBe(false);
  });

  it('works in the tolerant JSONC parser too', () => {
    const jsonc = parseDocument('file:///node.jsonc', `// a node config\n${NODE}`);
    expect(at(jsonc, OWNER_PATH)).toBe(OWNER);
    const edited = fix(jsonc, DEBUG_PATH, false);
    const outer = JSON.parse(edited.slice(edited.indexOf('\n') + 1)) as { chain: { 'info-json': string } };
    expect(JSON.parse(outer.chain['info-json'])[0]['chain-config'].arbitrum.AllowDebugPrecompiles).toBe(false);
  });
});

describe('embedded JSON in YAML and TOML strings', () => {
  const json = JSON.stringify({ owner: OWNER, debug: true });

  it("YAML single-quoted: locates inside, and a fix doubles the single quotes it writes", () => {
    const text = `chain:\n  info: '${json.replace(/'/g, "''")}'\n`;
    const doc = parseDocument('file:///c.yaml', text);
    expect(at(doc, ['chain', 'info', 'owner'])).toBe(OWNER);
    expect(doc.scalarStyle(['chain', 'info', 'owner'])).toEqual({ quote: '"', enclosing: ["'"], bare: true });
    const edited = fix(doc, ['chain', 'info', 'owner'], "it's me");
    const value = parseYaml(edited) as { chain: { info: string } };
    expect(JSON.parse(value.chain.info)).toEqual({ owner: "it's me", debug: true });
  });

  it('YAML double-quoted', () => {
    const text = `info: ${JSON.stringify(json)}\n`;
    const doc = parseDocument('file:///c.yaml', text);
    expect(at(doc, ['info', 'debug'])).toBe('true');
    const edited = fix(doc, ['info', 'debug'], false);
    expect(JSON.parse((parseYaml(edited) as { info: string }).info)).toEqual({ owner: OWNER, debug: false });
  });

  it('TOML basic string', () => {
    const text = `info = ${JSON.stringify(json)}\n`;
    const doc = parseDocument('file:///c.toml', text);
    expect(at(doc, ['info', 'owner'])).toBe(OWNER);
    const edited = fix(doc, ['info', 'owner'], '0x0000000000000000000000000000000000000001');
    const reparsed = parseDocument('file:///c.toml', edited);
    expect(reparsed.problems).toEqual([]);
    expect(JSON.parse((reparsed.value as { info: string }).info).owner).toBe('0x0000000000000000000000000000000000000001');
  });
});
