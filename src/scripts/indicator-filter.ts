/**
 * <indicator-filter>: a search box over the indicator list. The full list is
 * in the page without JavaScript; this only shows the box and hides rows.
 */
class IndicatorFilter extends HTMLElement {
  connectedCallback() {
    const box = this.querySelector<HTMLElement>('.filter-box');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    if (!box || !input || !status) return;
    box.hidden = false;
    const items = [...this.querySelectorAll<HTMLElement>('[data-filter-item]')];
    const groups = [...this.querySelectorAll<HTMLElement>('[data-filter-group]')];
    input.addEventListener('input', () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const item of items) {
        const match = words.every((word) => item.dataset.search?.includes(word));
        item.hidden = !match;
        if (match) shown++;
      }
      for (const group of groups) group.hidden = !group.querySelector('[data-filter-item]:not([hidden])');
      status.textContent = words.length ? `${shown} of ${items.length} indicators match.` : '';
    });
  }
}

customElements.define('indicator-filter', IndicatorFilter);
