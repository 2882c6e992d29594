import { basename } from 'node:path';
import { SOURCES } from '../engine/data/sources';
import { THRESHOLDS, type ThresholdId } from '../engine/data/thresholds';
import type { EntityIndex } from '../engine/entities';
import type { Entity } from '../engine/entities/types';
import { ageText, blockText, chainName } from '../engine/lock/describe';
import type { Finding } from '../engine/lint';
import { formatDuration } from '../engine/model/duration';
import type { Address, Delay, Origin, Parameter } from '../engine/model/schema';
import { docsUrl, ruleMeta } from '../engine/rules/index';
import { powerVerbs } from '../engine/rules/phrases';
import { collusion } from '../engine/summary';
import type { Position } from '../engine/text/positions';
import { md, mdCode } from '../report/escape';
import type { LintEntry } from './linting';

/**
 * Markdown for a hover at `position`: the symbol under the cursor (an address's holder card, or what a
 * parameter governs), then one line per finding there, each a link to its rule's page. VS Code shows
 * each diagnostic's message itself, so the hover never repeats it; with no symbol under the cursor it
 * gives each finding's detail (why it matters, how to fix it) instead. Every text a config supplies is
 * escaped, so the hover renders no markup, link or image from the file.
 */
export function hoverMarkdown(entry: LintEntry, position: Position): string | undefined {
  const offset = entry.doc.lines.offsetAt(position);
  const symbol = holderSection(entry, offset) ?? parameterSection(entry, offset);
  const findings = findingsAt(entry.report.findings, position);
  const sections = symbol ? [symbol, findingLinks(findings)] : findings.map(findingSection);
  const text = sections.filter((s): s is string => Boolean(s)).join('\n\n---\n\n');
  return text || undefined;
}

