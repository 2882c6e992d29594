// Preloaded with `node -r` into every measured process: on exit, appends the process's peak
// resident memory (kB) to the file named by BENCH_RSS_FILE, so the harness can read it back.
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
