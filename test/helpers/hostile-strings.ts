/**
 * Issue 16's injection corpus: strings a stranger's pull request can put in any field of a config.
 * Each begins with a plain word (its `lead`), so a test can find where it landed in an output, and
 * neither begins nor ends with white space, which some fields trim.
 */

export interface HostileString {
  /** A name for test titles and folder names: letters, digits and dashes. */
  id: string;
  text: string;
}

const EVIL = 'https://evil.example';

export const HOSTILE_STRINGS: readonly HostileString[] = [
  // Terminal escapes: a colour, an OSC 8 hyperlink, clearing the screen and moving the cursor.
  { id: 'ansi', text: `Ansi \u001b[31mred\u001b[0m \u001b]8;;${EVIL}/osc\u0007osc link\u001b]8;;\u0007 \u001b[2J\u001b[1;1H end` },
  // The rest of C0, DEL and C1 (CSI as one byte, NEL), and NUL.
  { id: 'c0-c1-del', text: 'Ctrl \u0000\u0001\u0007\u0008\u000b\u000c\u000e\u001f\u007f\u0080\u0085\u008d\u009b31m end' },
  // Bidi overrides, embeddings and isolates (Trojan Source), and the invisible marks.
  { id: 'bidi', text: 'Bidi \u202Eeman desrever\u202C \u2066iso\u2069 \u2067rtl\u2069 \u2068fsi\u2069 \u202Aa\u202Bb\u202Cc\u202D \u200E\u200F\u061C end' },
  // Line breaks that would start GitHub Actions workflow commands.
  { id: 'workflow-command', text: 'Workflow\n::error file=forged.yaml,line=1::forged annotation\r\n::stop-commands::pwned\r::add-mask::secret\u2028::warning::x\u2029::notice::y\n  ::debug::z end' },
  // Markdown that would load an image, link away or run a VS Code command.
  { id: 'markdown', text: `Markdown ![pixel](${EVIL}/pixel.png) [click](${EVIL}/click) <${EVIL}/auto> [run](command:workbench.action.terminal.new) [ref][r] **bold** _em_ ~~del~~ end` },
  // HTML and script, plain and as entities.
  { id: 'html', text: `Html <img src=${EVIL}/img.png onerror="window.__pwned=1"><script>window.__pwned=1</script><iframe src="${EVIL}/frame"></iframe><a href="javascript:window.__pwned=1">js</a>&lt;b&gt; end` },
  // What GitHub links by itself: bare URLs, www., e-mail, mentions, issue and cross-repository references.
  { id: 'autolink', text: `Autolink www.evil.example ${EVIL}/bare user@evil.example @octocat owner/repo#12 #34 GH-56 end` },
  // Backticks that would open or end a code span (a lone one ends ours early, then an image), a fence, a table cell and an escaping backslash.
  { id: 'backticks', text: `Backticks \`code\` \`\`double\`\` \`\`\`fence\`\`\` \\\`escaped\\\` | cell | \\ \` ![tick](${EVIL}/tick.png) end` },
  // Longer than any message shows, with its payload past the cut.
  { id: 'long', text: `Long ${'A'.repeat(5000)} ![tail](${EVIL}/tail.png)\u001b[31m end` },
  // Characters outside the Basic Multilingual Plane, so a cut could split a surrogate pair.
  { id: 'astral', text: `Astral ${'🦊'.repeat(80)} end` },
];

/** Where a hostile string's host is: no output may name it in a link, an image or a resource. */
export const EVIL_HOST = 'evil.example';

/** The first word of a hostile string, which every output shows as it is. */
export function lead(hostile: HostileString): string {
  return hostile.text.split(/\s/)[0];
}

/**
 * A string literal valid in JSON, in YAML's double-quoted style and in TOML's basic strings: every
 * control character, DEL and C1 escaped (YAML and TOML refuse them raw), everything else as it is.
 */
export function quoted(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `"${escaped}"`;
}

/** A file or folder name the OS allows (no `/`, no NUL), at most 200 bytes of UTF-8. */
export function fileName(text: string): string {
  let name = '';
  for (const char of text.replace(/[/\u0000]/g, '_')) {
    if (Buffer.byteLength(name + char) > 200) break;
    name += char;
  }
  return name;
}
