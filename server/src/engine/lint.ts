import picomatch from 'picomatch';
import { relative } from 'node:path';
import { ADAPTERS, type Adapter } from './adapters';
import { isCancelled, throwIfCancelled, type CancelSignal } from './cancel';
import { duplicateKeyFindings } from './duplicate-keys';
import { isPlaceholder, readDirectives, type Directive, type Suppression } from './annotations/directives';
import { effectiveSeverity, ruleOptions } from './config/presets';
import type { ResolvedConfig } from './config/resolved';
import type { Severity } from './config/schema';
import { groupByIdentity } from './chain-groups';
import { chainOf } from './chains';
import { detectAdapter, looksLikeChainConfig } from './detect';
import { EntityIndex } from './entities';
import type { DeclaredEntity } from './entities/types';
import { declareVerified } from './entities/verified';
import { applyVerified, type VerifiedView } from './lock/verified-view';
import { commentRemoval } from './directive-edits';
import { exactTarget, renderValue } from './fixes';
import { namedParty, parseAddress, shortAddress } from './model/address';
import { parseDuration } from './model/duration';
import { valueAt } from './model/read';
import { applyRoleEnds } from './model/timeline';
import type { AuthorityModel, Grant, Network, Origin, ProofSystem, UnstatedPower } from './model/schema';
import { parseDocument, type Format, type ParsedDocument } from './parse';
import { holdersOf } from './rules/holders';
import { RULES, ruleMeta } from './rules/index';
import type { Fix, Holder, Rule, RuleFinding } from './rules/types';
import { cutNamesIn, visible } from './text/display';
import type { Range, Span } from './text/positions';

export interface LintOptions {
  config: ResolvedConfig;
  /** The date suppressions expire against; defaults to today. */
  now?: Date;
  /** The file was asked for by name: report it even when it is not a recognized config. */
  explicit?: boolean;
  /** Override the rule set (tests). */
  rules?: Rule[];
  /** Checked between stages; once raised, the lint stops with `LintCancelled` and reports nothing. */
  signal?: CancelSignal;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

export interface ResolvedFix {
  title: string;
  /** Keeps the file's meaning (removing an unused suppression), so fix-all and fix on save apply it; otherwise a suggestion. */
  autofix: boolean;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence that fits a row of the Problems panel: what concentrates and who holds it. */
  message: string;
  /** Why it matters and how to fix it (the hover, JSON, SARIF and the report carry it). */
  detail?: string;
  uri: string;
  range: Range;
  related: RelatedLocation[];
  fixes: ResolvedFix[];
  /** Normalized address keys the finding is about. */
  subjects: string[];
  suppression?: { kind: 'inline' | 'config'; reason: string; expires?: string };
}

export interface FileReport {
  uri: string;
  format: Format;
  adapter?: Pick<Adapter, 'id' | 'framework' | 'title' | 'describes'>;
  findings: Finding[];
  suppressed: Finding[];
  /** This file's own authority model. */
  model?: AuthorityModel;
  /** The model of the whole chain the file was linted with (this file and its siblings); the same as `model` for a file on its own. */
  chain?: AuthorityModel;
  /** Who controls each address, across the chain. */
  entities?: EntityIndex;
  /** Indexes of `.chokepoint.yaml` suppressions that matched a finding here. */
  usedConfigSuppressions: number[];
  /** Findings about what `.chokepoint.yaml` itself declares (a declaration the lock contradicts), for the caller that has its text to place. */
  configFindings?: ConfigFinding[];
}

/** A finding on `.chokepoint.yaml`, at a path in it; `workspace.ts` resolves it to a range. */
export interface ConfigFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  detail?: string;
  file: string;
  path: (string | number)[];
  related: RelatedLocation[];
  subjects: string[];
}

/** A file linted with the other files of its folder (or `chains:` entry). */
export interface ChainMember {
  doc: ParsedDocument;
  /** Asked for by name: reported even when not a recognized config. */
  explicit?: boolean;
  /** Read only as context for the others: a chain made of context files alone is not linted, and its reports carry no findings. */
  context?: boolean;
}

