/**
 * vitest glue for the browser suites: `describeBrowser` runs a suite when Chromium is installed and
 * otherwise skips it with the reason in its name and on the console (never silently).
 */
import { describe } from 'vitest';
import { browserSkipReason } from './harness';

const reason = browserSkipReason();
if (reason) console.warn(`[e2e] browser suites skipped: ${reason}`);

export function describeBrowser(name: string, fn: () => void): void {
  describe.skipIf(reason !== undefined)(reason ? `${name} (skipped: ${reason})` : name, fn);
}
