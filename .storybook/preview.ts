// Every story gets the design tokens on the document (as a lab page would) and controls generated
// from custom-elements.json, which `npm run analyze` writes from the components' JSDoc and their
// `static inputs` (custom-elements-manifest.config.mjs). An attribute whose manifest type is a union
// of string literals (`'fp16' | 'int8'`, the device and context ids) gets a select (or radio) control.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import { installTokens } from '../src/theme.js';

interface Member {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Manifest {
  modules?: Array<{ declarations?: Array<{ members?: Member[] }> }>;
}

/** Drop private (`#x`), protected and static members so that controls show only the public API. */
function publicApi(m: Manifest): Manifest {
  return {
    ...m,
    modules: m.modules?.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => ({
        ...d,
        members: d.members?.filter((x) => !x.name.startsWith('#') && !x.static && x.privacy !== 'private' && x.privacy !== 'protected'),
      })),
    })),
  };
}

/** `'a' | 'b' | 'c'` → ['a', 'b', 'c']; undefined for any other type text. */
function literalUnion(text: unknown): string[] | undefined {
  if (typeof text !== 'string' || !/^\s*'[^']*'(\s*\|\s*'[^']*')*\s*$/.test(text)) return undefined;
  return [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

interface ArgTypeLike {
  type?: { name?: string; value?: unknown } | string;
  options?: readonly unknown[];
}

/** Turn manifest literal-union types into enums, so Storybook infers a select/radio control. */
function enumsFromManifest<T extends { argTypes: Record<string, ArgTypeLike> }>(context: T): T['argTypes'] {
  const out: Record<string, ArgTypeLike> = {};
  for (const [name, at] of Object.entries(context.argTypes)) {
    const values = literalUnion(typeof at.type === 'string' ? at.type : at.type?.name);
    out[name] = values ? { ...at, type: { name: 'enum', value: values }, options: at.options ?? values } : at;
  }
  return out;
}

installTokens();
setCustomElementsManifest(publicApi(manifest as Manifest));

const preview: Preview = {
  argTypesEnhancers: [enumsFromManifest as unknown as NonNullable<Preview['argTypesEnhancers']>[number]],
  parameters: {
    controls: { expanded: true, matchers: { color: /color$/i } },
    layout: 'padded',
  },
};

export default preview;
