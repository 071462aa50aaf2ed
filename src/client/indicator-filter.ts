/**
 * <indicator-filter>: a search box over the indicator list. The full list is
 * in the page without JavaScript; this only shows the box and hides rows.
 */
import { ANNOUNCE_PAUSE_MS, fold, searchMatches } from './search';

class IndicatorFilter extends HTMLElement {
  private announceTimer: number | undefined;

  connectedCallback() {
    const box = this.querySelector<HTMLElement>('.filter-box');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    if (!box || !input || !status) return;
    box.hidden = false;
    const items = [...this.querySelectorAll<HTMLElement>('[data-filter-item]')];
    const groups = [...this.querySelectorAll<HTMLElement>('[data-filter-group]')];
    const haystacks = new Map(items.map((item) => [item, fold(item.dataset.search ?? '')]));
    input.addEventListener('input', () => {
      let shown = 0;
      for (const item of items) {
        const match = searchMatches(haystacks.get(item)!, input.value);
        item.hidden = !match;
        if (match) shown++;
      }
      for (const group of groups) group.hidden = !group.querySelector('[data-filter-item]:not([hidden])');
      // Read out after a pause in typing, as the quarter page's filter does.
      const message = input.value.trim() ? `${shown} of ${items.length} indicators match.` : '';
      window.clearTimeout(this.announceTimer);
      this.announceTimer = window.setTimeout(() => (status.textContent = message), ANNOUNCE_PAUSE_MS);
    });
  }
}

customElements.define('indicator-filter', IndicatorFilter);
