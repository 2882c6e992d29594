import { runServer } from '../lsp/main';
import { main } from './main';

/** SOURCE_DATE_EPOCH pins "today" (for suppression expiry), as reproducible builds do. */
const epoch = Number(process.env.SOURCE_DATE_EPOCH);

const argv = process.argv.slice(2);

if (argv[0] === 'lsp') {
  runServer(argv.slice(1));
} else {
  process.exitCode = main(argv, {
    cwd: process.cwd(),
    now: Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : undefined,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  });
}
