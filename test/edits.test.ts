import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addEntity, addSuppression, entityInsertion, suppressionInsertion } from '../server/src/engine/config/edit';
import { declarationComment, REASON_PLACEHOLDER, suppressionComment } from '../server/src/engine/directive-edits';
import { parseDocument } from '../server/src/engine/parse';
import { lintSource } from './helpers/lint';

describe('comment directives inserted by code actions', () => {
  it('indents like the line they precede and use the format\'s comment marker', () => {
    const yaml = parseDocument('a.yaml', 'a:\n    b: 1\n');
    expect(suppressionComment(yaml, 1, 'role-collapse')).toEqual({ line: 1, character: 0, text: `    # chokepoint-disable-next-line role-collapse -- ${REASON_PLACEHOLDER}\n` });
    const jsonc = parseDocument('a.jsonc', '{\n  "a": 1 // x\n}\n');
    expect(declarationComment(jsonc, 1, 'eoa')).toEqual({ line: 1, character: 0, text: '  // chokepoint: eoa\n' });
    expect(suppressionComment(parseDocument('a.json', '{"a": 1}'), 0, 'role-collapse')).toBeUndefined();
  });

  it('a suppression whose reason is still the placeholder suppresses nothing', () => {
    const manifest = 'appchain:\n  name: X\ninfrastructure:\n  models:\n    - name: m\n      fallback: f\n      # chokepoint-disable-next-line mutable-model-reference -- <why this risk is accepted>\n      ref: hf://x/y:latest\n';
    const report = lintSource('appchain.yaml', manifest);
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['mutable-model-reference', 'invalid-directive']));
    expect(report.findings.find((f) => f.ruleId === 'invalid-directive')!.message).toContain(`replace "${REASON_PLACEHOLDER}"`);
  });
});

