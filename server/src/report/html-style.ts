/**
 * The report's stylesheet. Colours are CSS variables: light by default, dark under
 * prefers-color-scheme, and VS Code's theme colours when the page is shown in a webview.
 */
export const REPORT_CSS = `
:root {
  --bg-default: #ffffff; --fg-default: #1f2328; --muted-default: #59636e; --card-default: #f6f8fa; --line-default: #d1d9e0; --link-default: #0969da;
  --good: #1a7f37; --warning: #b08800; --bad: #cf222e; --na: #8c959f;
  --good-bg: #dafbe1; --warning-bg: #fff8c5; --bad-bg: #ffebe9; --na-bg: #eaeef2;
  --accent: #8250df;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg-default: #0d1117; --fg-default: #e6edf3; --muted-default: #9198a1; --card-default: #161b22; --line-default: #3d444d; --link-default: #4493f8;
    --good: #3fb950; --warning: #d29922; --bad: #f85149; --na: #6e7681;
    --good-bg: #12361f; --warning-bg: #3b2e0a; --bad-bg: #42181a; --na-bg: #21262d;
    --accent: #a371f7;
  }
}
body.vscode-dark, body.vscode-high-contrast {
  --good: #3fb950; --warning: #d29922; --bad: #f85149; --na: #6e7681;
  --good-bg: #12361f; --warning-bg: #3b2e0a; --bad-bg: #42181a; --na-bg: #21262d; --accent: #a371f7;
}
body.vscode-light {
  --good: #1a7f37; --warning: #b08800; --bad: #cf222e; --na: #8c959f;
  --good-bg: #dafbe1; --warning-bg: #fff8c5; --bad-bg: #ffebe9; --na-bg: #eaeef2; --accent: #8250df;
}
:root {
  --bg: var(--vscode-editor-background, var(--bg-default));
  --fg: var(--vscode-foreground, var(--fg-default));
  --muted: var(--vscode-descriptionForeground, var(--muted-default));
  --card: var(--vscode-sideBar-background, var(--card-default));
  --line: var(--vscode-panel-border, var(--line-default));
  --link: var(--vscode-textLink-foreground, var(--link-default));
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 2px; }
h3 { font-size: 15px; margin: 0 0 10px; }
h4 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
a { color: var(--link); }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted, .note { color: var(--muted); }
.page-head { margin-bottom: 20px; }
.chain { margin: 0 0 36px; }
.chain-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; padding-bottom: 12px; border-bottom: 1px solid var(--line); margin-bottom: 16px; }
.chain-head p { margin: 2px 0; }
.network { text-decoration: underline dotted; }
.row { display: grid; grid-template-columns: minmax(280px, 1fr) minmax(380px, 1.6fr); gap: 16px; }
@media (max-width: 900px) { .row { grid-template-columns: 1fr; } }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin-bottom: 16px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
tbody th { font-weight: 600; white-space: nowrap; }
td.num { text-align: center; }
ul.roles, ul.requirements, ul.evidence, ol.top { margin: 0; padding-left: 18px; }
ul.requirements > li { margin-bottom: 8px; }
ul.requirements.met { color: var(--muted); }
ul.evidence { margin-top: 4px; font-size: 13px; }
.req-stage { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 10px; background: var(--na-bg); color: var(--fg); }
li.unmet > .req-stage { background: var(--bad-bg); color: var(--bad); }
li.unknown > .req-stage { background: var(--warning-bg); color: var(--warning); }
.chip, .sev { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.s-good, .chip.s-good { fill: var(--good); }
.s-warning { fill: var(--warning); }
.s-bad { fill: var(--bad); }
.s-na { fill: var(--na); }
.chip.s-good, .chip.c-chain { background: var(--good-bg); color: var(--good); }
.chip.s-warning, .chip.c-named-party { background: var(--warning-bg); color: var(--warning); }
.chip.s-bad, .chip.c-single-key { background: var(--bad-bg); color: var(--bad); }
.chip.c-third-party { background: var(--warning-bg); color: var(--accent); }
.chip.c-unknown { background: var(--warning-bg); color: var(--muted); }
.chip.s-na, .chip.c-not-configured { background: var(--na-bg); color: var(--muted); }
.sev-error { color: var(--bad); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--muted); }
.sev.sev-error { background: var(--bad-bg); }
.sev.sev-warning { background: var(--warning-bg); }
.sev.sev-info { background: var(--na-bg); }
.parties { display: inline-block; min-width: 24px; padding: 0 6px; border-radius: 10px; font-weight: 700; }
.parties.p-1 { background: var(--bad-bg); color: var(--bad); }
.parties.p-2 { background: var(--warning-bg); color: var(--warning); }
.parties.p-3 { background: var(--good-bg); color: var(--good); }
.power-tag { display: inline-block; font-size: 12px; padding: 0 6px; margin: 1px 0; border: 1px solid var(--line); border-radius: 4px; }
.origin { color: var(--muted); }
.risks { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
.risks svg { flex: 0 0 auto; max-width: 100%; height: auto; }
.risk-table { flex: 1 1 320px; }
svg text { fill: var(--fg); font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.wedge { stroke: var(--bg); stroke-width: 2; }
.rosette-outline { fill: none; stroke: var(--line); stroke-width: 1; }
.rosette-label { font-size: 12px; font-weight: 600; }
.rosette-value { font-size: 12px; }
.s-text-good { fill: var(--good); } .s-text-warning { fill: var(--warning); } .s-text-bad { fill: var(--bad); } .s-text-na { fill: var(--muted); }
.badge { flex: 0 0 auto; }
.badge-bg { stroke-width: 2; }
.badge-text { font-size: 20px; font-weight: 700; }
.badge-sub { font-size: 11px; }
.stage-0 .badge-bg { fill: var(--bad-bg); stroke: var(--bad); } .stage-0 .badge-text { fill: var(--bad); }
.stage-1 .badge-bg { fill: var(--warning-bg); stroke: var(--warning); } .stage-1 .badge-text { fill: var(--warning); }
.stage-2 .badge-bg { fill: var(--good-bg); stroke: var(--good); } .stage-2 .badge-text { fill: var(--good); }
.stage-na .badge-bg { fill: var(--na-bg); stroke: var(--na); } .stage-na .badge-text { fill: var(--muted); }
.badge-sub { fill: var(--muted); }
.distributions { display: flex; flex-wrap: wrap; gap: 24px; }
figure.distribution { margin: 0; flex: 0 1 340px; }
figure.distribution svg { display: block; max-width: 100%; height: auto; }
.frame { fill: none; stroke: var(--line); }
.grid { stroke: var(--line); stroke-dasharray: 2 3; }
.equality { stroke: var(--muted); stroke-dasharray: 4 4; }
.lorenz-area { fill: var(--link); fill-opacity: .12; }
.lorenz-line { fill: none; stroke: var(--link); stroke-width: 2.5; }
.mark { stroke-width: 1.5; stroke-dasharray: 3 3; }
.mark.halt, .mark-dot.halt { stroke: var(--bad); } .mark-dot.halt { fill: var(--bad); }
.mark.safety, .mark-dot.safety { stroke: var(--warning); } .mark-dot.safety { fill: var(--warning); }
.mark-label { font-size: 12px; font-weight: 600; }
.mark-label.halt { fill: var(--bad); } .mark-label.safety { fill: var(--warning); }
.axis { font-size: 11px; fill: var(--muted); }
dl.metrics { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 8px 0; }
dl.metrics dt { color: var(--muted); }
dl.metrics dd { margin: 0; font-weight: 600; }
ol.top { font-size: 13px; }
figure.authority-map { margin: 0 0 14px; }
figure.authority-map svg { display: block; max-width: 100%; height: auto; }
figure.authority-map figcaption { font-size: 12px; margin-top: 4px; }
.authority-graph .edge { fill: none; stroke: var(--muted); stroke-width: 1.5; stroke-opacity: .6; }
.authority-graph .edge.risk-dev, .authority-graph .edge.risk-single { stroke: var(--bad); stroke-opacity: .8; }
.authority-graph .edge.risk-few { stroke: var(--warning); stroke-opacity: .8; }
.authority-graph .node rect { fill: var(--bg); stroke: var(--line); stroke-width: 1.5; }
.authority-graph .holder-node.risk-dev rect, .authority-graph .holder-node.risk-single rect { fill: var(--bad-bg); stroke: var(--bad); }
.authority-graph .holder-node.risk-few rect { fill: var(--warning-bg); stroke: var(--warning); }
.authority-graph .power-node rect { fill: var(--card); }
.parties-dot.p-1 { fill: var(--bad); } .parties-dot.p-2 { fill: var(--warning); } .parties-dot.p-3 { fill: var(--good); } .parties-dot.p-vote { fill: var(--na); }
.authority-graph .parties-text { font-size: 11px; font-weight: 700; fill: var(--bg); }
.authority-graph .parties-text.vote { font-size: 8px; }
.authority-graph .node-label { font-size: 13px; font-weight: 600; }
.authority-graph .node-sub { font-size: 11px; fill: var(--muted); }
/* In a VS Code webview (which sets these body classes) a click on anything with a line reveals it in the editor. */
body.vscode-light [data-uri][data-line], body.vscode-dark [data-uri][data-line], body.vscode-high-contrast [data-uri][data-line] { cursor: pointer; }
.authority-graph .node:hover rect, .authority-graph .node:focus-visible rect { stroke-width: 3; }
.authority-graph .node:focus { outline: none; }
.authority-graph .edge:hover, .authority-graph .edge.lit { stroke-width: 3.5; stroke-opacity: 1; }
ol.top li span { word-break: break-all; }
`;
