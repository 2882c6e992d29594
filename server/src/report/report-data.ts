import { basename, dirname } from 'node:path';
import type { Severity } from '../engine/config/schema';
import type { EntityIndex } from '../engine/entities';
import type { Entity } from '../engine/entities/types';
import { blockText } from '../engine/lock/describe';
import type { FileReport, Finding } from '../engine/lint';
import { POWERS, type AuthorityModel, type Origin } from '../engine/model/schema';
import { docsUrl } from '../engine/rules/docs-url';
import { holdersOf } from '../engine/rules/holders';
import type { Holder } from '../engine/rules/types';
import { settlesOnParent } from '../engine/chain-kind';
import { estimateStage, stageNote, stageText, type StageRequirement } from '../engine/stages';
import { collusion, summarize } from '../engine/summary';
import { VERSION } from '../version';
import { describeHolder, devKeyOf } from './describe';
import { distributionView } from './distributions';
import { layersOf } from './layers';
import { risksOf } from './risks';
import type { ChainReport, FindingRef, FindingsSummary, HolderRow, HolderSource, ReportData, ReportOrigin, StageView } from './types';
import { displayName } from '../engine/text/display';

/** The longest chain name a report's heading shows. */
const REPORT_NAME_CHARS = 120;

export interface ReportOptions {
  /** How a file is shown to people; defaults to its base name. */
  display?: (uri: string) => string;
  /** The 1-based line an origin is written on, when the file can be read (the CLI parses the file again; an editor has it open). */
  locate?: (origin: Origin) => number | undefined;
}

/**
 * The sovereignty report of lint results: one entry per chain (files linted together share one
 * chain model), in the order of the reports. Reports need their models and entity index (lint
 * with `lintPaths(…, { models: true })`, or an editor's latest lint).
 */
export function buildReportData(reports: FileReport[], options: ReportOptions = {}): ReportData {
  const chains = new Map<AuthorityModel, FileReport[]>();
  const unrecognized: string[] = [];
  const display = options.display ?? ((uri: string) => basename(uri));
  for (const report of reports) {
    const model = report.chain ?? report.model;
    if (!model || !report.entities) {
      unrecognized.push(display(report.uri));
      continue;
    }
    chains.set(model, [...(chains.get(model) ?? []), report]);
  }
  return { version: VERSION, chains: [...chains.values()].map((members) => buildChainReport(members, options)), unrecognized };
}

/** The report of one chain from the reports of its files (at least one, each with the chain's model and entities). */
export function buildChainReport(reports: FileReport[], options: ReportOptions = {}): ChainReport {
  const first = reports[0];
  const model = first.chain ?? first.model;
  const entities = first.entities;
  if (!model || !entities) throw new Error('buildChainReport needs reports with a model and an entity index.');
  const display = options.display ?? ((uri: string) => basename(uri));
  const place = (origin: Origin): ReportOrigin => ({ uri: origin.file, file: display(origin.file), path: origin.path, line: options.locate?.(origin) });
  const findings = reports.flatMap((r) => r.findings);
  const suppressed = reports.flatMap((r) => r.suppressed);
  const refOf = (finding: Finding): FindingRef => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
    uri: finding.uri,
    file: display(finding.uri),
    line: finding.range.start.line + 1,
    docs: docsUrl(finding.ruleId),
    ...(finding.suppression ? { suppressed: finding.suppression.reason } : {}),
  });
  const holders = holdersOf(model, entities);
  const rollup = settlesOnParent(model);
  const summary = summarize({ ...first, findings });
  return {
    // A heading, not a record: a name of thousands of characters is cut (with an ellipsis).
    name: displayName(model.chain.name ?? (model.chain.chainId ? `chain ${model.chain.chainId}` : basename(dirname(first.uri))), REPORT_NAME_CHARS),
    framework: first.adapter?.framework ?? model.chain.framework,
    network: model.chain.network,
    networkReason: model.chain.networkReason,
    files: reports.map((r) => ({ uri: r.uri, file: display(r.uri), kind: r.adapter?.title })),
    rollup,
    ...(model.chain.parent ? { parent: model.chain.parent.title } : {}),
    fewestParties: summary.fewestParties,
    weakest: summary.weakest,
    stage: stageView(model, entities, findings, suppressed, refOf),
    risks: risksOf(model, entities, holders, place),
    holders: holderRows(holders, entities, place),
    verifiedShare: { verified: holders.filter((h) => sourceOf(h.entity) === 'verified').reduce((n, h) => n + h.grants.length, 0), total: holders.reduce((n, h) => n + h.grants.length, 0) },
    distributions: model.distributions.filter((d) => d.entries.length > 0).map((d) => distributionView(d, entities, place)),
    layers: layersOf(model, entities, holders, rollup, place),
    findings: findingsSummary(reports),
  };
}

