// Node module-resolution hook (node:module register): the bare name 'electron' resolves to the
// fake, so the built out/main runs unchanged under Node. Everything else resolves as usual.
const fake = new URL('./electron-module.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: fake, shortCircuit: true };
  return nextResolve(specifier, context);
}
