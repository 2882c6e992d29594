import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Severity } from '../engine/config/schema';
import type { Finding, ResolvedFix } from '../engine/lint';
import { docsUrl } from '../engine/rules/index';

export const SOURCE = 'chokepoint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries for code actions, so they never have to match on message text. */
export interface DiagnosticData {
  ruleId: string;
  fixes: ResolvedFix[];
  subjects: string[];
}

export function toDiagnostic(finding: Finding, pathToUri: (path: string) => string): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, fixes: finding.fixes, subjects: finding.subjects };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({ location: { uri: pathToUri(r.uri), range: r.range }, message: r.message })),
    tags: finding.ruleId === 'unused-suppression' ? [DiagnosticTag.Unnecessary] : undefined,
    data,
  };
}
