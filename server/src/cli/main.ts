import { ruleDocMarkdown } from '../engine/rules/docs';
import { ALL_RULE_METAS, docsUrl, nearestRuleId, ruleMeta } from '../engine/rules/index';
import { ArgsError, parseLintArgs, parseReportArgs, parseVerifyArgs } from './args';
import { lintCommand, type CommandIO } from './lint-command';
import { reportCommand } from './report-command';
import { verifyCommand } from './verify-command';
import { VERSION } from '../version';

const HELP = `Chokepoint ${VERSION}: lints appchain configuration for hidden centralization.

Usage:
  chokepoint lint [paths...] [options]   Lint files and folders (default: .)
  chokepoint report [paths...] [options] Write the sovereignty report of each chain (HTML or Markdown)
  chokepoint verify [paths...] --rpc URL  Read on chain who the configs' addresses are; write chokepoint.lock.json
  chokepoint rules [--format json]       List the rules
  chokepoint explain <rule-id>           Print a rule's documentation
  chokepoint lsp [--stdio]               Start the language server (for Neovim, Helix, Zed, Emacs…)
  chokepoint --version | --help

Lint options:
  -f, --format stylish|json|sarif|github  Output format (default: stylish)
  -o, --output FILE                       Write the report to FILE
      --fail-on error|warning|info|none   Exit 1 when a finding reaches this level (default: error)
  -c, --config FILE                       Use this .chokepoint.yaml instead of searching upward
      --rule ID=SEVERITY                  Override a rule: off, info, warning or error (repeatable)
      --preset recommended|strict|l2beat-stage1
                                          Use this preset instead of the one in .chokepoint.yaml
      --quiet                             Report errors only
      --follow-symlinks                   Follow symlinks that lead out of the folders scanned (by
                                          default only those inside them are; loops end either way)
  -j, --jobs N                            Worker threads for a large scan (default: one per core with 3+ cores, else 1: none)
      --color / --no-color                Force or disable colors

Report options:
  -f, --format html|md                    html: a self-contained page (no scripts, nothing loaded from the
                                          network); md: for a pull-request comment. Default: html when
                                          --output ends in .html or .htm, else md
  -o, --output FILE                       Write the report to FILE (default: stdout)
  -c, --config FILE, --rule ID=SEVERITY, --preset NAME, --follow-symlinks
                                          As for lint
  The report exits 0 once written, 2 for usage or configuration errors.

Verify options (the only command that makes network requests, and only to these URLs):
      --rpc URL | --rpc CHAIN_ID=URL      The RPC of the chain where the addresses act (a rollup's L1);
                                          repeat with CHAIN_ID= for several chains
      --lock FILE                         Lock to write or check (default: chokepoint.lock.json beside
                                          the nearest .chokepoint.yaml, else in the paths' common folder)
      --check                             Compare the chain with the lock instead of writing it
      --depth N                           Levels of nested owners to follow (default: 4)
      --timeout MS                        Per-request timeout (default: 10000)
  Verify exits 0 when the lock was written or matches, 1 when --check finds differences,
  2 when nothing could be read, or for usage errors.

A folder scan lints regular files only: FIFOs, sockets and devices are passed over unopened, and a
file or folder in it that cannot be read is reported (read-error). A named path that cannot be read,
or is not a file or folder, is a usage error. "--" ends the options: every argument after it is a path.

Exit codes: 0 nothing at the fail level, 1 findings at the fail level, 2 usage or configuration error.
`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'lint':
        return await lintCommand(parseLintArgs(rest), io);
      case 'report':
        return await reportCommand(parseReportArgs(rest), io);
      case 'verify':
        return await verifyCommand(parseVerifyArgs(rest), io);
      case 'rules':
        return rulesCommand(rest, io);
      case 'explain':
        return explainCommand(rest, io);
      default:
        throw new ArgsError(`Unknown command "${command}". Run "chokepoint --help".`);
    }
  } catch (error) {
    if (error instanceof ArgsError) {
      io.stderr(`chokepoint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`chokepoint: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this with the file that caused it.\n`);
    return 2;
  }
}

function rulesCommand(argv: string[], io: CommandIO): number {
  const format = argv.length === 0 ? 'text' : argv.length === 1 && argv[0].startsWith('--format=') ? argv[0].slice('--format='.length) : argv.length === 2 && argv[0] === '--format' ? argv[1] : undefined;
  if (format !== 'text' && format !== 'json') {
    io.stderr(`chokepoint rules takes only --format text or --format json${format === undefined ? '' : `, not "${format}"`}.\n`);
    return 2;
  }
  if (format === 'json') {
    io.stdout(JSON.stringify(ALL_RULE_METAS.map((m) => ({ id: m.id, title: m.title, severity: m.severity, category: m.category, fixable: m.fixable, stage: m.stage ?? null, docs: docsUrl(m.id) })), null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...ALL_RULE_METAS.map((m) => m.id.length));
  for (const meta of ALL_RULE_METAS) {
    io.stdout(`${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.fixable ? 'fix' : '   '}  ${meta.title}\n`);
  }
  io.stdout(`\n${ALL_RULE_METAS.length} rules. "chokepoint explain <id>" prints one rule's documentation.\n`);
  return 0;
}

function explainCommand(argv: string[], io: CommandIO): number {
  const id = argv[0];
  if (!id) throw new ArgsError('explain needs a rule id, e.g. "chokepoint explain role-collapse".');
  const meta = ruleMeta(id);
  if (!meta) {
    const near = nearestRuleId(id);
    throw new ArgsError(`Unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}. Run "chokepoint rules" for the list.`);
  }
  io.stdout(ruleDocMarkdown(meta));
  return 0;
}