function stageView(model: AuthorityModel, entities: EntityIndex, findings: Finding[], suppressed: Finding[], refOf: (f: Finding) => FindingRef): StageView {
  const estimate = estimateStage(model, entities);
  return {
    kind: estimate.kind,
    applies: estimate.applies,
    ...(estimate.stage !== undefined ? { stage: estimate.stage } : {}),
    bound: estimate.bound,
    text: stageText(estimate),
    note: stageNote(estimate),
    missing: estimate.missing,
    requirements: estimate.requirements.map((r) => ({
      stage: r.stage,
      id: r.id,
      title: r.title,
      status: r.status,
      ...(r.missing ? { missing: r.missing } : {}),
      findings: r.status === 'met' ? [] : evidence(r, findings, suppressed).map(refOf),
    })),
  };
}

/**
 * The findings that break a requirement: its rules' findings about its holders, or all of its
 * rules' findings when none names them; suppressed ones only when no active one explains it.
 */
function evidence(requirement: StageRequirement, findings: Finding[], suppressed: Finding[]): Finding[] {
  const active = about(requirement, findings);
  return active.length > 0 ? active : about(requirement, suppressed);
}

function about(requirement: StageRequirement, findings: Finding[]): Finding[] {
  const ofRules = findings.filter((f) => requirement.rules.includes(f.ruleId));
  if (requirement.subjects.length === 0) return ofRules;
  const subjects = new Set(requirement.subjects);
  const named = ofRules.filter((f) => f.subjects.some((s) => subjects.has(s)));
  return named.length > 0 ? named : ofRules;
}

/** Powers × holders, one row an entity, the fewest colluding parties first. */
function holderRows(holders: Holder[], entities: EntityIndex, place: (origin: Origin) => ReportOrigin): HolderRow[] {
  const rows = holders.map((holder): HolderRow => {
    const devKey = devKeyOf(holder);
    const read = holder.entity.declared?.by === 'verified' ? holder.entity.declared.verified : undefined;
    return {
      entityId: holder.entity.id,
      label: entities.label(holder.entity),
      kind: describeHolder(holder, entities),
      parties: collusion(holder.entity, entities),
      ...(devKey ? { devKey: devKey.label } : {}),
      powers: POWERS.filter((p) => holder.powers.has(p)),
      roles: holder.grants.map((g) => ({ title: g.title, layer: g.layer, powers: g.powers, origin: place(g.at) })),
      source: sourceOf(holder.entity),
      ...(read ? { verified: `${read.what} at ${blockText(read.block, read.timestamp)}` } : {}),
    };
  });
  return rows.sort((a, b) => (a.parties ?? Infinity) - (b.parties ?? Infinity) || b.powers.length - a.powers.length || a.label.localeCompare(b.label));
}

/** Verified when read on chain; declared when anything else says what it is; unknown otherwise. */
function sourceOf(entity: Entity): HolderSource {
  if (entity.declared?.by === 'verified') return 'verified';
  return entity.declared || entity.kind !== 'unknown' ? 'declared' : 'unknown';
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

function findingsSummary(reports: FileReport[]): FindingsSummary {
  const summary: FindingsSummary = { errors: 0, warnings: 0, infos: 0, suppressed: 0, byRule: [] };
  const byRule = new Map<string, FindingsSummary['byRule'][number]>();
  for (const report of reports) {
    summary.suppressed += report.suppressed.length;
    for (const finding of report.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
      const entry = byRule.get(finding.ruleId) ?? { ruleId: finding.ruleId, count: 0, severity: finding.severity, docs: docsUrl(finding.ruleId) };
      entry.count++;
      if (RANK[finding.severity] > RANK[entry.severity]) entry.severity = finding.severity;
      byRule.set(finding.ruleId, entry);
    }
  }
  summary.byRule = [...byRule.values()].sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  return summary;
}
