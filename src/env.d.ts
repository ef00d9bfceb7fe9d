/// <reference types="astro/client" />

/**
 * `.astro` imports in plain TypeScript files (the component tests). `astro check` resolves the real
 * components; typescript-eslint uses plain TypeScript, which needs this declaration to see a component.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  const component: AstroComponentFactory;
  export default component;
}
