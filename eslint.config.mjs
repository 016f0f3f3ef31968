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
  {
    ignores: ['dist/**', 'storybook-static/**', 'node_modules/**', 'src/generated/**', 'custom-elements.json', 'bench/pages/**', 'tmp/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // An element types its raw input properties by merging an interface into its class
    // (`export interface MlsFoo extends InputProps<typeof INPUTS> {}`, src/inputs.ts): the interface
    // adds no runtime members, so the merge is safe and intentionally empty.
    files: ['components/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-declaration-merging': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    // The input kinds' type plumbing (mapped and conditional types over the schema) needs `any`
    // and `{}` in generic positions; values are never typed any.
    files: ['src/inputs.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
  { files: ['components/**/*.ts', 'src/**/*.ts', 'stories/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['components/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['components/**/*.ts', 'src/**/*.ts'], ...litA11y.configs.recommended },
  {
    files: ['physics/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: LIBS, message: 'physics/ is pure TypeScript: no Lit, uPlot or KaTeX.' },
            { group: ['**/src/**', '**/components/**'], message: 'physics/ imports nothing from src/ or components/.' },
          ],
        },
      ],
    },
  },
  // Elements live in components/<role>/mls-*.ts and components/instruments/<name>/mls-<name>.ts (docs/
  // architecture.md, "Layers"). An element reaches src/ and physics/ only by climbing to the root
  // (../../ from a role folder, ../../../ from an instrument folder); any shorter relative path, or
  // one naming components/, lands on another element.
  {
    files: ['components/**/*.ts'],
    ignores: ['components/**/*.test.ts', 'components/**/*.stories.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/physics/labs/**'],
              message: 'components may not import lab scenario modules: move the physics into a formula module.',
            },
            {
              regex: '^\\./|^\\.\\./(?!\\.\\./)|/components/',
              message: 'an element does not import another element: share helpers through src/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/instruments/*/mls-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/physics/labs/**'],
              message: 'components may not import lab scenario modules: move the physics into a formula module.',
            },
            {
              regex: '^\\./|^\\.\\./(?!\\.\\./)|^\\.\\./\\.\\./(?!\\.\\./)|/components/',
              message: 'an element does not import another element: share helpers through src/.',
            },
          ],
        },
      ],
    },
  },
  // A test or story beside its element (components/instruments/<name>/<name>.test.ts, .stories.ts)
  // imports that element ('./mls-<name>.js'), test/helpers and anything a test under test/ may; never
  // another element (another folder under components/).
  {
    files: ['components/**/*.test.ts', 'components/**/*.stories.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)|^\\.\\./\\.\\./(?!\\.\\./)|/components/',
              message: 'a test or story beside an element imports only that element (./mls-*.js) and test/helpers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', 'components/**/*.test.ts', 'components/**/*.stories.ts'],
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
