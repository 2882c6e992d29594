import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, as the real-VS-Code tests use it; CI installs it (.ci/run). */
export const CHROMIUM = process.env.CHOKEPOINT_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM);

/** Says why a browser test file is skipped, once. */
export function warnIfNoChromium(file: string): void {
  if (!chromiumAvailable) console.warn(`${file} skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHOKEPOINT_CHROMIUM).`);
}

/** No network: every host name fails at once, should anything try. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
}
