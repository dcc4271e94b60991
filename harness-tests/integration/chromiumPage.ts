// Opens a report page in Debian's Chromium (headless) through playwright-core, the way a person
// opens it from the file system. Never a browser download: .ci/run installs the chromium package.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const chromiumPath = '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}
