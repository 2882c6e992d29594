import { PRESETS, SEVERITIES, type PresetName, type SeverityOrOff } from '../engine/config/schema';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];
export const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

/** Options `lint` and `report` share: where the output and config are, and how to grade findings. */
interface CommonArgs {
  paths: string[];
  output?: string;
  config?: string;
  rules: Record<string, SeverityOrOff>;
  /** Replaces the preset of every .chokepoint.yaml, as the editor's chokepoint.preset does. */
  preset?: PresetName;
  /** Follow symlinks that lead out of the folders scanned (`--follow-symlinks`). */
  followSymlinks?: boolean;
}

export interface LintArgs extends CommonArgs {
  format: OutputFormat;
  failOn: FailLevel;
  color: boolean | undefined;
  quiet: boolean;
  /** Worker threads for a large scan; 1 lints on the main thread; undefined: one per core. */
  jobs?: number;
}

export class ArgsError extends Error {}

/**
 * Walks `argv`: each flag goes to `option`, with `value()` reading its value from `--flag=value` or
 * the next argument; other arguments are paths. `option` returns false for a flag it does not know,
 * which is a usage error naming `command`. After `--` every argument is a path, so a file whose
 * name begins with `-` can be named.
 */
function eachArg(argv: string[], paths: string[], option: (flag: string, value: () => string) => boolean, command: string): void {
  const path = (arg: string) => {
    if (arg.trim() === '') throw new ArgsError('An empty path names no file or folder; leave it out to lint the current folder.');
    paths.push(arg);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      argv.slice(i + 1).forEach(path);
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new ArgsError(`${flag} needs a value.`);
      return v;
    };
    if (option(flag, value)) continue;
    if (arg.startsWith('-') && arg !== '-') throw new ArgsError(`Unknown option ${arg}${command}. Run "chokepoint --help" for the options.`);
    path(arg);
  }
  if (paths.length === 0) paths.push('.');
}

/** `eachArg` with the options `lint` and `report` share handled here, after the command's own. */
function walkArgs(argv: string[], args: CommonArgs, option: (flag: string, value: () => string) => boolean, command: string): void {
  eachArg(argv, args.paths, (flag, value) => {
    if (option(flag, value)) return true;
    switch (flag) {
      case '--output':
      case '-o':
        args.output = value();
        return true;
      case '--config':
      case '-c':
        args.config = value();
        return true;
      case '--rule':
        addRuleOverride(args.rules, value());
        return true;
      case '--preset':
        args.preset = presetName(value());
        return true;
      case '--follow-symlinks':
        args.followSymlinks = true;
        return true;
      default:
        return false;
    }
  }, command);
}

/** Parses `lint` arguments; throws ArgsError with a message fit for the user. */
export function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { paths: [], format: 'stylish', failOn: 'error', rules: {}, color: undefined, quiet: false };
  // A flag given twice with different values is a mistake in a CI script, not something to guess about.
  const given = new Map<string, string>();
  const once = (flag: string, v: string) => {
    const before = given.get(flag);
    if (before !== undefined && before !== v) throw new ArgsError(`${flag} is given twice (${before}, then ${v}); give it once.`);
    given.set(flag, v);
  };
  walkArgs(argv, args, (flag, value) => {
    switch (flag) {
      case '--format':
      case '-f': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new ArgsError(`Unknown format "${v}"; use ${FORMATS.join(', ')}.`);
        once('--format', v);
        args.format = v as OutputFormat;
        return true;
      }
      case '--fail-on': {
        const v = value();
        if (!(FAIL_LEVELS as readonly string[]).includes(v)) throw new ArgsError(`Unknown --fail-on level "${v}"; use ${FAIL_LEVELS.join(', ')}.`);
        once('--fail-on', v);
        args.failOn = v as FailLevel;
        return true;
      }
      case '--color':
        args.color = true;
        return true;
      case '--no-color':
        args.color = false;
        return true;
      case '--quiet':
        args.quiet = true;
        return true;
      case '--jobs':
      case '-j': {
        const v = value();
        if (!/^[1-9]\d*$/.test(v)) throw new ArgsError(`--jobs takes a whole number of threads, 1 or more (got "${v}").`);
        args.jobs = Number(v);
        return true;
      }
      default:
        return false;
    }
  }, '');
  return args;
}

