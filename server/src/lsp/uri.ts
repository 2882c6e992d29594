import { fileURLToPath, pathToFileURL } from 'node:url';

/** The engine works with file paths; the protocol with URIs. Non-file documents keep their URI as their "path". */
export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path;
}
