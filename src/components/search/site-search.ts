/**
 * `<site-search>`: runs the search page. Reads the state from the address, queries the Pagefind index (the
 * main search, then the other language's primer and glossary pages that did not match in the reader's), shows
 * facet counts and results rendered from the index's metadata, and keeps the address in step so that a
 * search can be shared and the back button restores the previous one.
 *
 * `data-state` is `searching` while a search runs and `ready` once its results are shown.
 *
 * Keys: `/` focuses the query box, ↓ moves into the results, ↑/↓ move between them, Escape goes back to the
 * box, Enter opens a result.
 */
import {
  crossLanguageFilters,
  isEmptyState,
  matchedPageKeys,
  parseState,
  primaryFilters,
  segmentQuery,
  serializeState,
  statusesNamedBy,
  sumFilterCounts,
  type SearchState,
  type StatusLink,
} from '../../lib/search-state.ts';
import { basePath, withBase } from '../../lib/base-path.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  search(term: string | null, options: { filters?: Record<string, unknown> }): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
  options(options: { baseUrl?: string; ranking?: { termSimilarity?: number } }): Promise<void>;
}

/**
 * How strongly results whose matched word is as long as the query word are preferred over longer words that
 * merely start with it (Pagefind's default is 1): with it, "lice" ranks head lice above "licence" and
 * "secretin" the secretin requests above "secretariat".
 */
export const TERM_SIMILARITY = 6;
interface Labels {
  lang: 'ja' | 'en';
  results: string;
  noResults: string;
  unavailable: string;
  devNote: string;
  hint: string;
  otherLanguage: string;
  type: Record<string, string>;
  status: Record<string, string>;
  requester: string;
  number: string;
  /** Shown under "no matches": what to try instead. */
  noResultsHint: string;
  /** Statuses a query can name: their labels in both languages and the (localised) page listing their requests. */
  statusLinks: StatusLink[];
}

const PAGE_SIZE = 10;


/**
 * Pagefind's excerpt is HTML with <mark> around the matches. Only those marks are kept; everything else
 * becomes text, so nothing in indexed content can turn into live markup here.
 */