function presetName(v: string): PresetName {
  if (!(PRESETS as readonly string[]).includes(v)) throw new ArgsError(`Unknown preset "${v}"; use ${PRESETS.join(', ')}.`);
  return v as PresetName;
}

function addRuleOverride(rules: Record<string, SeverityOrOff>, v: string): void {
  const match = /^([\w-]+)=(off|info|warning|error)$/.exec(v);
  if (!match) throw new ArgsError(`--rule takes id=severity, e.g. --rule role-collapse=error (severity: off, ${SEVERITIES.join(', ')}).`);
  // Defined, not assigned: `--rule __proto__=off` must be an own (and so unknown) rule id, not a prototype.
  Object.defineProperty(rules, match[1], { value: match[2] as SeverityOrOff, enumerable: true, writable: true, configurable: true });
}

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs extends CommonArgs {
  format: ReportFormat;
}

/**
 * Parses `report` arguments. Without --format, the format follows --output's extension (.html,
 * .htm: html; otherwise md), and Markdown goes to stdout when there is no --output.
 */
export function parseReportArgs(argv: string[]): ReportArgs {
  const args: Omit<ReportArgs, 'format'> & { format?: ReportFormat } = { paths: [], rules: {} };
  walkArgs(argv, args, (flag, value) => {
    if (flag !== '--format' && flag !== '-f') return false;
    const v = value();
    if (!(REPORT_FORMATS as readonly string[]).includes(v)) throw new ArgsError(`Unknown report format "${v}"; use ${REPORT_FORMATS.join(' or ')}.`);
    args.format = v as ReportFormat;
    return true;
  }, ' for report');
  const format = args.format ?? (args.output && /\.html?$/i.test(args.output) ? 'html' : 'md');
  return { ...args, format };
}

export interface VerifyArgs {
  paths: string[];
  /** By namespaced chain id (`evm:1`), or `*` for a URL given without one. */
  rpc: Record<string, string>;
  lock?: string;
  check: boolean;
  depth?: number;
  timeoutMs?: number;
}

/** Parses `verify` arguments. An RPC URL is never repeated in a message: it may hold an API key. */
export function parseVerifyArgs(argv: string[]): VerifyArgs {
  const args: VerifyArgs = { paths: [], rpc: {}, check: false };
  const whole = (flag: string, v: string, min: number) => {
    if (!/^\d+$/.test(v) || Number(v) < min) throw new ArgsError(`${flag} takes a whole number of at least ${min} (got "${v}").`);
    return Number(v);
  };
  eachArg(argv, args.paths, (flag, value) => {
    switch (flag) {
      case '--rpc': {
        const v = value();
        const match = /^(\d+)=(.+)$/.exec(v);
        const key = match ? `evm:${match[1]}` : '*';
        if (args.rpc[key] !== undefined) throw new ArgsError(key === '*' ? 'Only one --rpc URL can be given without a chain id; give the others as CHAIN_ID=URL.' : `--rpc ${match![1]}=… is given twice.`);
        args.rpc[key] = match ? match[2] : v;
        return true;
      }
      case '--lock':
        args.lock = value();
        return true;
      case '--check':
        args.check = true;
        return true;
      case '--depth':
        args.depth = whole('--depth', value(), 0);
        return true;
      case '--timeout':
        args.timeoutMs = whole('--timeout', value(), 1);
        return true;
      default:
        return false;
    }
  }, ' for verify');
  if (Object.keys(args.rpc).length === 0) throw new ArgsError('verify needs an RPC URL: pass --rpc URL, or --rpc CHAIN_ID=URL for each chain.');
  return args;
}
