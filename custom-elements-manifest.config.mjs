// Custom Elements Manifest config: Lit mode, plus two plugins.
// - mls-define-element recognises our idempotent `defineElement('mls-foo', MlsFoo)` registrations
//   (the analyzer only knows customElements.define and @customElement), so every element gets its
//   tag name and a custom-element-definition export.
// - mls-inputs writes each element's `static inputs` (src/inputs.ts) into the manifest as attributes
//   and properties with their type, default and description, and adds the `publish` and `headless`
//   attributes every MlsElement inherits. The types come from the kinds themselves: this file
//   transpiles src/inputs.ts and physics/ to plain JS in a temporary directory, evaluates each
//   schema entry (`num({ min: 1, default: 1 })`, `choice(PRECISIONS)`, `deviceOrContext()`) with the
//   real kind functions, and reads `type`, `defaultText` and `doc` from the result, so a choice's
//   enum and the device and context ids are the physics registry's at analyze time.
//   A schema must therefore be made of literals, local constants and imports from physics/; anything
//   else fails the analysis with a message naming the element and the input.
import typescript from 'typescript';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = dirname(new URL(import.meta.url).pathname);

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
      if (decl) {
        decl.tagName = tag;
        decl.customElement = true;
      }
      moduleDoc.exports = moduleDoc.exports ?? [];
      if (!moduleDoc.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
        moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: moduleDoc.path } });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The real kinds and physics, as plain JS
// ---------------------------------------------------------------------------------------------

function tsFiles(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map((f) => String(f).split(sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `${dir}/${f}`);
}

/** Transpile physics/ and src/inputs.ts + src/pairs.ts into a temp dir; import every module. */
async function loadModules() {
  const out = mkdtempSync(join(tmpdir(), 'mls-cem-'));
  try {
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    const files = [...tsFiles('physics'), 'src/inputs.ts', 'src/pairs.ts'];
    for (const file of files) {
      const { outputText } = typescript.transpileModule(readFileSync(join(ROOT, file), 'utf8'), {
        fileName: file,
        compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022, experimentalDecorators: true },
      });
      const target = join(out, file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
    const modules = new Map();
    for (const file of files) modules.set(file, await import(pathToFileURL(join(out, file.replace(/\.ts$/, '.js'))).href));
    return modules;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const MODULES = await loadModules();
const KINDS = MODULES.get('src/inputs.ts');
const KIND_NAMES = new Set(['num', 'choice', 'choices', 'bool', 'text', 'deviceOrContext', 'pairs', 'either', 'ref', 'any']);

// ---------------------------------------------------------------------------------------------
// Evaluating a schema from the AST
// ---------------------------------------------------------------------------------------------

class Unevaluable extends Error {}

/** The analyzer's own TypeScript (its AST's syntax kinds may differ from the project's version). */
let ts = typescript;

/** The value of a top-level `const name = …` or a named import, in `sf` (the source file). */
function identifierValue(name, sf, file) {
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return evaluate(d.initializer, sf, file);
      }
    }
    if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      for (const el of st.importClause.namedBindings.elements) {
        if (el.name.text !== name) continue;
        const imported = (el.propertyName ?? el.name).text;
        const spec = st.moduleSpecifier.text;
        const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
          .split(sep)
          .join('/')
          .replace(/\.js$/, '.ts');
        const mod = MODULES.get(target);
        if (!mod || !(imported in mod))
          throw new Unevaluable(`${name} (imported from ${spec}: only physics/ and src/inputs.ts are loaded)`);
        return mod[imported];
      }
    }
  }
  throw new Unevaluable(name);
}

/** Evaluate a schema expression: literals, arrays, objects, constants, physics imports, kind calls. */
function evaluate(node, sf, file) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isIdentifier(node) && node.text === 'undefined') return undefined;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return -evaluate(node.operand, sf, file);
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression?.(node) ||
    ts.isTypeAssertionExpression?.(node)
  ) {
    return evaluate(node.expression, sf, file);
  }
  if (ts.isRegularExpressionLiteral(node)) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(node.text);
    return new RegExp(m[1], m[2]);
  }
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => String(evaluate(s.expression, sf, file)) + s.literal.text).join('');
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return evaluate(node.left, sf, file) + evaluate(node.right, sf, file);
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.flatMap((e) => (ts.isSpreadElement(e) ? [...evaluate(e.expression, sf, file)] : [evaluate(e, sf, file)]));
  }
  if (ts.isObjectLiteralExpression(node)) {
    const o = {};
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p)) o[p.name.text ?? p.name.getText(sf)] = evaluate(p.initializer, sf, file);
      else if (ts.isShorthandPropertyAssignment(p)) o[p.name.text] = identifierValue(p.name.text, sf, file);
      else if (ts.isSpreadAssignment(p)) Object.assign(o, evaluate(p.expression, sf, file));
      else throw new Unevaluable(p.getText(sf));
    }
    return o;
  }
  if (ts.isIdentifier(node)) return identifierValue(node.text, sf, file);
  if (ts.isPropertyAccessExpression(node)) return evaluate(node.expression, sf, file)[node.name.text];
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && KIND_NAMES.has(node.expression.text)) {
    return KINDS[node.expression.text](...node.arguments.map((a) => evaluate(a, sf, file)));
  }
  throw new Unevaluable(node.getText(sf));
}

