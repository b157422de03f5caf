import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The browser comes from the system (Debian `chromium`), never from a download at test time.
 * Order: $CHROMIUM_PATH, Debian's binary, Debian's wrapper, Playwright's own cache.
 */
export function findChromium(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (existsSync(override)) return override;
    throw new Error(`CHROMIUM_PATH is set to "${override}" but no file is there.`);
  }
  const candidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    const cached = chromium.executablePath();
    if (cached && existsSync(cached)) return cached;
  } catch {
    // Playwright has no browser of its own here; fall through to the message below.
  }
  throw new Error(
    `No Chromium found (looked at $CHROMIUM_PATH, ${candidates.join(', ')} and Playwright's cache). ` +
      'Install it with `apt-get install -y chromium` (bash .ci/run does this) or set CHROMIUM_PATH.',
  );
}

/** Launch flags shared by the e2e suite and `npm run bench:browser`: WebGPU on SwiftShader, no background traffic. */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