interface Pending {
  ruleId: string;
  severity?: Severity;
  message: string;
  detail?: string;
  span: Span;
  related: RelatedLocation[];
  fixes: ResolvedFix[];
  subjects: string[];
}

interface MemberState {
  doc: ParsedDocument;
  explicit: boolean;
  context: boolean;
  report: FileReport;
  pending: Pending[];
  directives: Directive[];
  model?: AuthorityModel;
}

/** The parts of a lint that only lintGroup needs: `verified` for the rules, and the declarations the rules compare with it. */
interface Declared {
  entities: EntityIndex;
  declarations: DeclaredEntity[];
}

export function lintText(uri: string, text: string, options: LintOptions): FileReport {
  throwIfCancelled(options.signal);
  return lintDocument(parseDocument(uri, text), options);
}

/** Lints one parsed file on its own. */
export function lintDocument(doc: ParsedDocument, options: LintOptions): FileReport {
  return lintChain([{ doc, explicit: options.explicit }], options)[0];
}

/**
 * Lints the files of a folder (or of a `chains:` entry) together. Each file is detected and adapted
 * on its own; the files are then grouped into chains by the identity they state (`chain-groups.ts`),
 * or all into one for a `chains:` entry, and the rules run once over each chain's combined model, so
 * a holder's powers in a genesis and in a deploy config of one chain add up while two chains in one
 * folder never mix. Every finding is reported in the file its primary location is in. Reports come
 * back in the order of `members`; the files of one chain share one `chain` model.
 */
export function lintChain(members: ChainMember[], options: Omit<LintOptions, 'explicit'>): FileReport[] {
  const { config, signal } = options;
  const states: MemberState[] = [];
  for (const member of members) {
    throwIfCancelled(signal);
    states.push(adapt(member.doc, member.explicit ?? false, member.context ?? false));
  }
  throwIfCancelled(signal);
  // In path order, so a finding lands in the same file whichever file of the chain was asked for.
  const adapted = states.filter((s) => s.model).sort((a, b) => a.doc.uri.localeCompare(b.doc.uri));
  for (const group of chainsOf(adapted, config)) {
    if (group.every((s) => s.context)) {
      for (const state of group) state.pending = [];
      continue;
    }
    lintGroup(group, options);
  }
  return states.map((state) => {
    throwIfCancelled(signal);
    return state.context && !state.report.chain ? state.report : finish(state.doc, state.report, state.pending, state.directives, options);
  });
}

/** The chains among a folder's adapted files: a `chains:` entry is one chain, whatever its files say; other files are grouped by identity. */
function chainsOf(adapted: MemberState[], config: ResolvedConfig): MemberState[][] {
  const named = new Map<string, MemberState[]>();
  const rest: MemberState[] = [];
  for (const state of adapted) {
    const name = Object.keys(config.chains).length > 0 ? chainOf(state.doc.uri, config).name : undefined;
    if (name === undefined) rest.push(state);
    else named.set(name, [...(named.get(name) ?? []), state]);
  }
  return [...named.values(), ...groupByIdentity(rest.map((s) => s.model!.chain)).map((indexes) => indexes.map((i) => rest[i]))];
}

