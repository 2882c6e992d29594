import { main } from './main';

/** SOURCE_DATE_EPOCH pins "today" (for suppression expiry), as reproducible builds do. */
const epoch = Number(process.env.SOURCE_DATE_EPOCH);

const argv = process.argv.slice(2);

if (argv[0] === 'lsp') {
  // Imported only for `lsp` (a chunk of its own): the language server's libraries would add ~100 ms to every lint's start-up.
  void import('../lsp/main').then(({ runServer }) => runServer(argv.slice(1)));
} else {
  // A reader that stops early (`chokepoint lint … | head -1`) closes stdout: the rest of the output goes nowhere, quietly, and the exit code stays the lint's.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  void main(argv, {
    cwd: process.cwd(),
    now: Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : undefined,
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
