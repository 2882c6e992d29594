import type { EntityFacts, EntityKind } from '../entities/types';
import { parseAddress } from '../model/address';
import type { Address } from '../model/schema';
import { parseDuration } from '../model/duration';
import type { ParsedDocument } from '../parse';
import { holdsOnlyComments } from './comment-lines';
import type { Span } from '../text/positions';
import { lookupTable } from '../text/lookup';

/** `# chokepoint: multisig 6-of-8 timelock 7d external 3 entity security-council` */
export interface Declaration {
  type: 'declare';
  facts: EntityFacts;
  addresses: Address[];
  /** Zero-based line the declaration is about. */
  line: number;
  span: Span;
}

/** `# chokepoint-disable-next-line role-collapse expires 2027-03-01 -- reason` */
export interface Suppression {
  type: 'suppress';
  rules: string[];
  reason: string;
  expires?: string;
  line: number;
  span: Span;
}

export interface InvalidDirective {
  type: 'invalid';
  message: string;
  span: Span;
}

export type Directive = Declaration | Suppression | InvalidDirective;

const KIND_WORDS = lookupTable<EntityKind>({
  eoa: 'eoa', key: 'eoa', 'single-key': 'eoa',
  multisig: 'multisig', safe: 'multisig', 'multi-sig': 'multisig',
  timelock: 'timelock',
  governance: 'governance', dao: 'governance', 'token-vote': 'governance',
  contract: 'contract',
});

const DURATION_TEXT = String.raw`\d+(?:\.\d+)?\s*(?:-\s*)?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\b|\d+\b`;
/** A number that is part of an M-of-N threshold is not a duration. */
const NOT_THRESHOLD = String.raw`(?![\d.]|-of-|\s+of\s|\s*/)`;
const DELAY_AFTER_WORD = new RegExp(String.raw`(?:timelock|delay)\s*(?:[:=]\s*)?(${DURATION_TEXT})${NOT_THRESHOLD}`);
const DELAY_BEFORE_WORD = new RegExp(String.raw`(?<![\d.]|-of-|\bof\s|/\s*)(${DURATION_TEXT})\s*(?:-\s*)?(?:timelock|delay)`);
const EXTERNAL_AFTER_WORD = new RegExp(String.raw`external\s*[:=]?\s*(\d+)${NOT_THRESHOLD}`);
const EXTERNAL_BEFORE_WORD = /(?<![\d.]|-of-|\bof\s|\/\s*)(\d+)\s+external/;
const ADDRESS_TOKEN = /0x[0-9a-fA-F]{64}|0x[0-9a-fA-F]{40}|\b[a-z][a-z0-9]{0,20}1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{38,}\b|\b[1-9A-HJ-NP-Za-km-z]{46,50}\b/g;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DIRECTIVE = 1024;

/** A reason still reading like `<why this risk is accepted>` has not been written yet. */
export function isPlaceholder(reason: string): boolean {
  return /^<[^<>]*>$/.test(reason.trim());
}

/** Reads every Chokepoint directive in a document's comments. */
export function readDirectives(doc: ParsedDocument): Directive[] {
  const directives: Directive[] = [];
  for (const comment of doc.comments) {
    const text = comment.text.trim();
    const match = /^chokepoint(-[a-z-]+)?\s*:?\s*/.exec(text);
    if (!match) continue;
    const body = text.slice(match[0].length);
    const verb = match[1];
    // A directive is a few words; the patterns below are not run over a comment of unbounded length.
    if (body.length > MAX_DIRECTIVE) {
      directives.push({ type: 'invalid', message: `This Chokepoint directive is ${body.length} characters long; a directive is at most ${MAX_DIRECTIVE}.`, span: comment.span });
      continue;
    }
    if (verb === undefined && match[0].includes(':')) {
      directives.push(declaration(doc, body, comment.span));
    } else if (verb === '-disable-next-line') {
      directives.push(suppression(doc, body, comment.span));
    } else {
      directives.push({ type: 'invalid', message: `Unknown Chokepoint directive "${text.split(/\s/)[0]}". Use "chokepoint: <declaration>" or "chokepoint-disable-next-line <rule> -- <reason>".`, span: comment.span });
    }
  }
  return directives;
}

/**
 * The line a comment speaks about: a declaration trailing code speaks about its own line;
 * otherwise, and always for "next-line" suppressions, the next line after the comment (a block
 * comment can span several) that holds more than comments.
 */
