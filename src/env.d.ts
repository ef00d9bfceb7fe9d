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

declare namespace App {
  /** Per-page state shared between a page and the MDX components it renders. */
  interface Locals {
    /** Source ids of the chapter being rendered, in order; `<Cite>` numbers its marker from them. */
    citations?: string[];
    /** How many `<Term>` popovers the page has rendered, for unique ids. */
    termCount?: number;
  }
}
