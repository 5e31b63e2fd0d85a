import type { Browser } from 'playwright-core'

/** Path of the Chromium binary (Debian's by default; CHROMIUM_PATH overrides). */
export declare const CHROMIUM_PATH: string
/** Launches headless Chromium with the flags this network-less, root-run machine needs. */
export declare function launchChromium(): Promise<Browser>
