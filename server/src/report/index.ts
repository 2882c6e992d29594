/** The sovereignty report: lint results → plain data → a self-contained HTML page or a Markdown comment. */
export { buildChainReport, buildReportData, type ReportOptions } from './report-data';
export { renderHtml, type HtmlOptions } from './html';
export { renderMarkdown } from './markdown';
export { fileLocator } from './locate';
export type * from './types';
