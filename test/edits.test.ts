import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addEntity, addSuppression } from '../server/src/engine/config/edit';
import { declarationComment, REASON_PLACEHOLDER, suppressionComment } from '../server/src/engine/directive-edits';
import { parseDocument } from '../server/src/engine/parse';
import { lintSource } from './helpers/lint';

describe('comment directives inserted by code actions', () => {
  it('indents like the line they precede and use the format\'s comment marker', () => {
    const yaml = parseDocument('a.yaml', 'a:\n    b: 1\n');
    expect(suppressionComment(yaml, 1, 'role-collapse')).toEqual({ line: 1, text: `    # chokepoint-disable-next-line role-collapse -- ${REASON_PLACEHOLDER}\n` });
    const jsonc = parseDocument('a.jsonc', '{\n  "a": 1 // x\n}\n');
    expect(declarationComment(jsonc, 1, 'eoa')).toEqual({ line: 1, text: '  // chokepoint: eoa\n' });
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
});
