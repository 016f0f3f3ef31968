// Writes src/generated/uplot-css.ts from uPlot's stylesheet, so the chart base can put it in
// each shadow root under rollup, the test runner and Storybook alike.
import { readFileSync, writeFileSync } from 'node:fs';
const css = readFileSync('node_modules/uplot/dist/uPlot.min.css', 'utf8');
writeFileSync(
  'src/generated/uplot-css.ts',
  `// Generated from uplot/dist/uPlot.min.css by scripts/gen-uplot-css.mjs. Do not edit.\nimport { unsafeCSS } from 'lit';\nexport const uplotStyles = unsafeCSS(${JSON.stringify(css)});\n`,
);
