import { ConfigResolver } from '../engine/config/discover';
import { withOverrides } from '../engine/config/resolved';
import { visible } from '../engine/text/display';
import { lintPaths, UsageError } from '../engine/workspace';
import { buildReportData, fileLocator, renderHtml, renderMarkdown } from '../report';
import { ArgsError, type ReportArgs } from './args';
import { checkRuleOverrides, displayPath, printConfigProblems, printNotFollowed, writeReport, type CommandIO } from './lint-command';

/**
 * Runs `chokepoint report`: lints the paths as `lint` does (same config resolution), on this thread
 * so the chain models stay available, and writes the sovereignty report. Exit 0 once written, 2 for
 * usage or configuration errors: the report informs, `lint` gates.
 */
export async function reportCommand(args: ReportArgs, io: CommandIO): Promise<number> {
  checkRuleOverrides(args.rules);
  let result;
  try {
    result = lintPaths(args.paths, { resolver: new ConfigResolver(args.config), adjust: (config) => withOverrides(config, args.preset, args.rules), now: io.now, models: true, followSymlinks: args.followSymlinks });
  } catch (error) {
    if (error instanceof UsageError) throw new ArgsError(error.message);
    throw error;
  }
  if (result.configProblems.length > 0) {
    printConfigProblems(result.configProblems, io);
    return 2;
  }
  const display = displayPath(io.cwd);
  printNotFollowed(result.notFollowed, display, io);
  // The report has a section per chain; what could not be read belongs to none, so it is said here.
  for (const report of result.reports) {
    for (const finding of report.findings) if (finding.ruleId === 'read-error') io.stderr(`chokepoint: ${visible(display(report.uri))}: ${finding.message} The report leaves it out.\n`);
  }
  const data = buildReportData(result.reports, { display, locate: fileLocator(result.documents) });
  const text = args.format === 'html' ? renderHtml(data) : renderMarkdown(data);
  if (args.output) writeReport(args.output, text);
  else io.stdout(text);
  return 0;
}
