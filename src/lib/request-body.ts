/**
 * Renders the MDX body of a request for one language.
 *
 * A request body is Markdown with one component, `<Note lang="ja|en">`: an editor's note written in one
 * language, shown only on the page of that language. The content validator (src/lib/content-validation.ts)
 * has already refused any other component, expression or import/export, so the body is parsed with Astro's
 * own MDX parser (satteri) and turned into HTML with the unified syntax-tree utilities, not compiled into a
 * JavaScript module per request (see src/loaders/request-loader.ts for why).
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import { mdxToMdast } from 'satteri';
import type { Lang } from '../data/vocabulary.ts';

/** An MDX JSX element as satteri's mdast writes it. */
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: Nodes[];
}

/** An MDX node the validator refuses; reaching it here means the body bypassed validation. */
function refuse(node: { type: string; name?: string | null }): never {
  throw new Error(`A request body may only use <Note lang="ja|en">, found ${node.name ? `<${node.name}>` : node.type}; run \`npm run validate\``);
}

/** Renders `body` for a page in `lang`: Markdown as HTML, the notes of that language, none of the other. */
export function requestBodyHtml(body: string, lang: Lang): string {
  if (body.trim() === '') return '';
  const note = (state: State, node: MdxJsxElement): Element | undefined => {
    if (node.name !== 'Note') refuse(node);
    const noteLang = node.attributes.find((attribute) => attribute.name === 'lang')?.value;
    if (noteLang !== 'ja' && noteLang !== 'en') refuse(node);
    if (noteLang !== lang) return undefined;
    const children: ElementContent[] = state.all(node as unknown as Nodes);
    return { type: 'element', tagName: 'div', properties: { lang: noteLang, dataNote: noteLang }, children };
  };
  // GFM and smart punctuation, as Astro's MDX integration has by default (and the primer's pages get).
  const mdast = mdxToMdast(body, { features: { gfm: true, smartPunctuation: true }, position: false });
  const tree = toHast(mdast, {
    handlers: {
      mdxJsxFlowElement: note,
      mdxJsxTextElement: note,
      mdxFlowExpression: (_state, node: MdxJsxElement) => refuse(node),
      mdxTextExpression: (_state, node: MdxJsxElement) => refuse(node),
      mdxjsEsm: (_state, node: MdxJsxElement) => refuse(node),
    },
  });
  return toHtml(tree);
}
