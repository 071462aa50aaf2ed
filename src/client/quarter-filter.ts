/**
 * <kpi-filters>: filters the cards of a quarter page by area, strategic
 * outcome, RAG rating and direction of travel, plus a search over indicator
 * names and definitions. Every card is in the page without JavaScript; this
 * shows the controls (built hidden at build time), hides cards that do not
 * match and hides an area section with no matching card.
 *
 * The state lives in the URL query (?area=Early+Help&rag=red&q=care), read
 * on load and rewritten with history.replaceState, so a filtered view can be
 * shared. It also adds a "Copy link" button to each card.
 */
import { ANNOUNCE_PAUSE_MS, search, type SearchDoc, type SearchHit, type Synonym } from './search';

/** Query parameter → the card's data attribute it is compared with. */
const SELECTS = { area: 'area', outcome: 'outcome', rag: 'status', direction: 'trend' } as const;
type SelectKey = keyof typeof SELECTS;
const SELECT_KEYS = Object.keys(SELECTS) as SelectKey[];
const SEARCH_KEY = 'q';
type State = Record<SelectKey, string> & { q: string };

const plural = (n: number) => `${n} ${n === 1 ? 'indicator' : 'indicators'}`;

class KpiFilters extends HTMLElement {
  private selects = {} as Record<SelectKey, HTMLSelectElement>;
  private search!: HTMLInputElement;
  private status!: HTMLElement;
  private cards: HTMLElement[] = [];
  private sections: HTMLElement[] = [];
  /** The "at a glance" line of each card, hidden with it. */
  private rows = new Map<HTMLElement, HTMLElement>();
  private docs: SearchDoc[] = [];
  private synonyms: Synonym[] = [];
  /** The last query's hits by card id, or null with no query. */
  private hits: Map<string, SearchHit> | null = null;
  private announceTimer: number | undefined;

  connectedCallback() {
    if (this.dataset.ready) return;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), { once: true });
      return;
    }
    const form = this.querySelector<HTMLElement>('[data-filter-form]');
    const search = this.querySelector<HTMLInputElement>('input[name="q"]');
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    const clear = this.querySelector<HTMLButtonElement>('[data-filter-clear]');
    if (!form || !search || !status || !clear) return;
    for (const key of SELECT_KEYS) {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${key}"]`);
      if (!select) return;
      this.selects[key] = select;
      // Keep each option's label without its count, to recount as filters change.
      for (const option of select.options) option.dataset.label = option.text.replace(/\s*\(\d+\)$/, '');
    }
    this.dataset.ready = 'true';
    this.search = search;
    this.status = status;

    const main = this.closest('main') ?? document;
    this.cards = [...main.querySelectorAll<HTMLElement>('article.card[id][data-area]')];
    this.sections = [...main.querySelectorAll<HTMLElement>('section.area, section.glance-area')];
    for (const card of this.cards) {
      const row = main.querySelector<HTMLElement>(`[data-glance="${CSS.escape(card.id)}"]`);
      if (row) this.rows.set(card, row);
    }
    try {
      const index = JSON.parse(document.querySelector('script[data-filter-index]')?.textContent || '{}') as { docs?: SearchDoc[]; synonyms?: Synonym[] };
      this.docs = index.docs ?? [];
      this.synonyms = index.synonyms ?? [];
    } catch {
      // Without the index, search the cards' own headings.
    }
    if (this.docs.length === 0) this.docs = this.cards.map((card) => ({ id: card.id, title: card.querySelector('h2, h3, h4')?.textContent ?? '', names: '', definition: '' }));

    // Read the URL before showing the controls, so a shared link opens filtered.
    this.writeState(this.readUrl());
    const active = this.isActive(this.state());
    const filterFold = this.querySelector<HTMLDetailsElement>('[data-filter-fold]');
    if (active && filterFold) filterFold.open = true;
    this.apply();
    this.status.textContent = active ? this.countMessage() : '';
    this.writeUrl();
    form.hidden = false;

    form.addEventListener('change', (event) => {
      if (event.target === this.search) return;
      this.update(true);
    });
    search.addEventListener('input', () => this.update(false));
    search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.update(true);
    });
    clear.addEventListener('click', () => {
      this.writeState({ area: '', outcome: '', rag: '', direction: '', q: '' });
      this.apply();
      this.writeUrl();
      this.announce(`Filters cleared. All ${plural(this.cards.length)} shown.`, true);
    });

    addCopyLinks(this.cards);
  }

  private state(): State {
    const state = { q: this.search.value } as State;
    for (const key of SELECT_KEYS) state[key] = this.selects[key].value;
    return state;
  }

  private isActive(state: State): boolean {
    return SELECT_KEYS.some((key) => state[key] !== '') || state.q.trim() !== '';
  }

  /** Filter values from the query string; a value no option offers is dropped. */
  private readUrl(): State {
    const params = new URLSearchParams(location.search);
    const state = { q: params.get(SEARCH_KEY) ?? '' } as State;
    for (const key of SELECT_KEYS) {
      const value = params.get(key) ?? '';
      state[key] = [...this.selects[key].options].some((option) => option.value === value) ? value : '';
    }
    return state;
  }

  private writeState(state: State) {
    for (const key of SELECT_KEYS) this.selects[key].value = state[key];
    this.search.value = state.q;
  }

  /** Puts the filters in the query, keeping any other parameters and the #fragment. */
  private writeUrl() {
    const url = new URL(location.href);
    const state = this.state();
    for (const key of [...SELECT_KEYS, SEARCH_KEY] as const) {
      const value = state[key].trim();
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    const next = `${url.pathname}${url.search}${url.hash}`;
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', next);
  }

  private cardMatches(card: HTMLElement, state: State, except?: SelectKey): boolean {
    for (const key of SELECT_KEYS) {
      if (key === except || state[key] === '') continue;
      if (card.dataset[SELECTS[key]] !== state[key]) return false;
    }
    return this.hits === null || this.hits.has(card.id);
  }

  private apply() {
    const state = this.state();
    this.hits = state.q.trim() ? new Map(search(state.q, this.docs, this.synonyms).map((hit) => [hit.id, hit])) : null;
    for (const card of this.cards) {
      card.hidden = !this.cardMatches(card, state);
      const row = this.rows.get(card);
      if (row) {
        row.hidden = card.hidden;
        // The words that matched, so a reader sees why a line is there.
        let why = row.querySelector<HTMLElement>('.glance-matched');
        const hit = this.hits?.get(card.id);
        if (hit && !why) {
          why = document.createElement('span');
          why.className = 'glance-matched muted';
          row.append(why);
        }
        if (why) why.textContent = hit ? `Matches: ${hit.matched.join(', ')}` : '';
      }
    }
    for (const section of this.sections) section.hidden = !section.querySelector('article.card:not([hidden]), [data-glance]:not([hidden])');
    // Each option's count says how many cards it would show with the other filters as they are.
    for (const key of SELECT_KEYS) {
      for (const option of this.selects[key].options) {
        if (!option.value) continue;
        const count = this.cards.filter((card) => card.dataset[SELECTS[key]] === option.value && this.cardMatches(card, state, key)).length;
        const text = `${option.dataset.label} (${count})`;
        if (option.text !== text) option.text = text;
      }
    }
  }

  private countMessage(): string {
    const shown = this.cards.filter((card) => !card.hidden).length;
    if (shown === 0) return `No indicators match these filters (0 of ${this.cards.length}). Try fewer filters, or clear them.`;
    if (shown === this.cards.length) return `All ${plural(shown)} shown.`;
    return `${shown} of ${plural(this.cards.length)} shown.`;
  }

  private update(now: boolean) {
    this.apply();
    this.writeUrl();
    this.announce(this.countMessage(), now);
  }

  /** Updates the polite status; while typing, waits for a pause so each keystroke is not read out. */
  private announce(message: string, now: boolean) {
    window.clearTimeout(this.announceTimer);
    if (now) {
      this.status.textContent = message;
      return;
    }
    this.announceTimer = window.setTimeout(() => {
      this.status.textContent = message;
    }, ANNOUNCE_PAUSE_MS);
  }
}

