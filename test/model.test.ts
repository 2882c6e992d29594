import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthorityModelSchema, type AuthorityModel, type Origin } from '../server/src/engine/model/schema';
import { parseDocument } from '../server/src/engine/parse';
import { fixtureCases, RULE_FIXTURES } from './helpers/fixtures';
import { lintFile } from './helpers/lint';

const CORPUS_OP = join(__dirname, '..', '..', 'shared', 'corpus', 'op-stack');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const inputs = [
  ...filesUnder('examples').filter((p) => !p.endsWith('.chokepoint.yaml')),
  ...readdirSync(RULE_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => Object.values(fixtureCases(join(RULE_FIXTURES, e.name))).flat()),
  ...(existsSync(CORPUS_OP) ? filesUnder(CORPUS_OP) : []),
];

function origins(model: AuthorityModel): Origin[] {
  return [
    model.chain.at,
    ...model.grants.map((g) => g.at),
    ...model.councils.flatMap((c) => [c.at, c.thresholdAt, c.delayAt]),
    ...model.delays.map((d) => d.at),
    ...model.distributions.flatMap((d) => [d.at, ...d.entries.map((e) => e.at)]),
    ...model.dependencies.flatMap((d) => [d.at, d.operatorsAt, d.verificationAt, d.reference?.at, d.controller?.at]),
    model.proofSystem?.at,
    ...model.flags.map((f) => f.at),
    ...model.parameters.map((p) => p.at),
  ].filter((o): o is Origin => o !== undefined);
}

describe('the authority model every adapter builds', () => {
  it.each(inputs.map((path) => [path]))('%s matches the zod schema and every element points into the file', (path) => {
    const report = lintFile(path);
    if (!report.model) return expect(report.adapter).toBeUndefined();
    expect(() => AuthorityModelSchema.parse(report.model)).not.toThrow();
    const doc = parseDocument(report.uri, readFileSync(path, 'utf8'));
    for (const origin of origins(report.model)) {
      expect(origin.file).toBe(report.uri);
      if (origin.path.length > 0) expect(doc.locate(origin.path), `${path}: ${JSON.stringify(origin.path)} is not in the file`).toBeDefined();
    }
  });
});