describe('.chokepoint.yaml edits', () => {
  it('add a suppression to an empty file or an existing list, keeping comments', () => {
    const fresh = addSuppression('', { rule: 'role-collapse', files: 'a.json', reason: 'r' });
    expect(parse(fresh)).toEqual({ suppressions: [{ rule: 'role-collapse', files: 'a.json', reason: 'r' }] });
    const existing = '# team config\nsuppressions:\n  - rule: fee-capture # accepted\n    reason: treasury soon\n';
    const added = addSuppression(existing, { rule: 'role-collapse', reason: 'r' });
    expect(added).toContain('# team config');
    expect(added).toContain('# accepted');
    expect(parse(added).suppressions).toHaveLength(2);
  });

  it('add an entity, or an address to an entity that exists, without duplicates', () => {
    const text = 'preset: strict # keep\nentities:\n  council:\n    kind: multisig\n    addresses: ["0xa"]\n';
    const added = addEntity(text, 'deployer', { kind: 'eoa', addresses: ['0xb'] });
    expect(parse(added).entities.deployer).toEqual({ kind: 'eoa', addresses: ['0xb'] });
    expect(added).toContain('# keep');
    const merged = addEntity(addEntity(text, 'council', { kind: 'multisig', addresses: ['0xc'] }), 'council', { kind: 'multisig', addresses: ['0xc'] });
    expect(parse(merged).entities.council.addresses).toEqual(['0xa', '0xc']);
  });

  it('edit in place: indentation, aligned comments, flow maps, folded scalars and blank lines stay byte for byte', () => {
    const text = [
      '# Team config',
      'preset: strict          # aligned',
      'network: mainnet        # aligned too',
      '',
      'entities:',
      '    council:',
      '        kind: multisig',
      '        threshold: 6',
      '        signers: 8',
      '        addresses: ["0xa"]',
      '    labels: {team: core, tier: 1}',
      'suppressions:',
      '    - rule: fee-capture',
      '      reason: >-',
      '        the treasury takes fees',
      '        until the DAO launches',
      '',
      '# trailing comment',
      '',
    ].join('\n');
    const added = addSuppression(text, { rule: 'role-collapse', files: 'a.json', reason: 'r' });
    expect(added.startsWith(text.slice(0, text.indexOf('        until the DAO launches\n') + '        until the DAO launches\n'.length))).toBe(true);
    expect(added.endsWith('\n# trailing comment\n')).toBe(true);
    expect(added).toContain('    - rule: role-collapse\n      files: a.json\n      reason: "r"\n');
    expect(parse(added).suppressions).toHaveLength(2);
    const withEntity = addEntity(text, 'deployer', { kind: 'eoa', addresses: ['0xb'] });
    expect(withEntity).toContain('    labels: {team: core, tier: 1}\n    deployer:\n        kind: eoa\n');
    expect(parse(withEntity).entities.deployer).toEqual({ kind: 'eoa', addresses: ['0xb'] });
    const moreAddresses = addEntity(text, 'council', { kind: 'multisig', addresses: ['0xc'] });
    expect(moreAddresses).toContain('addresses: ["0xa", "0xc"]');
    expect(moreAddresses.replace(', "0xc"', '')).toBe(text);
  });

  it('a file of comments keeps them all, and a CRLF file gets CRLF lines', () => {
    const comments = '# only comments here\n# and here\n';
    const added = addSuppression(comments, { rule: 'role-collapse', reason: 'r' });
    expect(added.startsWith(comments)).toBe(true);
    expect(parse(added).suppressions).toHaveLength(1);
    const crlf = 'preset: strict\r\nsuppressions:\r\n  - rule: fee-capture\r\n    reason: x\r\n';
    const inserted = addSuppression(crlf, { rule: 'role-collapse', reason: 'r' });
    expect(inserted.startsWith(crlf)).toBe(true);
    expect(inserted.slice(crlf.length)).toBe('  - rule: role-collapse\r\n    reason: "r"\r\n');
  });

  it('write where the YAML puts them: in a flow collection, a flow document, before an end marker, in place of an empty value', () => {
    const flow = 'suppressions: [\n  {rule: fee-capture, reason: x},\n]\nentities: {council: {kind: eoa}}\n';
    expect(addSuppression(flow, { rule: 'role-collapse', reason: 'r' })).toBe('suppressions: [\n  {rule: fee-capture, reason: x},\n  {rule: role-collapse, reason: "r"},\n]\nentities: {council: {kind: eoa}}\n');
    expect(addEntity(flow, 'council', { kind: 'eoa', addresses: ['0xb'] })).toBe(flow.replace('{kind: eoa}', '{kind: eoa, addresses: ["0xb"]}'));
    expect(addEntity(flow, 'ops', { kind: 'eoa', addresses: ['0xb'] })).toBe(flow.replace('{kind: eoa}}', '{kind: eoa}, ops: {kind: eoa, addresses: ["0xb"]}}'));
    expect(addEntity('{preset: strict}\n', 'ops', { kind: 'eoa', addresses: ['0xb'] })).toBe('{preset: strict, entities: {ops: {kind: eoa, addresses: ["0xb"]}}}\n');
    expect(addSuppression('---\npreset: strict\n...\n# after\n', { rule: 'role-collapse', reason: 'r' })).toBe('---\npreset: strict\nsuppressions:\n  - rule: role-collapse\n    reason: "r"\n...\n# after\n');
    expect(addSuppression('suppressions: ~ # none yet\n', { rule: 'role-collapse', reason: 'r' })).toBe('suppressions: [{rule: role-collapse, reason: "r"}] # none yet\n');
    expect(addEntity('entities: # who is who\npreset: strict\n', 'ops', { kind: 'eoa', addresses: ['0xb'] })).toBe('entities: # who is who\n  ops:\n    kind: eoa\n    addresses:\n      - "0xb"\npreset: strict\n');
  });

  it('refuse, saying why, where no edit in place exists', () => {
    const entry = { rule: 'role-collapse', reason: 'r' };
    expect(suppressionInsertion('preset: strict\n---\npreset: strict\n', entry)).toEqual({ reason: '.chokepoint.yaml holds more than one YAML document' });
    expect(suppressionInsertion('suppressions: {}\n', entry)).toEqual({ reason: 'suppressions in .chokepoint.yaml is not a list; fix it first' });
    expect(entityInsertion('entities: [a]\n', 'ops', { kind: 'eoa', addresses: ['0xb'] })).toEqual({ reason: 'entities in .chokepoint.yaml is not a mapping of entities; fix it first' });
    expect(entityInsertion('entities:\n  ops:\n    addresses: 0xa\n', 'ops', { kind: 'eoa', addresses: ['0xb'] })).toEqual({ reason: 'the addresses of ops in .chokepoint.yaml are not a list; fix them first' });
    expect(suppressionInsertion('preset: [\n', entry)).toMatchObject({ reason: expect.stringMatching(/^\.chokepoint\.yaml does not parse/) });
  });

  it('a comment above the first line goes after the byte-order mark, and above a block comment the line begins inside', () => {
    const bom = parseDocument('/virtual/intent.toml', '\uFEFFfundDevAccounts = true\n');
    expect(suppressionComment(bom, 0, 'dev-flags-in-production')).toMatchObject({ line: 0, character: 1, text: expect.stringMatching(/^# chokepoint-disable-next-line/) });
    const jsonc = parseDocument('/virtual/a.jsonc', '{\n  /* first\n     second */ "a": 1\n}\n');
    expect(declarationComment(jsonc, 2, 'eoa')).toEqual({ line: 1, character: 0, text: '  // chokepoint: eoa\n' });
  });

  it('a comment inserted into a CRLF file ends with CRLF', () => {
    const text = 'appchain:\r\n  name: X\r\n  network: mainnet\r\n';
    const doc = parseDocument('/virtual/appchain.yaml', text);
    expect(suppressionComment(doc, 1, 'role-collapse')!.text.endsWith(' -- <why this risk is accepted>\r\n')).toBe(true);
  });
});
