import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium, the one `tools/ci/test-all.mjs` installs; `LIEN_CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env['LIEN_CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless, sandbox off (containers), and quiet: no updates, syncing or first-run work during a test. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] as const;

/** The browser test cannot run: it fails with what to install, and never counts as passed. */
export class BrowserUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserUnavailable';
  }
}

export interface BrowserNeeds {
  readonly executablePath?: string;
  /** How to load playwright-core; tests replace it to prove the failure message. */
  readonly loadPlaywright?: () => Promise<typeof import('playwright-core')>;
}

/**
 * Starts the real headless Chromium through playwright-core, or throws `BrowserUnavailable` naming
 * the missing part and the command that installs it.
 */
export async function launchChromium(needs: BrowserNeeds = {}): Promise<Browser> {
  const executablePath = needs.executablePath ?? CHROMIUM_PATH;
  let playwright: typeof import('playwright-core');
  try {
    playwright = await (needs.loadPlaywright ?? (() => import('playwright-core')))();
  } catch {
    throw new BrowserUnavailable('playwright-core is not installed: add it with `npm install --save-dev --save-exact playwright-core@1.65.1`');
  }
  if (!existsSync(executablePath)) {
    throw new BrowserUnavailable(`no Chromium at ${executablePath}: install Debian's package with \`apt-get install -y chromium\` (after \`apt-get update\` if needed), or set LIEN_CHROMIUM_PATH`);
  }
  try {
    return await playwright.chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true, timeout: 60_000 });
  } catch (error) {
    throw new BrowserUnavailable(`Chromium at ${executablePath} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
