/**
 * RPC URLs often carry an API key in their path or query (`https://eth-mainnet.example/v2/<key>`) or
 * credentials before the host. Only the host is ever written to the lock or printed.
 */

/** The URL's host (with its port), or "the RPC" when it is not a URL. */
export function rpcHost(url: string): string {
  try {
    return new URL(url).host || 'the RPC';
  } catch {
    return 'the RPC';
  }
}

/** `text` with every trace of `url` beyond its host removed: the whole URL, its path, query and credentials. */
export function redact(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text.split(url).join('the RPC');
  }
  const host = parsed.host;
  // A short user name ("user") is no key, and blanking it would garble ordinary words.
  const username = parsed.username.length >= 8 ? parsed.username : '';
  const secrets = [url, parsed.href, `${parsed.origin}${parsed.pathname}${parsed.search}`, `${parsed.pathname}${parsed.search}`, parsed.search, username, parsed.password]
    .filter((s) => s.length > 1 && s !== '/')
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(secret === url || secret === parsed.href ? host : '…');
  if (parsed.pathname.length > 1) out = out.split(parsed.pathname).join('…');
  return out;
}