function targetLine(doc: ParsedDocument, span: Span, trailingMeansOwnLine: boolean): number {
  const line = doc.lines.positionAt(span.start).line;
  const before = doc.text.slice(doc.lines.lineStart(line), span.start);
  if (trailingMeansOwnLine && before.trim() !== '') return line;
  const last = doc.lines.positionAt(span.end).line;
  for (let next = last + 1; next < doc.lines.lineCount; next++) {
    if (!holdsOnlyComments(doc, next)) return next;
  }
  return last + 1;
}

function declaration(doc: ParsedDocument, body: string, span: Span): Directive {
  const facts: EntityFacts = {};
  const text = body.toLowerCase().replace(/,/g, ' ');
  for (const word of text.split(/\s+/)) {
    const bare = withoutTrailing(word, ':=');
    if (KIND_WORDS[bare] && !facts.kind) facts.kind = KIND_WORDS[bare];
  }
  const threshold = /(?<!\d)(\d+)\s*(?:\/|-of-|\s+of\s+)\s*(\d+)/.exec(text);
  if (threshold) {
    facts.threshold = Number(threshold[1]);
    facts.signers = Number(threshold[2]);
    facts.kind ??= 'multisig';
  }
  const delay = DELAY_AFTER_WORD.exec(text) ?? DELAY_BEFORE_WORD.exec(text);
  if (delay) {
    facts.delaySeconds = parseDuration(delay[1].replace(/\s|-/g, ''));
  }
  const external = EXTERNAL_AFTER_WORD.exec(text) ?? EXTERNAL_BEFORE_WORD.exec(text);
  if (external) facts.external = Number(external[1]);
  const entity = /entity\s*[:=]?\s*([\w.-]+)/.exec(body);
  if (entity) facts.entity = entity[1];
  if (!facts.kind && !facts.entity) {
    return { type: 'invalid', message: 'A chokepoint declaration needs a kind (eoa, multisig, timelock, governance, contract) or an entity name, e.g. "chokepoint: multisig 6-of-8 timelock 7d entity security-council".', span };
  }
  if (facts.threshold !== undefined && facts.signers !== undefined && facts.threshold > facts.signers) {
    return { type: 'invalid', message: `The threshold ${facts.threshold} is larger than the ${facts.signers} signers.`, span };
  }
  const line = targetLine(doc, span, true);
  const found = addressesOnLine(doc, line);
  if (found.size === 0) {
    return { type: 'invalid', message: `This declaration is about line ${line + 1}, which holds no address. Put it at the end of the address's line or on the line above it.`, span };
  }
  if (found.size > 1) {
    return { type: 'invalid', message: `Line ${line + 1} holds ${found.size} addresses, so this declaration is ambiguous. Declare them in .chokepoint.yaml under entities instead.`, span };
  }
  return { type: 'declare', facts, addresses: [...found.values()], line, span };
}

/** The addresses a line writes, by key: what a declaration about that line declares (it must be exactly one). */
export function addressesOnLine(doc: ParsedDocument, line: number): Map<string, Address> {
  const found = new Map<string, Address>();
  for (const token of doc.lines.lineText(line).match(ADDRESS_TOKEN) ?? []) {
    const address = parseAddress(token);
    if (address) found.set(address.key, address);
  }
  return found;
}

function suppression(doc: ParsedDocument, body: string, span: Span): Directive {
  const [head, ...reasonParts] = body.split(/\s--\s?|^--\s?/);
  const reason = reasonParts.join(' -- ').trim();
  const words = head.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const rules: string[] = [];
  let expires: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === 'expires' || word === 'until') {
      expires = words[++i];
    } else if (word.startsWith('expires=') || word.startsWith('until=')) {
      expires = word.split('=')[1];
    } else {
      rules.push(word);
    }
  }
  if (rules.length === 0) {
    return { type: 'invalid', message: 'Name the rule to suppress: "chokepoint-disable-next-line <rule-id> -- <reason>".', span };
  }
  if (!reason || isPlaceholder(reason)) {
    return { type: 'invalid', message: `Suppressing ${rules.join(', ')} needs a reason after " -- ", so reviewers know why the risk is accepted${reason ? `; replace "${reason}" with it` : ''}. Until then it suppresses nothing.`, span };
  }
  if (expires !== undefined && (!DATE.test(expires) || Number.isNaN(Date.parse(expires)))) {
    return { type: 'invalid', message: `The expiry "${expires}" is not a date; write it as YYYY-MM-DD.`, span };
  }
  return { type: 'suppress', rules, reason, expires, line: targetLine(doc, span, false), span };
}

/** `word` without the run of `chars` it ends with (a loop: `/[:=]+$/` backtracks on a long run). */
function withoutTrailing(word: string, chars: string): string {
  let end = word.length;
  while (end > 0 && chars.includes(word[end - 1])) end--;
  return word.slice(0, end);
}