function safeExcerpt(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

/**
 * The section of a page the query is about (for the glossary: the term): one whose title contains the query,
 * else the one with the most matches.
 */
function bestSubResult(subResults: readonly PagefindSubResult[], query: string): PagefindSubResult | undefined {
  const needle = query.toLowerCase();
  const titled = needle ? subResults.find((sub) => sub.title.toLowerCase().includes(needle)) : undefined;
  if (titled) return titled;
  let best: PagefindSubResult | undefined;
  for (const sub of subResults) if (!best || (sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  return best;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #labels!: Labels;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #pending: PagefindResult[] = [];
  #otherLanguage = new Set<string>();
  #run = 0;
  #timer: number | undefined;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('#search-input');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const list = this.querySelector<HTMLOListElement>('[data-search-results]');
    const more = this.querySelector<HTMLButtonElement>('[data-search-more]');
    if (!input || !status || !list || !more) return;
    this.#labels = JSON.parse(this.dataset.labels ?? '{}') as Labels;
    [this.#input, this.#status, this.#list, this.#more] = [input, status, list, more];
    if (this.dataset.dev) {
      status.textContent = this.#labels.devNote;
      return;
    }
    this.#restore(parseState(location.search));
    this.#carryStateToLanguageSwitch();
    void this.#search();

    input.addEventListener('input', () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => {
        this.#commit('replace');
      }, 200);
    });
    this.querySelector('[data-search-form]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(this.#timer);
      this.#commit('push');
    });
    this.querySelectorAll<HTMLInputElement>('[data-option]').forEach((box) => {
      box.addEventListener('change', () => {
        this.#commit('push');
      });
    });
    more.addEventListener('click', () => void this.#showMore());
    window.addEventListener('popstate', () => {
      this.#restore(parseState(location.search));
      this.#carryStateToLanguageSwitch();
      void this.#search();
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = list.querySelector<HTMLAnchorElement>('a[data-result-link]');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    list.addEventListener('keydown', (event) => {
      const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (index < 0) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
        if (next) next.focus();
        else if (event.key === 'ArrowUp') input.focus();
      } else if (event.key === 'Escape') {
        input.focus();
      }
    });
  }

  /** The state the form shows. */
  #state(): SearchState {
    const filters: Record<string, string[]> = {};
    this.querySelectorAll<HTMLInputElement>('[data-option]:checked').forEach((box) => {
      (filters[box.name] ??= []).push(box.value);
    });
    return { query: this.#input.value.trim(), filters };
  }

  /** Puts a state into the form. */
  #restore(state: SearchState): void {
    this.#input.value = state.query;
    this.querySelectorAll<HTMLInputElement>('[data-option]').forEach((box) => {
      box.checked = state.filters[box.name]?.includes(box.value) ?? false;
    });
  }

  /** Writes the form's state into the address (a new history entry for deliberate changes) and searches. */
  #commit(mode: 'push' | 'replace'): void {
    const next = `${location.pathname}${serializeState(this.#state())}`;
    if (next !== `${location.pathname}${location.search}`) {
      if (mode === 'push') history.pushState(null, '', next);
      else history.replaceState(null, '', next);
    }
    this.#carryStateToLanguageSwitch();
    void this.#search();
  }

  /** Points the language switch at the same search (query and filters) in the other language. */
  #carryStateToLanguageSwitch(): void {
    const link = document.querySelector<HTMLAnchorElement>('[data-language-switch]');
    if (!link) return;
    link.dataset.basePath ??= new URL(link.href, location.href).pathname;
    link.href = `${link.dataset.basePath}${serializeState(this.#state())}`;
  }

  /** Offers the list of requests at each status the query names. */
  #showStatusOffers(query: string): void {
    const box = this.querySelector<HTMLElement>('[data-status-offers]');
    if (!box) return;
    const offers = statusesNamedBy(query, this.#labels.statusLinks);
    box.replaceChildren(...offers.map((offer) => {
      const item = element('li', '');
      const link = element('a', 'font-semibold', offer.label);
      link.href = offer.href;
      item.append(link);
      return item;
    }));
    box.hidden = offers.length === 0;
  }

  /**
   * Loads Pagefind once. Its searches count only the filters whose index chunks are loaded, so all filters
   * are loaded first; otherwise every facet count would read 0. (Queries are split by `segmentQuery`, since
   * Pagefind would split them by the page's language, not the index's.)
   */
  #load(): Promise<Pagefind> {
    const bundle = withBase('/pagefind/pagefind.js');
    this.#pagefind ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (pagefind) => {
      // Result addresses are site paths; under a base path (GitHub Pages' /<repository>/) Pagefind prefixes it.
      await pagefind.options({ baseUrl: basePath, ranking: { termSimilarity: TERM_SIMILARITY } });
      await pagefind.filters();
      return pagefind;
    });
    return this.#pagefind;
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    this.dataset.state = 'searching';
    const state = this.#state();
    const { lang } = this.#labels;
    try {
      const pagefind = await this.#load();
      if (isEmptyState(state)) {
        const totals = await pagefind.filters();
        if (run !== this.#run) return;
        this.#showCounts(totals);
        this.#pending = [];
        this.#list.replaceChildren();
        this.#more.hidden = true;
        this.#status.textContent = this.#labels.hint;
        this.dataset.state = 'ready';
        return;
      }
      const term = state.query ? segmentQuery(state.query) : null;
      const primary = await pagefind.search(term, { filters: primaryFilters(state, lang) });
      // Copy the counts now: Pagefind reuses its filter-count objects, and the next search would overwrite them.
      const primaryCounts = structuredClone(primary.filters);
      const other = await pagefind.search(term, { filters: crossLanguageFilters(state, lang, matchedPageKeys(primaryCounts)) });
      if (run !== this.#run) return;
      this.#showCounts(sumFilterCounts(primaryCounts, other.filters));
      this.#otherLanguage = new Set(other.results.map((result) => result.id));
      this.#pending = [...primary.results, ...other.results];
      const total = this.#pending.length;
      this.#list.replaceChildren();
      this.#status.textContent = total === 0 ? `${this.#labels.noResults} ${this.#labels.noResultsHint}` : this.#labels.results.replace('{count}', String(total));
      this.#showStatusOffers(state.query);
      await this.#showMore(run);
      if (run === this.#run) this.dataset.state = 'ready';
    } catch {
      if (run === this.#run) {
        this.#status.textContent = this.#labels.unavailable;
        this.dataset.state = 'ready';
      }
    }
  }

  /** Renders the next page of results. */
  async #showMore(run = this.#run): Promise<void> {
    const batch = this.#pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (run !== this.#run) return;
    this.#list.append(...data.map((item, index) => this.#render(item, this.#otherLanguage.has(batch[index]?.id ?? ''))));
    this.#more.hidden = this.#pending.length === 0;
  }

  #showCounts(counts: FilterCounts): void {
    this.querySelectorAll<HTMLElement>('[data-count-for]').forEach((slot) => {
      const [key = '', value = ''] = (slot.dataset.countFor ?? '').split(':');
      const count = counts[key]?.[value] ?? 0;
      slot.textContent = String(count);
      const box = slot.closest('label')?.querySelector('input');
      if (box) box.disabled = count === 0 && !box.checked;
    });
  }

  /** One result, from the index's metadata: requests with drug, indication, status and requester. */
  #render(item: PagefindData, otherLanguage: boolean): HTMLLIElement {
    const { lang } = this.#labels;
    const type = item.meta.type ?? 'request';
    const li = element('li', `card !p-3 result-${type}`);
    li.dataset.resultType = type;
    const kind = element('p', 'muted text-xs font-semibold', this.#labels.type[type] ?? type);
    if (otherLanguage) kind.append(element('span', 'ml-2 rounded border px-1 font-normal', this.#labels.otherLanguage));
    const link = element('a', 'text-lg font-semibold');
    link.dataset.resultLink = '';
    if (type === 'request') {
      link.href = lang === 'en' ? (item.meta.url_en ?? item.url) : item.url;
      link.textContent = (lang === 'en' ? item.meta.title_en : item.meta.title) ?? item.url;
      li.append(kind, link);
      const indication = lang === 'en' && item.meta.indication_en ? item.meta.indication_en : item.meta.indication;
      if (indication) {
        const line = element('p', '', indication);
        line.lang = lang === 'en' && item.meta.indication_en ? 'en' : 'ja';
        li.append(line);
      }
      const facts = element('p', 'mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm');
      const status = item.meta.status ?? 'unknown';
      const badge = element('span', 'rounded-full border px-2 text-xs font-semibold', this.#labels.status[status] ?? status);
      badge.dataset.status = status;
      facts.append(badge);
      const requester = lang === 'en' && item.meta.requester_en ? item.meta.requester_en : item.meta.requester;
      if (requester) facts.append(element('span', 'muted', `${this.#labels.requester}: ${requester}`));
      if (item.meta.number) facts.append(element('span', 'muted', `${this.#labels.number}: ${item.meta.number}`));
      li.append(facts);
    } else {
      const best = type === 'glossary' ? bestSubResult(item.sub_results, this.#input.value.trim()) : undefined;
      link.href = best?.url ?? item.url;
      link.textContent = best ? `${item.meta.title ?? ''} — ${best.title}` : (item.meta.title ?? item.url);
      li.append(kind, link);
    }
    const excerpt = element('p', 'muted mt-1 text-sm');
    excerpt.append(safeExcerpt((type === 'glossary' ? bestSubResult(item.sub_results, this.#input.value.trim())?.excerpt : undefined) ?? item.excerpt));
    li.append(excerpt);
    return li;
  }
}

customElements.define('site-search', SiteSearch);