/** Runs the rules over one chain's files. */
function lintGroup(group: MemberState[], options: Omit<LintOptions, 'explicit'>): void {
  const { config, signal } = options;
  const now = options.now ?? new Date();
  const chain = mergeModels(group.map((s) => s.model!), config);
  const verified = applyVerified(chain, config.verified);
  const byFile = new Map(group.map((s) => [s.doc.uri, s]));
  const { entities, declarations } = declareEntities(chain, config, group, verified);
  const holders = holdersOf(chain, entities);
  const holderOf = new Map(holders.flatMap((h) => h.entity.addressKeys.map((k) => [k, h] as const)));
  const formatOf = (origin: Origin) => byFile.get(origin.file)?.doc.format ?? 'json';
  const frameworkOf = (origin: Origin) => byFile.get(origin.file)?.model?.chain.framework ?? chain.chain.framework;
  const describes = (origin: Origin) => byFile.get(origin.file)?.report.adapter?.describes ?? 'plan';
  const rawOf = rawAddresses(chain);
  const configFindings: ConfigFinding[] = [];
  for (const state of group) Object.assign(state.report, { chain, entities, configFindings });
  for (const rule of options.rules ?? RULES) {
    throwIfCancelled(signal);
    const setting = config.rules[rule.meta.id];
    if (setting?.severity === 'off') continue;
    const context = { model: chain, entities, holders, options: ruleOptions(config.preset, rule.meta, setting?.options), formatOf, frameworkOf, describes, now, ...(verified.sections.length > 0 ? { verified } : {}), declarations };
    try {
      for (const finding of rule.check(context)) {
        throwIfCancelled(signal);
        if (finding.at.file === config.file && !byFile.has(finding.at.file)) {
          const severity = effectiveSeverity(config.preset, setting?.severity, rule.meta, finding.severity);
          const placed = resolve(byFile, group[0].doc, rule.meta.id, finding, rawOf);
          if (severity !== 'off') configFindings.push({ ruleId: rule.meta.id, severity, message: visible(finding.message), ...(finding.detail ? { detail: visible(finding.detail) } : {}), file: config.file, path: finding.at.path, related: placed.related.map((r) => ({ ...r, message: visible(r.message) })), subjects: placed.subjects });
          continue;
        }
        const owner = byFile.get(finding.at.file) ?? group[0];
        owner.pending.push(resolve(byFile, owner.doc, rule.meta.id, withHolderPlaces(finding, holderOf, entities), rawOf));
      }
    } catch (error) {
      if (isCancelled(error)) throw error;
      for (const state of group) state.pending.push(engineFinding('internal-error', `Rule ${rule.meta.id} failed on this file: ${(error as Error).message}. The other rules still ran.`, firstLine(state.doc)));
    }
  }
}

/**
 * What an adapter read from a parsed document, kept for as long as the document is: a file that did
 * not change (a folder-mate read from disk, an open document between lints of another) is not read
 * again, so a 25 MB genesis beside the file being edited costs nothing per keystroke.
 */
const ADAPTED = new WeakMap<ParsedDocument, { adapter: Adapter; built: ReturnType<Adapter['build']>; duplicates: ReturnType<typeof duplicateKeyFindings> }>();

function adapted(doc: ParsedDocument, adapter: Adapter) {
  const cached = ADAPTED.get(doc);
  if (cached?.adapter === adapter) return cached;
  const built = adapter.build(doc);
  const entry = { adapter, built, duplicates: duplicateKeyFindings(doc, built.model, adapter) };
  ADAPTED.set(doc, entry);
  return entry;
}

/** Parse problems, detection and the file's own model. */
function adapt(doc: ParsedDocument, explicit: boolean, context: boolean): MemberState {
  const state: MemberState = {
    doc,
    explicit,
    context,
    report: { uri: doc.uri, format: doc.format, findings: [], suppressed: [], usedConfigSuppressions: [] },
    pending: doc.problems.map((p) => engineFinding('parse-error', p.message, p.span)),
    directives: [],
  };
  const adapter = doc.value === undefined ? undefined : detectAdapter(doc.value);
  if (!adapter) {
    // A file nobody asked for by name is not Chokepoint's business unless it looks like a chain's config.
    const looks = doc.value === undefined ? undefined : looksLikeChainConfig(doc.value);
    if (looks && doc.problems.length === 0) {
      state.pending = [engineFinding('unrecognized-config', `${looks}. No authority checks ran on it.`, firstLine(doc))];
    } else if (!explicit) {
      state.pending = [];
    } else if (doc.problems.length === 0) {
      state.pending.push(engineFinding('unrecognized-config', `Chokepoint did not recognize this file as a supported configuration, so no authority checks ran. It reads: ${ADAPTERS.map((a) => a.title).join(', ')}.`, firstLine(doc)));
    }
    return state;
  }
  state.report.adapter = { id: adapter.id, framework: adapter.framework, title: adapter.title, describes: adapter.describes };
  try {
    const { built, duplicates } = adapted(doc, adapter);
    // A copy of the chain record per lint: merging may set the network a .chokepoint.yaml declares on it.
    const model = { ...built.model, chain: { ...built.model.chain } };
    state.model = model;
    state.report.model = model;
    for (const problem of built.problems) state.pending.push(engineFinding('schema-error', problem.message, spanOf(doc, problem.at)));
    for (const duplicate of duplicates) {
      state.pending.push({ ...engineFinding('duplicate-key', duplicate.message, duplicate.span), detail: duplicate.detail, related: duplicate.related.map((r) => ({ uri: doc.uri, range: doc.lines.rangeOf(r.span), message: r.message })) });
    }
  } catch (error) {
    if (isCancelled(error)) throw error;
    state.pending.push(engineFinding('internal-error', `The ${adapter.title} reader failed: ${(error as Error).message}. Other files are unaffected.`, firstLine(doc)));
  }
  state.directives = readDirectives(doc);
  return state;
}

