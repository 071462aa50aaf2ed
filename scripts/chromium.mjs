/**
 * Debian's Chromium, as the browser tests and the Lighthouse script start it.
 * The flags keep it off the network (only loopback is reachable here) and
 * quiet; nothing is ever downloaded.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
