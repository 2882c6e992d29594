import { ConfigResolver } from '../engine/config/discover';
import { withOverrides } from '../engine/config/resolved';
import { lintPaths, UsageError } from '../engine/workspace';
import { buildReportData, fileLocator, renderHtml, renderMarkdown } from '../report';
import { ArgsError, type ReportArgs } from './args';
import { checkRuleOverrides, displayPath, printConfigProblems, writeReport, type CommandIO } from './lint-command';

/**
 * Runs `chokepoint report`: lints the paths as `lint` does (same config resolution), on this thread
 * so the chain models stay available, and writes the sovereignty report. Exit 0 once written, 2 for
 * usage or configuration errors: the report informs, `lint` gates.
 */
export async function reportCommand(args: ReportArgs, io: CommandIO): Promise<number> {
  checkRuleOverrides(args.rules);
  let result;
  try {
    result = lintPaths(args.paths, { resolver: new ConfigResolver(args.config), adjust: (config) => withOverrides(config, args.preset, args.rules), now: io.now, models: true });
  } catch (error) {
    if (error instanceof UsageError) throw new ArgsError(error.message);
    throw error;
  }
  if (result.configProblems.length > 0) {
    printConfigProblems(result.configProblems, io);
    return 2;
  }
  const display = displayPath(io.cwd);
  const data = buildReportData(result.reports, { display, locate: fileLocator(result.documents) });
  const text = args.format === 'html' ? renderHtml(data) : renderMarkdown(data);
  if (args.output) writeReport(args.output, text);
  else io.stdout(text);
  return 0;
}
