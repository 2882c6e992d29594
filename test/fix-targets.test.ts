/** A fix writes one scalar on one line in place, or is not offered (issue 17 §2: no fix corrupts a file). */
import { describe, expect, it } from 'vitest';
import { exactTarget } from '../server/src/engine/fixes';
import { parseDocument } from '../server/src/engine/parse';

const yaml = (text: string) => parseDocument('/virtual/x.yaml', text);

describe('exactTarget', () => {
  it('gives the span of a plain, quoted or numeric scalar', () => {
    const doc = yaml('roles:\n  - delay: 2d\n    name: "x"\n    n: 5\n');
    for (const [path, text] of [[['roles', 0, 'delay'], '2d'], [['roles', 0, 'name'], '"x"'], [['roles', 0, 'n'], '5']] as const) {
      const span = exactTarget(doc, [...path])!;
      expect(doc.text.slice(span.start, span.end)).toBe(text);
    }
  });

  it('gives none for a block scalar, whose span ends with the line break fix-all would join', () => {
    const doc = yaml('roles:\n  - delay: >-\n      1d\n  - role: pauser\n');
    expect(doc.value).toEqual({ roles: [{ delay: '1d' }, { role: 'pauser' }] });
    expect(exactTarget(doc, ['roles', 0, 'delay'])).toBeUndefined();
  });

  it('gives none for an alias or an anchored value, which other places share', () => {
    const doc = yaml('defaults: &slow 2d\nroles:\n  - delay: *slow\n  - delay: &fast 1d\n');
    expect(exactTarget(doc, ['roles', 0, 'delay'])).toBeUndefined();
    expect(exactTarget(doc, ['roles', 1, 'delay'])).toBeUndefined();
  });

  it('gives none for an empty value, where writing would join the key and the value into one scalar', () => {
    const doc = yaml('roles:\n  - delay:\n    name: x\n');
    expect(doc.value).toEqual({ roles: [{ delay: null, name: 'x' }] });
    expect(exactTarget(doc, ['roles', 0, 'delay'])).toBeUndefined();
  });

  it('gives none for a flow collection or a path that is not there', () => {
    const doc = yaml('roles: [{delay: 2d}]\nlimits: {a: 1}\n');
    expect(exactTarget(doc, ['limits'])).toBeUndefined();
    expect(exactTarget(doc, ['missing', 'path'])).toBeUndefined();
  });
});