/** A "Copy link" button on each card: the page URL with the card's #anchor, without the filters. */
function addCopyLinks(cards: HTMLElement[]) {
  for (const card of cards) {
    if (card.querySelector('.card-copy')) continue;
    const name = card.querySelector(`#${CSS.escape(card.id)}-name`)?.textContent?.trim() || card.querySelector('h2, h3, h4')?.textContent?.trim() || card.id;
    const links = card.querySelector('.card-cite') ?? card.querySelector('.card-links');
    const wrapper = document.createElement(links && /^(UL|OL)$/.test(links.tagName) ? 'li' : links && links.tagName !== 'DETAILS' ? 'span' : 'div');
    wrapper.className = 'card-copy no-print';

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    // Inside the card's own disclosure, so the card's name is not said again (#23).
    button.append('Copy link to this card');

    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');

    const fallback = document.createElement('span');
    fallback.className = 'copy-fallback';
    fallback.hidden = true;
    const label = document.createElement('label');
    const field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.id = `${card.id}-link`;
    label.htmlFor = field.id;
    label.textContent = `Link to ${name}`;
    fallback.append(label, field);

    wrapper.append(button, status, fallback);
    (links ?? card).append(wrapper);

    let clearTimer: number | undefined;
    const say = (message: string) => {
      window.clearTimeout(clearTimer);
      // Emptied first so pressing the button twice is announced twice.
      status.textContent = '';
      window.setTimeout(() => {
        status.textContent = message;
        clearTimer = window.setTimeout(() => (status.textContent = ''), 6000);
      }, 50);
    };

    button.addEventListener('click', async () => {
      const url = `${location.origin}${location.pathname}#${card.id}`;
      field.value = url;
      try {
        if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
        await navigator.clipboard.writeText(url);
        fallback.hidden = true;
        say('Link copied');
      } catch {
        // No clipboard (an old browser, or permission refused): show the link selected, ready to copy.
        fallback.hidden = false;
        field.focus();
        field.select();
        let copied = false;
        try {
          copied = document.execCommand('copy');
        } catch {
          copied = false;
        }
        say(copied ? 'Link copied' : 'The link is selected: press Ctrl+C, or Cmd+C on a Mac, to copy it');
      }
    });
  }
}

if (!customElements.get('kpi-filters')) customElements.define('kpi-filters', KpiFilters);
