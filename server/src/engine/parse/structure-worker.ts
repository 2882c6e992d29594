/**
 * Entry of dist/structure-worker.mjs: scans one JSON file's structure in chunks and writes the
 * index into the shared memory it was given (see prescan.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { writeIndex, type PrescanRequest } from './prescan';
import { StructureScanner, type StructureIndex } from './structure-scan';

const CHUNK = 1 << 20;

function scan(path: string): StructureIndex | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const scanner = new StructureScanner();
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) return scanner.finish();
      scanner.feed(chunk, read);
    }
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const request = workerData as PrescanRequest | undefined;
if (request) writeIndex(request.shared, scan(request.path));