function contains(range: Finding['range'], position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

function findingsAt(findings: Finding[], position: Position): Finding[] {
  return findings.filter((f) => contains(f.range, position));
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** One line per finding: its severity and a link to its rule's page. */
function findingLinks(findings: Finding[]): string | undefined {
  if (findings.length === 0) return undefined;
  return findings.map((f) => `${SEVERITY_WORD[f.severity]}: [${md(ruleMeta(f.ruleId)?.title ?? f.ruleId)}](${docsUrl(f.ruleId)}) \`${f.ruleId}\``).join('  \n');
}

/** A finding's explanation: why it matters and how to fix it, with its rule's page and sources. */
function findingSection(finding: Finding): string {
  const meta = ruleMeta(finding.ruleId);
  const sources = (meta?.sources ?? []).map((id) => `[${md(SOURCES[id].short)}](${SOURCES[id].url})`).join(' · ');
  return [
    `**${md(meta?.title ?? finding.ruleId)}** \`${finding.ruleId}\` (${finding.severity})`,
    md(finding.detail ?? (meta ? `${meta.rationale} How to fix: ${meta.remediation}` : '')),
    `[Rule documentation](${docsUrl(finding.ruleId)})${sources ? ` · Sources: ${sources}` : ''}`,
  ].filter(Boolean).join('\n\n');
}

/** True when `origin` is in this file and its value spans the offset. */
function covers(entry: LintEntry, origin: Origin, offset: number): boolean {
  if (origin.file !== entry.path) return false;
  const span = entry.doc.locate(origin.path)?.value;
  return span !== undefined && span.start <= offset && offset <= span.end;
}

/** The address under the cursor: a role holder, an address the file shows the nature of, a council member, or a distribution entry. */
function addressAt(entry: LintEntry, offset: number): Address | undefined {
  const model = entry.report.model;
  if (!model) return undefined;
  const grant = model.grants.find((g) => covers(entry, g.at, offset));
  if (grant) return grant.holder;
  const fact = model.addressFacts?.find((f) => covers(entry, f.at, offset));
  if (fact) return fact.address;
  for (const distribution of model.distributions) {
    const hit = distribution.entries.find((e) => covers(entry, e.at, offset));
    if (hit) return hit.holder;
  }
  const text = entry.doc.text;
  for (const council of model.councils) {
    for (const member of council.members) {
      if (member.scheme === 'name') continue;
      for (let index = text.indexOf(member.raw); index !== -1; index = text.indexOf(member.raw, index + 1)) {
        if (index <= offset && offset <= index + member.raw.length) return member;
      }
    }
  }
  return undefined;
}

function declaredWhere(entity: Entity): string {
  const declared = entity.declared;
  if (!declared) return 'not declared: add it under `entities:` in .chokepoint.yaml, or with a `chokepoint:` comment';
  if (declared.by === 'builtin') return `published by the framework (${SOURCES[declared.source!].short})`;
  if (declared.by === 'config') return `declared in ${declared.file ? md(basename(declared.file)) : '.chokepoint.yaml'}`;
  if (declared.by === 'annotation') return `declared by a comment on line ${(declared.line ?? 0) + 1}`;
  if (declared.by === 'file') return `shown by ${declared.file ? md(basename(declared.file)) : 'the file'}: ${md(declared.note ?? 'its own content')}`;
  if (declared.by === 'verified') return `verified on chain (${declared.file ? md(basename(declared.file)) : 'chokepoint.lock.json'})`;
  return 'described in the manifest';
}

/** Whether what an entity is was read on chain, declared by someone, or is unknown. */
function standing(entity: Entity): string {
  if (entity.declared?.by === 'verified') return 'verified';
  return entity.declared ? 'declared' : 'unknown';
}

const MAX_ROLES = 5;

/** The holder card: who the address is, what it is, its powers in this chain and how many must collude, in about 12 lines. */
function holderSection(entry: LintEntry, offset: number): string | undefined {
  const address = addressAt(entry, offset);
  const { entities, chain } = entry.report;
  if (!address || !entities || !chain) return undefined;
  const entity = entities.entityOf(address);
  const rows: string[] = [];
  const powers = new Set<string>();
  const files = new Set<string>();
  for (const grant of chain.grants) {
    if (entities.entityOf(grant.holder).id !== entity.id) continue;
    grant.powers.forEach((p) => powers.add(p));
    files.add(grant.at.file);
    const doc = entry.chainDocs.get(grant.at.file);
    const line = doc ? doc.lines.positionAt(doc.locate(grant.at.path)?.value.start ?? 0).line + 1 : 1;
    rows.push(`| ${grant.powers.join(', ')} | ${md(grant.title)} | ${grant.at.file === entry.path ? 'this file' : md(basename(grant.at.file))}:${line} |`);
  }
  const label = entities.label(entity);
  const lines = [`**${md(label)}** — ${md(entities.describe(entity))} (${standing(entity)})`, `${entity.name !== label ? `${md(entity.name)} · ` : ''}${declaredWhere(entity)}`];
  if (address.raw !== label) lines.push(mdCode(address.raw));
  const read = verifiedLine(entity, new Date());
  if (read) lines.push(read);
  const controllers = controllerLines(entity, entities);
  if (controllers.length > 0) lines.push(controllers.slice(0, MAX_ROLES + 1).join('\n') + (controllers.length > MAX_ROLES + 1 ? `\n- … ${controllers.length - MAX_ROLES - 1} more` : ''));
  if (rows.length > 0) {
    lines.push(`Can ${powerVerbs(powers as Set<never>)}${files.size > 1 ? ' across the chain\'s files' : ''}:`);
    const shown = rows.slice(0, MAX_ROLES);
    if (rows.length > MAX_ROLES) shown.push(`| … | ${rows.length - MAX_ROLES} more roles | |`);
    lines.push(['| Power | Role | Where |', '|---|---|---|', ...shown].join('\n'));
    const parties = collusion(entity, entities);
    if (parties !== undefined) lines.push(`Parties to collude: **${parties}**${entity.kind === 'unknown' ? ' (assumed until the holder is declared or verified)' : ''}`);
  }
  return lines.join('\n\n');
}

/** "**Safe 6-of-8** (verified at block 21,345,678, 3 days ago, on Ethereum mainnet (chain id 1))". */
function verifiedLine(entity: Entity, now: Date): string | undefined {
  const read = entity.declared?.by === 'verified' ? entity.declared.verified : undefined;
  if (!read) return undefined;
  // A lock or snapshot is committed like any config: what it records is escaped too.
  return `**${md(read.what)}** (verified at ${md(blockText(read.block, read.timestamp))}, ${md(ageText(read.timestamp, now))}, on ${md(chainName(read.chain))})`;
}

const CONTROLLERS: Record<string, string> = { safe: 'Owners', timelock: 'Proposers', 'upgrade-executor': 'Executors', contract: 'Controlled by' };
const MAX_LISTED = 10;

/** Who stands behind a verified holder, level by level: a Safe's owners, a timelock's proposers, a contract's owner. */
function controllerLines(entity: Entity, entities: EntityIndex, depth = 0, path = new Set<string>()): string[] {
  const kind = entity.declared?.by === 'verified' ? entity.declared.verified?.kind : undefined;
  if (!kind || !entity.members?.length || depth >= 3 || path.has(entity.id)) return [];
  const inner = new Set(path).add(entity.id);
  const indent = '  '.repeat(depth);
  const lines = depth === 0 ? [`${CONTROLLERS[kind] ?? 'Members'}:`] : [];
  for (const id of entity.members.slice(0, MAX_LISTED)) {
    const member = entities.get(id);
    if (!member) continue;
    const read = member.declared?.by === 'verified' ? member.declared.verified : undefined;
    const what = read ? `${read.what} (verified)` : entities.describe(member);
    lines.push(`${indent}- ${md(entities.label(member))}: ${md(what)}`);
    lines.push(...controllerLines(member, entities, depth + 1, inner));
  }
  if (entity.members.length > MAX_LISTED) lines.push(`${indent}- … and ${entity.members.length - MAX_LISTED} more`);
  return lines;
}

function thresholdLine(id: string | undefined, blockSeconds?: number): string | undefined {
  if (!id || !(id in THRESHOLDS)) return undefined;
  const threshold = THRESHOLDS[id as ThresholdId];
  const value = threshold.unit === 'blocks'
    ? `${threshold.value} blocks${blockSeconds ? ` (${formatDuration(threshold.value * blockSeconds)})` : ''}`
    : threshold.unit === 'seconds' ? formatDuration(threshold.value) : String(threshold.value);
  return `Standard: **${value}** — ${threshold.note} ([${SOURCES[threshold.source].short}](${SOURCES[threshold.source].url}))`;
}

function valueLine(value: Parameter['value'], unit: Parameter['unit'], blockSeconds?: number): string {
  if (typeof value === 'number' && unit === 'seconds') return `Value: **${formatDuration(value)}** (${value} s)`;
  if (typeof value === 'number' && unit === 'blocks') return `Value: **${value} blocks**${blockSeconds ? ` ≈ ${formatDuration(value * blockSeconds)} at ${blockSeconds} s per block` : ''}`;
  return `Value: **${md(String(value))}**`;
}

function delayLine(delay: Delay): string {
  return delay.seconds === null ? 'Value: **none** — there is no such mechanism' : `Value: **${formatDuration(delay.seconds)}**`;
}

function parameterSection(entry: LintEntry, offset: number): string | undefined {
  const model = entry.report.model;
  if (!model) return undefined;
  const parameter = model.parameters.find((p) => covers(entry, p.at, offset));
  if (parameter) {
    return [`**${parameter.title}** (\`${parameter.id}\`)`, `Governs ${parameter.governs}.`, valueLine(parameter.value, parameter.unit, parameter.blockSeconds), thresholdLine(parameter.standard, parameter.blockSeconds)].filter(Boolean).join('\n\n');
  }
  const delay = model.delays.find((d) => covers(entry, d.at, offset));
  if (delay) {
    return [`**${delay.title}** (${delay.kind.replace(/-/g, ' ')})`, delayLine(delay), thresholdLine(delay.standard, delay.blockSeconds)].filter(Boolean).join('\n\n');
  }
  return undefined;
}
