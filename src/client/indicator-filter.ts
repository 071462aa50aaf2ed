/**
 * <indicator-filter>: a search box over the indicator list. The full list is in the page without JavaScript;
 * this shows the box and, while there is a query, lists the matches best first (src/core/search.ts), each
 * with the words that matched, in place of the grouped list.
 */
import { ANNOUNCE_PAUSE_MS, search, type SearchDoc, type Synonym } from './search';

class IndicatorFilter extends HTMLElement {
  private announceTimer: number | undefined;

  connectedCallback() {
    const box = this.querySelector<HTMLElement>('.filter-box');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    const results = this.querySelector<HTMLOListElement>('[data-search-results]');
    if (!box || !input || !status || !results) return;
    let index: { docs: SearchDoc[]; synonyms: Synonym[] } = { docs: [], synonyms: [] };
    try {
      index = JSON.parse(this.querySelector('script[data-search-index]')?.textContent || '{}');
    } catch {
      return; // without the index the full list stays, as without JavaScript
    }
    box.hidden = false;
    const items = new Map([...this.querySelectorAll<HTMLElement>('[data-filter-item]')].map((item) => [item.dataset.id!, item]));
    const groups = [...this.querySelectorAll<HTMLElement>('[data-filter-group]')];
    input.addEventListener('input', () => {
      const query = input.value.trim();
      const hits = query ? search(query, index.docs, index.synonyms) : [];
      // Copies, best first, each saying what matched; the grouped list is hidden meanwhile and never reordered.
      results.replaceChildren(
        ...hits.map((hit) => {
          const copy = items.get(hit.id)!.cloneNode(true) as HTMLElement;
          const why = document.createElement('span');
          why.className = 'muted';
          why.textContent = `Matches: ${hit.matched.join(', ')}`;
          copy.append(why);
          return copy;
        }),
      );
      results.hidden = !query;
      for (const group of groups) group.hidden = Boolean(query);
      const message = query ? (hits.length ? `${hits.length} of ${items.size} indicators match, best first.` : `No indicators match “${query}”. Try other words.`) : '';
      window.clearTimeout(this.announceTimer);
      this.announceTimer = window.setTimeout(() => (status.textContent = message), ANNOUNCE_PAUSE_MS);
    });
  }
}

customElements.define('indicator-filter', IndicatorFilter);
