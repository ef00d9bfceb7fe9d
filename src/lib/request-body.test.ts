import { describe, expect, it } from 'vitest';
import { requestBodyHtml } from './request-body.ts';

const body = `
<Note lang="ja">
原本の**誤り**は直していません。

- 文献番号の入れ替わり
</Note>

<Note lang="en">
Errors in the *original* are kept.
</Note>
`;

describe('requestBodyHtml', () => {
  it('shows the Japanese note on the Japanese page and not the English one', () => {
    const html = requestBodyHtml(body, 'ja');
    expect(html).toContain('<div lang="ja" data-note="ja">');
    expect(html).toContain('<strong>誤り</strong>');
    expect(html).toContain('<li>文献番号の入れ替わり</li>');
    expect(html).not.toContain('Errors in the');
  });

  it('shows the English note on the English page', () => {
    const html = requestBodyHtml(body, 'en');
    expect(html).toContain('<div lang="en" data-note="en"><p>Errors in the <em>original</em> are kept.</p></div>');
    expect(html).not.toContain('誤り');
  });

  it('sets typographic quotes, as the MDX pages do', () => {
    expect(requestBodyHtml("the body's \"list\"", 'en')).toBe('<p>the body’s “list”</p>');
  });

  it('renders nothing for an empty body', () => {
    expect(requestBodyHtml('\n  \n', 'ja')).toBe('');
  });

  it('escapes text rather than passing HTML through', () => {
    expect(requestBodyHtml('p &lt; 0.05 and a &amp; b', 'en')).toBe('<p>p &#x3C; 0.05 and a &#x26; b</p>');
  });

  it('refuses a component other than Note, naming it', () => {
    expect(() => requestBodyHtml('<Chart data="x" />', 'ja')).toThrow(/<Chart>/);
  });
});
