import { BrowserUnavailable, launchChromium } from './headless-chromium';

describe('launching the headless Chromium', () => {
  it('given no Chromium at the expected path, when launched, then it fails with the apt-get command to install it', async () => {
    const failure = launchChromium({ executablePath: '/nonexistent/chromium' });
    await expect(failure).rejects.toBeInstanceOf(BrowserUnavailable);
    await expect(launchChromium({ executablePath: '/nonexistent/chromium' })).rejects.toThrow('apt-get install -y chromium');
  });

  it('given playwright-core cannot be loaded, when launched, then it fails with the exact package and version to install', async () => {
    const missing = () => Promise.reject(new Error("Cannot find module 'playwright-core'"));
    await expect(launchChromium({ loadPlaywright: missing })).rejects.toThrow('playwright-core@1.65.1');
  });
});