/** A file that names its network outranks one that does not; among those that do, production wins. */
const PRODUCTION_FIRST: Network[] = ['mainnet', 'testnet', 'devnet', 'unknown'];
const WEAKEST_FIRST: ProofSystem['kind'][] = ['none', 'permissioned-fraud', 'permissionless-fraud', 'validity'];

/**
 * One model for a chain: every file's elements, the most production-like known network, the
 * weakest proof system, the first name, chain id and parent any file states, and every id.
 */
function mergeModels(models: AuthorityModel[], config: ResolvedConfig): AuthorityModel {
  const chain = { ...[...models].sort((a, b) => PRODUCTION_FIRST.indexOf(a.chain.network) - PRODUCTION_FIRST.indexOf(b.chain.network))[0].chain };
  const first = <K extends 'name' | 'chainId' | 'parent'>(key: K) => models.map((m) => m.chain[key]).find((v) => v !== undefined);
  if (models.length > 1) {
    Object.assign(chain, { name: first('name'), chainId: first('chainId'), parent: first('parent') });
    const ids = [...new Set(models.flatMap((m) => m.chain.identity?.ids ?? []))];
    const traits = [...new Set(models.flatMap((m) => m.chain.identity?.traits ?? []))];
    chain.identity = { ids, traits };
    for (const key of ['name', 'chainId', 'parent'] as const) if (chain[key] === undefined) delete chain[key];
  }
  if (config.network) {
    chain.network = config.network;
    chain.networkReason = `.chokepoint.yaml sets network: ${config.network}`;
  }
  const proofs = models.map((m) => m.proofSystem).filter((p): p is ProofSystem => p !== undefined);
  const merged: AuthorityModel = {
    chain,
    grants: models.flatMap((m) => m.grants),
    councils: models.flatMap((m) => m.councils),
    delays: models.flatMap((m) => m.delays),
    distributions: models.flatMap((m) => m.distributions),
    dependencies: models.flatMap((m) => m.dependencies),
    proofSystem: proofs.sort((a, b) => WEAKEST_FIRST.indexOf(a.kind) - WEAKEST_FIRST.indexOf(b.kind))[0],
    flags: models.flatMap((m) => m.flags),
    parameters: models.flatMap((m) => m.parameters),
    governance: models.find((m) => m.governance)?.governance,
    staking: models.find((m) => m.staking)?.staking,
    validatorSet: models.find((m) => m.validatorSet)?.validatorSet,
    codeOverrides: models.some((m) => m.codeOverrides) ? models.flatMap((m) => m.codeOverrides ?? []) : undefined,
    addressFacts: models.some((m) => m.addressFacts) ? models.flatMap((m) => m.addressFacts ?? []) : undefined,
    contracts: models.some((m) => m.contracts) ? models.flatMap((m) => m.contracts ?? []) : undefined,
    roleEnds: models.some((m) => m.roleEnds) ? models.flatMap((m) => m.roleEnds ?? []) : undefined,
    endedGrants: models.some((m) => m.endedGrants) ? models.flatMap((m) => m.endedGrants ?? []) : undefined,
  };
  // Another file of the chain may state who holds a power one file leaves unstated.
  const unstated = models.flatMap((m) => m.unstated ?? []).filter((u) => !merged.grants.some((g) => statesHolderOf(g, u)));
  if (unstated.length > 0) merged.unstated = unstated;
  // A role one file leaves unset and another file of the chain sets is set.
  const unset = models.flatMap((m) => m.unsetRoles ?? []).filter((u) => !merged.grants.some((g) => g.role === u.role));
  if (unset.length > 0) merged.unsetRoles = unset;
  // A role one file grants can be ended by another (a genesis precompile disabled by upgrade.json).
  applyRoleEnds(merged);
  if (config.network) for (const model of models) Object.assign(model.chain, { network: chain.network, networkReason: chain.networkReason });
  return merged;
}