/** The type of the raw property: what script may assign (a `$ref` is always a string). */
function rawType(kind) {
  if (kind.type === 'number') return 'number | string';
  if (kind.type === 'boolean') return 'boolean';
  return 'string';
}

const INHERITED = { name: 'MlsElement', module: 'src/base.ts' };
const BASE_INPUTS = [
  {
    name: 'publish',
    fieldName: 'publish',
    type: { text: 'string' },
    description: 'Publish this element\'s outputs to the lab scope under this name (`publish="wf"` makes `$wf.total` readable).',
    reflects: true,
  },
  {
    name: 'headless',
    fieldName: 'headless',
    type: { text: 'boolean' },
    default: 'false',
    reflects: true,
    description:
      'Compute and publish, but render nothing: no chart, not shown, not in the accessibility tree (a second instance evaluating another setting).',
  },
];

function inputsPlugin() {
  /** moduleDoc path → class name → { entries, base } found in the analyze phase. */
  const found = new Map();
  return {
    name: 'mls-inputs',
    analyzePhase({ ts: analyzerTs, node, moduleDoc }) {
      ts = analyzerTs;
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const extendsBase = node.heritageClauses?.some((h) => h.types.some((t) => t.expression.getText() === 'MlsElement'));
      if (!extendsBase) return;
      const sf = node.getSourceFile();
      const file = relative(ROOT, resolve(ROOT, sf.fileName)).split(sep).join('/');
      const prop = node.members.find(
        (m) =>
          ts.isPropertyDeclaration(m) &&
          m.name.getText(sf) === 'inputs' &&
          m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword),
      );
      let entries = [];
      if (prop?.initializer) {
        let schema;
        try {
          schema = evaluate(prop.initializer, sf, file);
        } catch (err) {
          if (!(err instanceof Unevaluable)) throw err;
          throw new Error(
            `mls-inputs: ${node.name.text} (${file}): static inputs must be literals, local constants, physics imports and kind calls; cannot evaluate ${err.message}`,
          );
        }
        entries = Object.entries(schema).map(([key, kind]) => {
          if (!kind || typeof kind.parse !== 'function')
            throw new Error(`mls-inputs: ${node.name.text}.inputs.${key} is not an input kind`);
          return [key, kind];
        });
      }
      const byClass = found.get(moduleDoc.path) ?? new Map();
      byClass.set(node.name.text, entries);
      found.set(moduleDoc.path, byClass);
    },
    moduleLinkPhase({ moduleDoc }) {
      const byClass = found.get(moduleDoc.path);
      if (!byClass) return;
      for (const decl of moduleDoc.declarations ?? []) {
        const entries = byClass.get(decl.name);
        if (!entries) continue;
        const attrs = [];
        const members = [];
        for (const [key, kind] of entries) {
          const attribute = KINDS.attributeOf(key, kind);
          const description = kind.doc ?? '';
          const def = kind.defaultText;
          attrs.push({
            name: attribute,
            fieldName: key,
            type: { text: kind.type },
            description,
            ...(def !== undefined ? { default: def } : {}),
            ...(kind.deprecated ? { deprecated: kind.deprecated } : {}),
          });
          members.push({
            kind: 'field',
            name: key,
            type: { text: rawType(kind) },
            description,
            attribute,
            ...(kind.reflect ? { reflects: true } : {}),
            ...(def !== undefined ? { default: def } : {}),
            ...(kind.deprecated ? { deprecated: kind.deprecated } : {}),
          });
        }
        for (const b of BASE_INPUTS) {
          attrs.push({
            name: b.name,
            fieldName: b.fieldName,
            type: b.type,
            description: b.description,
            ...(b.default ? { default: b.default } : {}),
            inheritedFrom: INHERITED,
          });
          members.push({
            kind: 'field',
            name: b.fieldName,
            type: b.type,
            description: b.description,
            attribute: b.name,
            reflects: b.reflects,
            ...(b.default ? { default: b.default } : {}),
            inheritedFrom: INHERITED,
          });
        }
        const names = new Set(attrs.map((a) => a.name));
        const fields = new Set(members.map((m) => m.name));
        decl.attributes = [...(decl.attributes ?? []).filter((a) => !names.has(a.name)), ...attrs];
        // The schema object itself is implementation: its entries are listed one by one above.
        decl.members = [...(decl.members ?? []).filter((m) => !fields.has(m.name) && !(m.static && m.name === 'inputs')), ...members];
      }
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.stories.ts', 'components/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementPlugin(), inputsPlugin()],
};
