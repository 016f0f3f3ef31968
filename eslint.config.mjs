// Lint at zero warnings (`npm run lint`, run by .ci/run): TypeScript, Lit templates (eslint-plugin-lit),
// custom-element conventions (eslint-plugin-wc), template accessibility (eslint-plugin-lit-a11y), and the
// layer boundaries (no-restricted-imports here; scripts/check-boundaries.mjs checks the same rules on
// every import form, dynamic imports included).
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const LIBS = ['lit', 'lit/*', '@lit/*', 'uplot', 'katex'];

export default tseslint.config(
  { ignores: ['dist/**', 'storybook-static/**', 'node_modules/**', 'src/generated/**', 'custom-elements.json', 'bench/pages/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  { files: ['components/**/*.ts', 'src/**/*.ts', 'stories/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['components/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['components/**/*.ts', 'src/**/*.ts'], ...litA11y.configs.recommended },
  {
    files: ['physics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: LIBS, message: 'physics/ is pure TypeScript: no Lit, uPlot or KaTeX.' },
        { group: ['**/src/**', '**/components/**'], message: 'physics/ imports nothing from src/ or components/.' },
      ] }],
    },
  },
  {
    files: ['components/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/physics/labs/**'], message: 'components may not import lab scenario modules: move the physics into a formula module.' },
        { group: ['./*', '../components/*'], message: 'an element does not import another element: share helpers through src/.' },
      ] }],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off', // chai: expect(x).to.exist
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.mjs', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
