import { createHash } from 'node:crypto';
import { SOURCES } from '../../engine/data/sources';
import type { Finding } from '../../engine/lint';
import { REPOSITORY_URL } from '../../engine/project-links';
import { visible } from '../../engine/text/display';
import { ALL_RULE_METAS, docsUrl } from '../../engine/rules/index';
import type { RuleMeta } from '../../engine/rules/types';
import { streamedJson } from './json-stream';
import type { FileResult, Formatter } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
/** GitHub code scanning ranks results by this 0–10 score. */
const SECURITY_SEVERITY = { error: '8.0', warning: '5.0', info: '2.0' } as const;

function region(range: Finding['range']) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A relative path as a URI reference: each segment percent-encoded, so a space, "#" or "%" in a file name stays part of it. */
function artifactUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/**
 * A message's plain text. SARIF viewers render `[text](target)` in it as an embedded link (SARIF
 * 2.1.0 §3.11.6), so every square bracket, and a backslash before one, is escaped: a config's
 * string in a message stays text.
 */
function plain(text: string): { text: string } {
  return { text: text.replace(/\\(?=[[\]])|[[\]]/g, (c) => `\\${c}`) };
}

function camel(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

function ruleDescriptor(meta: RuleMeta) {
  const sources = meta.sources.map((id) => SOURCES[id]);
  return {
    id: meta.id,
    name: camel(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: {
      text: `${meta.rationale}\n\nHow to fix: ${meta.remediation}`,
      markdown: `${meta.rationale}\n\n**How to fix:** ${meta.remediation}${sources.length ? `\n\n**Sources:** ${sources.map((s) => `[${s.title}](${s.url})`).join('; ')}` : ''}`,
    },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: ['centralization', meta.category, ...(meta.stage !== undefined ? [`l2beat-stage-${meta.stage}`] : [])],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.severity],
      sources: sources.map((s) => s.url),
    },
  };
}

function fingerprint(file: FileResult, finding: Finding): string {
  return createHash('sha256').update(`${finding.ruleId}\u0000${file.path}\u0000${finding.subjects.join(',')}\u0000${finding.range.start.line}`).digest('hex').slice(0, 32);
}

function result(file: FileResult, finding: Finding, ruleIndex: Map<string, number>, display: (uri: string) => string) {
  const location = (range: Finding['range'], path = file.path) => ({ physicalLocation: { artifactLocation: { uri: artifactUri(path) }, region: region(range) } });
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: plain(finding.detail ? `${finding.message}\n\n${finding.detail}` : finding.message),
    locations: [location(finding.range)],
    ...(finding.related.length > 0 ? { relatedLocations: finding.related.map((r, id) => ({ id, ...location(r.range, display(r.uri)), message: plain(r.message) })) } : {}),
    partialFingerprints: { 'chokepoint/v1': fingerprint(file, finding) },
    ...(finding.fixes.length > 0
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: plain(fix.title),
            artifactChanges: [{ artifactLocation: { uri: artifactUri(file.path) }, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
          })),
        }
      : {}),
    ...(finding.suppression ? { suppressions: [{ kind: finding.suppression.kind === 'inline' ? 'inSource' : 'external', justification: plain(finding.suppression.reason).text }] } : {}),
  };
}

/** The run's notes on the symlinks it did not follow (SARIF §3.20.21 toolExecutionNotifications): what a reader of the log should know was left out. */
function notFollowedInvocation(paths: string[]) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: paths.map((path) => ({
      level: 'note',
      descriptor: { id: 'symlink-not-followed' },
      message: plain(`${visible(path)} is a symlink that leads out of the folders scanned, so it was not followed; pass --follow-symlinks to lint what it leads to.`),
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(path) } } }],
    })),
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Suppressed findings are included, marked as suppressed. */
export const sarif: Formatter = ({ version, files, display, notFollowed = [] }) => {
  const ruleIndex = new Map(ALL_RULE_METAS.map((meta, i) => [meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Chokepoint',
            version,
            semanticVersion: version,
            informationUri: REPOSITORY_URL,
            rules: ALL_RULE_METAS.map(ruleDescriptor),
          },
        },
        ...(notFollowed.length > 0 ? { invocations: [notFollowedInvocation(notFollowed)] } : {}),
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((file) => ({ location: { uri: artifactUri(file.path) } })),
        results: (function* () {
          for (const file of files) for (const f of [...file.findings, ...file.suppressed]) yield result(file, f, ruleIndex, display);
        })(),
      },
    ],
  };
  return streamedJson(log);
};
