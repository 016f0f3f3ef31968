// Storybook 10 (web-components + Vite). Stories live in stories/ and, for an instrument, beside it
// (components/instruments/<name>/<name>.stories.ts); telemetry is off here, in the
// package scripts (--disable-telemetry) and in CI (STORYBOOK_DISABLE_TELEMETRY=1): offline it only
// costs time.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../components/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
