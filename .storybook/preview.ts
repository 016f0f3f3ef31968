// Every story gets the design tokens on the document (as a lab page would) and controls generated
// from custom-elements.json, which `npm run analyze` writes from the components' JSDoc.
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';
import { installTokens } from '../src/theme.js';

interface Member { name: string; kind?: string; privacy?: string; static?: boolean }
interface Manifest { modules?: Array<{ declarations?: Array<{ members?: Member[] }> }> }

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

installTokens();
setCustomElementsManifest(publicApi(manifest as Manifest));

const preview: Preview = {
  parameters: {
    controls: { expanded: true, matchers: { color: /color$/i } },
    layout: 'padded',
  },
};

export default preview;