/** A grant that names the holder of an unstated power: of the upgrade power when it is one, else of all its powers. */
function statesHolderOf(grant: Grant, unstated: UnstatedPower): boolean {
  return unstated.powers.includes('upgrade') ? grant.powers.includes('upgrade') : unstated.powers.every((p) => grant.powers.includes(p));
}

function declareEntities(model: AuthorityModel, config: ResolvedConfig, members: MemberState[], verified: VerifiedView): Declared {
  const entities = EntityIndex.withBuiltins();
  const declarations: DeclaredEntity[] = [];
  for (const fact of model.addressFacts ?? []) {
    const { kind, threshold, signers, why } = fact;
    entities.declare({ kind, threshold, signers, note: why }, [fact.address], { by: 'file', file: fact.at.file }, fact.name);
  }
  for (const council of model.councils) {
    const kind = council.kind === 'council' || council.kind === 'committee' ? 'multisig' : council.kind;
    const signers = council.signers ?? (council.members.length || undefined);
    const addresses = [namedParty(council.id), ...(council.address ? [council.address] : [])];
    entities.declare({ entity: council.id, kind, threshold: council.threshold, signers, external: council.external, delaySeconds: council.delaySeconds }, addresses, { by: 'manifest', file: council.at.file }, council.name);
  }
  for (const [id, entry] of Object.entries(config.entities)) {
    const addresses = entry.addresses.map((a) => parseAddress(a)).filter((a) => a !== undefined);
    const delaySeconds = entry.delay === undefined ? undefined : parseDuration(entry.delay);
    entities.declare({ ...entry, entity: id, delaySeconds }, addresses, { by: 'config', file: config.file, note: entry.note }, entry.name ?? id);
    if (config.file) declarations.push({ by: 'config', entity: id, facts: { kind: entry.kind, threshold: entry.threshold, signers: entry.signers, delaySeconds, members: entry.members }, addresses, at: { file: config.file, path: ['entities', id] } });
  }
  for (const { doc, directives } of members) {
    for (const directive of directives) {
      if (directive.type !== 'declare') continue;
      entities.declare(directive.facts, directive.addresses, { by: 'annotation', file: doc.uri, line: doc.lines.positionAt(directive.span.start).line });
      declarations.push({ by: 'annotation', entity: directive.facts.entity, facts: directive.facts, addresses: directive.addresses, at: { file: doc.uri, path: [] }, span: directive.span });
    }
  }
  // Last: what was read on chain outranks every declaration.
  declareVerified(entities, verified.sections, spellingOf(model));
  return { entities, declarations };
}

/** Addresses as the files write them, by key, so verified holders are named in the files' spelling. */
function spellingOf(model: AuthorityModel): Map<string, string> {
  const spelling = new Map<string, string>();
  for (const grant of model.grants) spelling.set(grant.holder.key, grant.holder.raw);
  for (const council of model.councils) for (const member of council.members) spelling.set(member.key, member.raw);
  return spelling;
}

/** The address as a file writes it, by the short form messages give it, for every address the chain's model names; built on first use. */
function rawAddresses(model: AuthorityModel): (short: string) => string | undefined {
  let raw: Map<string, string> | undefined;
  const build = () => {
    const map = new Map<string, string>();
    const add = (address: { raw: string } | undefined) => {
      if (address && address.raw.length > 16 && !map.has(shortAddress(address.raw))) map.set(shortAddress(address.raw), address.raw);
    };
    model.grants.forEach((g) => add(g.holder));
    model.councils.forEach((c) => [c.address, ...c.members].forEach(add));
    model.addressFacts?.forEach((f) => add(f.address));
    model.distributions.forEach((d) => d.entries.forEach((e) => add(e.holder)));
    return map;
  };
  return (short) => (raw ??= build()).get(short);
}

