// Vite's `?raw` imports (Storybook): the file's text as a string. Used by the lab stories,
// which render a lab page's <mls-lab> from labs/vol*/lab-NN.html.
declare module '*.html?raw' {
  const text: string;
  export default text;
}
