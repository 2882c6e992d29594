// @ts-check
/** The logs of a code-server run, for the message of a failed test. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @param {string} dir @returns {string[]} */
function logFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? logFiles(path) : name.endsWith('.log') ? [path] : [];
  });
}

/**
 * code-server's own output, then the tail of each log the workbench server wrote (extension host, language server output…).
 * @param {string} serverOutput
 * @param {string} userData
 */
export function describeLogs(serverOutput, userData, tailChars = 4000) {
  const parts = [`--- code-server output ---\n${serverOutput.trim()}`];
  for (const file of logFiles(join(userData, 'logs'))) {
    const text = readFileSync(file, 'utf8').trim();
    if (text) parts.push(`--- ${relative(userData, file)} ---\n${text.length > tailChars ? `…${text.slice(-tailChars)}` : text}`);
  }
  return parts.join('\n\n');
}

/**
 * The lines matching `pattern` in the logs named `name` that the run wrote, e.g. the extension's
 * "Activated in 12 ms" from its Chokepoint output channel (a log channel, written under logs/).
 * @param {string} userData @param {string} name @param {RegExp} pattern @returns {string[]}
 */
export function logLines(userData, name, pattern) {
  return logFiles(join(userData, 'logs'))
    .filter((file) => file.endsWith(`/${name}`))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => pattern.test(line));
}