const MAX_HOLDER_PLACES = 64;

/** Adds, as related places, the other roles of the finding's holders that its message names, so a reviewer sees them. */
function withHolderPlaces(finding: RuleFinding, holderOf: Map<string, Holder>, entities: EntityIndex): RuleFinding {
  const subjects = finding.subjects ?? [];
  if (subjects.length === 0) return finding;
  const known = new Set([finding.at, ...(finding.related ?? []).map((r) => r.at)].map((o) => JSON.stringify([o.file, o.path])));
  // A holder of thousands of roles (a template's every key) gets no list of them under each finding.
  const extra = [...new Set(subjects.map((k) => holderOf.get(k)).filter((h): h is Holder => h !== undefined && h.grants.length <= MAX_HOLDER_PLACES))]
    .flatMap((h) => h.grants.filter((g) => finding.message.includes(g.title)).map((g) => ({ at: g.at, message: `${entities.label(h.entity)} is also the ${g.title}` })))
    .filter((r) => !known.has(JSON.stringify([r.at.file, r.at.path])));
  return extra.length === 0 ? finding : { ...finding, related: [...(finding.related ?? []), ...extra] };
}

/** An engine finding: its first sentence is the message, the rest (what to do) its detail. */
function engineFinding(ruleId: string, text: string, span: Span): Pending {
  const { message, detail } = splitSentence(text);
  return { ruleId, message, ...(detail ? { detail } : {}), span, related: [], fixes: [], subjects: [] };
}

