export * from './lib/headless-chromium';
