// Make sure a Chromium exists before browser tests run. Never downloads a browser build:
// as root with apt-get it installs Debian's `chromium` package and says so; otherwise it stops
// with a message that says how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from './find-chrome.mjs';

const found = findChrome();
if (found) process.exit(0);

const isRoot = process.getuid && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('mlsys-labs: no Chromium found; installing Debian\'s "chromium" package with apt-get (about 35 s)...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  } catch {
    console.error('mlsys-labs: apt-get could not install chromium. Install it yourself, or set CHROME_PATH to a Chrome/Chromium binary.');
    process.exit(1);
  }
  if (findChrome()) process.exit(0);
}
console.error(
  [
    'mlsys-labs: the tests need a Chromium or Chrome browser and none was found.',
    '  Debian/Ubuntu: sudo apt-get install chromium',
    '  macOS: install Google Chrome, or set CHROME_PATH',
    '  Anywhere: export CHROME_PATH=/path/to/chrome',
    `  Looked in: CHROME_PATH, ${'/usr/bin/chromium'} and the usual Chrome paths.`,
  ].join('\n'),
);
process.exit(1);