/** The first sentence and the rest; a period inside quotes, a number or an abbreviation ends nothing. */
export function splitSentence(text: string): { message: string; detail?: string } {
  let quoted = false;
  for (let i = 0; i < text.length - 2; i++) {
    if (text[i] === '"') quoted = !quoted;
    if (!quoted && text[i] === '.' && text[i + 1] === ' ' && /[A-Z`]/.test(text[i + 2]) && !/\b(e\.g|i\.e|etc|vs)$/.test(text.slice(Math.max(0, i - 4), i))) {
      return { message: text.slice(0, i + 1), detail: text.slice(i + 2) };
    }
  }
  return { message: text };
}

function firstLine(doc: ParsedDocument): Span {
  return { start: 0, end: doc.lines.lineEnd(0) };
}

/** The span to underline for an origin: the value, or its key when asked or when the value spans lines. */
export function spanOf(doc: ParsedDocument, origin: Origin, part: 'key' | 'value' = 'value'): Span {
  if (origin.path.length === 0) return firstLine(doc);
  let located = doc.locate(origin.path);
  for (let cut = origin.path.length - 1; !located && cut > 0; cut--) located = doc.locate(origin.path.slice(0, cut));
  if (!located) return firstLine(doc);
  if (part === 'key' && located.key) return located.key;
  const multiline = doc.text.slice(located.value.start, located.value.end).includes('\n');
  return multiline && located.key ? located.key : located.value;
}

function resolve(docs: Map<string, MemberState>, owner: ParsedDocument, ruleId: string, finding: RuleFinding, rawOf: (key: string) => string | undefined = () => undefined): Pending {
  const docOf = (origin: Origin) => docs.get(origin.file)?.doc ?? owner;
  const place = (origin: Origin, part?: 'key' | 'value') => {
    const doc = docOf(origin);
    return { uri: doc.uri, range: doc.lines.rangeOf(spanOf(doc, origin, part)) };
  };
  const span = finding.span ?? spanOf(owner, finding.at, finding.part);
  const own = { uri: owner.uri, range: owner.lines.rangeOf(span) };
  const seen = new Set([placeKey(own)]);
  const related: RelatedLocation[] = [];
  for (const r of finding.related ?? []) {
    const placed = { ...place(r.at), message: r.message };
    if (seen.has(placeKey(placed))) continue;
    seen.add(placeKey(placed));
    related.push(placed);
  }
  const subjects = finding.subjects ?? [];
  return {
    ruleId,
    severity: finding.severity,
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
    span,
    related: withFullAddresses(finding.message, related, rawOf, own),
    subjects,
    fixes: (finding.fixes ?? []).flatMap((fix) => resolveFix(docs, docOf, fix)),
  };
}

const placeKey = (place: { uri: string; range: Range }) => `${place.uri}:${place.range.start.line}:${place.range.start.character}`;

/**
 * Each address the message shortens (0x1d5B…f7A8) is written in full once, so filtering the
 * Problems panel by an address finds it: in the related place that names it, or else in a related
 * entry at the finding's own place.
 */
function withFullAddresses(message: string, related: RelatedLocation[], rawOf: (short: string) => string | undefined, own: { uri: string; range: Range }): RelatedLocation[] {
  const out = [...related];
  for (const [short] of message.matchAll(SHORTENED)) {
    const raw = rawOf(short);
    if (!raw || message.includes(raw) || out.some((r) => r.message.includes(raw))) continue;
    const naming = out.findIndex((r) => r.message.includes(short));
    if (naming >= 0) out[naming] = { ...out[naming], message: out[naming].message.replace(short, raw) };
    else out.unshift({ ...own, message: `${short} is ${raw}` });
  }
  // A name the message cut at 64 characters is given in full here.
  for (const [, full] of cutNamesIn(message)) out.push({ ...own, message: `In full: ${full}` });
  return out;
}

/** What `shortAddress` leaves of an address: its first six and last four characters around an ellipsis. */
const SHORTENED = /[^\s(),;:"'`]{6}…[^\s(),;:"'`.]{4}/g;

/** What each kind of value-changing fix changes, for its title. */
const CHANGES: Record<Fix['changes'], string> = {
  'security-parameter': "changes the chain's security parameter",
  flag: "changes the chain's configuration",
  'proof-system': 'changes which proof system the chain trusts',
};

/**
 * A rule's fix changes a value, so it is a suggestion, never applied on save or by fix-all. It is not
 * offered on a file that describes a deployed chain (the file would then state something false), nor
 * when a target cannot be located exactly.
 */
function resolveFix(docs: Map<string, MemberState>, docOf: (origin: Origin) => ParsedDocument, fix: Fix): ResolvedFix[] {
  const edits: TextEdit[] = [];
  for (const edit of fix.edits) {
    if (docs.get(edit.at.file)?.report.adapter?.describes !== 'plan') return [];
    const doc = docOf(edit.at);
    const span = exactTarget(doc, edit.at.path);
    if (!span) return [];
    // A number the file writes as text (Cosmos writes integers as strings) stays text.
    const value = typeof edit.value === 'number' && typeof valueAt(doc.value, edit.at.path) === 'string' ? String(edit.value) : edit.value;
    edits.push({ uri: doc.uri, range: doc.lines.rangeOf(span), newText: renderValue(doc, edit.at.path, value) });
  }
  return [{ title: `${fix.title} (${CHANGES[fix.changes]})`, autofix: false, edits }];
}

function finish(doc: ParsedDocument, report: FileReport, pending: Pending[], directives: Directive[], options: LintOptions): FileReport {
  const { config } = options;
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  for (const directive of directives) {
    if (directive.type === 'invalid') pending.push(engineFinding('invalid-directive', directive.message, directive.span));
    if (directive.type === 'suppress') {
      const unknown = directive.rules.filter((id) => !ruleMeta(id));
      if (unknown.length > 0) pending.push(engineFinding('invalid-directive', `Unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} in this suppression; \`chokepoint rules\` lists the rule ids.`, directive.span));
    }
  }
  const suppressions = directives.filter((d): d is Suppression => d.type === 'suppress');
  // By line, so 10,000 suppressions against 10,000 findings is no 10^8 comparisons.
  const suppressionsByLine = new Map<number, Suppression[]>();
  for (const s of suppressions) {
    const onLine = suppressionsByLine.get(s.line);
    if (onLine) onLine.push(s);
    else suppressionsByLine.set(s.line, [s]);
  }
  const used = new Set<Suppression>();
  const usedConfig = new Set<number>();
  const relativePath = config.file ? relative(config.baseDir, doc.uri) : undefined;

  const seen = new Set<string>();
  for (const item of pending) {
    const meta = ruleMeta(item.ruleId);
    if (!meta) continue;
    const severity = effectiveSeverity(config.preset, config.rules[item.ruleId]?.severity, meta, item.severity);
    if (severity === 'off') continue;
    const range = doc.lines.rangeOf(item.span);
    const key = `${item.ruleId}|${item.span.start}|${item.span.end}|${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Every text of a finding may carry a config's strings (its suppression's reason too): each output shows it as one line of visible characters.
    const finding: Finding = {
      ruleId: item.ruleId,
      severity,
      message: visible(item.message),
      ...(item.detail ? { detail: visible(item.detail) } : {}),
      uri: doc.uri,
      range,
      related: item.related.map((r) => ({ ...r, message: visible(r.message) })),
      fixes: item.fixes.map((f) => ({ ...f, title: visible(f.title) })),
      subjects: item.subjects,
    };
    const inline = meta.category === 'engine' ? undefined : suppressionsByLine.get(range.start.line)?.find((s) => s.rules.includes(item.ruleId));
    if (inline && (!inline.expires || inline.expires >= today)) {
      used.add(inline);
      finding.suppression = { kind: 'inline', reason: visible(inline.reason), expires: inline.expires };
      report.suppressed.push(finding);
      continue;
    }
    if (inline) used.add(inline);
    const fromConfig = meta.category === 'engine' ? undefined : config.suppressions.find((s) => s.rule === item.ruleId && !isPlaceholder(s.reason) && (!s.expires || s.expires >= today) && matchesFiles(s.files, relativePath) && matchesAddress(s.address, finding.subjects));
    if (fromConfig) {
      usedConfig.add(fromConfig.index);
      finding.suppression = { kind: 'config', reason: visible(fromConfig.reason), expires: fromConfig.expires };
      report.suppressed.push(finding);
      continue;
    }
    report.findings.push(finding);
  }

  for (const suppression of suppressions) {
    const expired = suppression.expires !== undefined && suppression.expires < today;
    const extra = expired
      ? engineFinding('expired-suppression', `This suppression of ${suppression.rules.join(', ')} expired on ${suppression.expires}; the finding is back. Fix it, or renew the suppression with a new date and reason.`, suppression.span)
      : !used.has(suppression) && suppression.rules.some((id) => ruleMeta(id))
        ? engineFinding('unused-suppression', `This suppression of ${suppression.rules.join(', ')} matches no finding on line ${suppression.line + 1}. Remove it, or move it above the line it is meant for.`, suppression.span)
        : undefined;
    if (!extra) continue;
    const meta = ruleMeta(extra.ruleId)!;
    const severity = effectiveSeverity(config.preset, config.rules[extra.ruleId]?.severity, meta);
    if (severity === 'off') continue;
    const fixes: ResolvedFix[] = extra.ruleId === 'unused-suppression' ? [{ title: 'Remove the unused suppression', autofix: true, edits: [{ uri: doc.uri, range: doc.lines.rangeOf(commentRemoval(doc, suppression.span)), newText: '' }] }] : [];
    report.findings.push({ ruleId: extra.ruleId, severity, message: visible(extra.message), ...(extra.detail ? { detail: visible(extra.detail) } : {}), uri: doc.uri, range: doc.lines.rangeOf(extra.span), related: [], fixes, subjects: [] });
  }

  report.usedConfigSuppressions = [...usedConfig].sort((a, b) => a - b);
  report.findings.sort(compareFindings);
  report.suppressed.sort(compareFindings);
  return report;
}

export function matchesFiles(files: string | string[] | undefined, relativePath: string | undefined): boolean {
  if (files === undefined) return true;
  if (relativePath === undefined) return false;
  return picomatch(files, { dot: true })(relativePath.split('\\').join('/'));
}

function matchesAddress(address: string | undefined, subjects: string[]): boolean {
  if (address === undefined) return true;
  const key = parseAddress(address)?.key;
  return key !== undefined && subjects.includes(key);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
