import { describe, expect, it } from 'vitest';
import { CancelFlag, isCancelled, LintCancelled } from '../server/src/engine/cancel';
import { emptyConfig } from '../server/src/engine/config/resolved';
import { lintText, type LintOptions } from '../server/src/engine/lint';
import { RULES } from '../server/src/engine/rules/index';
import type { Rule } from '../server/src/engine/rules/types';
import { COLLAPSED_DEPLOY_CONFIG } from './helpers/deploy-config';

const DEPLOY = COLLAPSED_DEPLOY_CONFIG;

const options = (extra: Partial<LintOptions> = {}): LintOptions => ({ config: emptyConfig('/virtual'), explicit: true, ...extra });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('cancellation', () => {
  it('lints as usual with a signal that is never raised', () => {
    const report = lintText('/virtual/deploy-config.json', DEPLOY, options({ signal: new CancelFlag() }));
    expect(report.findings.map((f) => f.ruleId)).toContain('role-collapse');
  });

  it('a lint cancelled before it starts throws LintCancelled and reports nothing', () => {
    const flag = new CancelFlag();
    flag.cancel();
    const error = thrown(() => lintText('/virtual/deploy-config.json', DEPLOY, options({ signal: flag })));
    expect(error).toBeInstanceOf(LintCancelled);
    expect(isCancelled(error)).toBe(true);
  });

  it('stops between rules: the rules after the cancellation never run, and it is not an internal-error', () => {
    const flag = new CancelFlag();
    const ran: string[] = [];
    const cancelling: Rule = {
      meta: RULES[0].meta,
      *check() {
        ran.push('first');
        flag.cancel();
      },
    };
    const later: Rule = {
      meta: RULES[1].meta,
      *check() {
        ran.push('second');
      },
    };
    const error = thrown(() => lintText('/virtual/deploy-config.json', DEPLOY, options({ signal: flag, rules: [cancelling, later] })));
    expect(isCancelled(error)).toBe(true);
    expect(ran).toEqual(['first']);
  });

  it('stops a rule between its findings, rather than reporting the cancellation as the rule failing', () => {
    const flag = new CancelFlag();
    let located = 0;
    const rule: Rule = {
      meta: RULES[0].meta,
      *check() {
        flag.cancel();
        located++;
        yield { at: { file: '/virtual/deploy-config.json', path: ['proxyAdminOwner'] }, message: 'never reported' };
        located++;
      },
    };
    const error = thrown(() => lintText('/virtual/deploy-config.json', DEPLOY, options({ signal: flag, rules: [rule] })));
    expect(isCancelled(error)).toBe(true);
    expect(located).toBe(1);
  });

  it('is raised through the shared buffer, as the language server does from its main thread', () => {
    const flag = new CancelFlag();
    const seen = new CancelFlag(flag.buffer);
    expect(seen.cancelled).toBe(false);
    flag.cancel();
    expect(seen.cancelled).toBe(true);
    expect(isCancelled(thrown(() => lintText('/virtual/deploy-config.json', DEPLOY, options({ signal: seen }))))).toBe(true);
  });
});
