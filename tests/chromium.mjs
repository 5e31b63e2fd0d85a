// The one place that knows how to start Debian's Chromium here: browser tests and benchmarks all use it.
import { chromium } from 'playwright-core'

/** Path of the Chromium binary (Debian's by default; CHROMIUM_PATH overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the background-networking flags Chromium keeps dialling Google on a machine with no network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Launches headless Chromium with the flags this network-less, root-run machine needs. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS })
}
