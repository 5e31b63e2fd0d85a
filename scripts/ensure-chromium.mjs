// Makes sure Debian's Chromium (and a CJK font, so Chinese renders in screenshots) is present for the browser tests.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FONT_DIR = '/usr/share/fonts/truetype/wqy'

function sh(cmd) {
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

const needChromium = !existsSync(CHROMIUM)
const needFont = !existsSync(FONT_DIR)
if (needChromium || needFont) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canApt) {
    console.error(
      `Browser tests need Debian's chromium at ${CHROMIUM} and a CJK font.\n` +
        'Install them as root:  apt-get update && apt-get install -y chromium fonts-wqy-microhei\n' +
        '(or set CHROMIUM_PATH to another Chromium binary).',
    )
    process.exit(1)
  }
  console.log('Installing chromium and fonts-wqy-microhei with apt-get…')
  sh('apt-get update -qq')
  sh('apt-get install -y -qq chromium fonts-wqy-microhei')
}
