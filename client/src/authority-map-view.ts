/**
 * The script of the authority-map webview (bundled as dist/authority-map-view.js). A click (or
 * Enter) on anything that carries a config line — a node or edge of the graph, a role, a risk, a
 * layer, a finding — asks the extension to reveal that line; hovering a node lights its edges. It
 * never writes markup: the page is rendered, and escaped, by the language server. (VS Code keeps
 * the scroll position when the extension replaces the page.)
 */

/** The few DOM shapes this script uses: the extension's tsconfig has no DOM library. */
interface ViewElement {
  closest(selector: string): ViewElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  classList: { add(name: string): void; remove(name: string): void };
}
interface ViewEvent {
  target: unknown;
  key?: string;
  preventDefault(): void;
}
declare const document: {
  querySelectorAll(selector: string): Iterable<ViewElement>;
  addEventListener(type: string, listener: (event: ViewEvent) => void): void;
};
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const REVEALABLE = '[data-uri][data-line]';

const elementOf = (target: unknown): ViewElement | null => (target && typeof (target as ViewElement).closest === 'function' ? (target as ViewElement) : null);

for (const element of document.querySelectorAll(`.authority-graph .node${REVEALABLE}`)) {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
}

function reveal(event: ViewEvent): void {
  const target = elementOf(event.target);
  // Links (rule documentation) keep their own behaviour.
  if (!target || target.closest('a')) return;
  const element = target.closest(REVEALABLE);
  if (!element) return;
  const line = Number(element.getAttribute('data-line'));
  const uri = element.getAttribute('data-uri');
  if (!uri || !Number.isInteger(line) || line < 1) return;
  event.preventDefault();
  vscode.postMessage({ type: 'reveal', uri, line });
}

document.addEventListener('click', reveal);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') reveal(event);
});

/** Lights the edges of the holder or power under the pointer. */
function light(event: ViewEvent, on: boolean): void {
  const node = elementOf(event.target)?.closest('.authority-graph .node');
  if (!node) return;
  const entity = node.getAttribute('data-entity');
  const power = node.getAttribute('data-power');
  for (const edge of document.querySelectorAll('.authority-graph .edge')) {
    const mine = (entity !== null && edge.getAttribute('data-entity') === entity) || (power !== null && edge.getAttribute('data-power') === power);
    if (mine && on) edge.classList.add('lit');
    else edge.classList.remove('lit');
  }
}

document.addEventListener('mouseover', (event) => light(event, true));
document.addEventListener('mouseout', (event) => light(event, false));

export {};
