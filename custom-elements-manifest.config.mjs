// Custom Elements Manifest config: Lit mode, plus a plugin that recognises our idempotent
// `defineElement('mls-foo', MlsFoo)` registrations (the analyzer only knows customElements.define
// and @customElement), so every element gets its tag name and a custom-element-definition export.
function defineElementPlugin() {
  return {
    name: 'mls-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isIdentifier(callee) || callee.text !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg) || !ts.isIdentifier(classArg)) return;
      const tag = tagArg.text;
      const className = classArg.text;
      const decl = moduleDoc.declarations?.find((d) => d.name === className);
      if (decl) { decl.tagName = tag; decl.customElement = true; }
      moduleDoc.exports = moduleDoc.exports ?? [];
      if (!moduleDoc.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
        moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: moduleDoc.path } });
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementPlugin()],
};
