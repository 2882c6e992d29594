// The floor: read the file and JSON.parse it, nothing else.
const value = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
if (value === undefined) process.exitCode = 1;
