/*
 * Checks that run inside the page. Plain browser JavaScript, injected with
 * page.addScriptTag({ path }) so nothing here goes through the test
 * transpiler. Everything hangs off window.__cfs.
 */
(() => {
  if (window.__cfs) return;

  /** A short, readable description of an element: tag#id.class[attr] "text". */
  function describe(el) {
    if (!el || el.nodeType !== 1) return String(el);
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') || '';
    const classes = cls.split(/\s+/).filter((c) => c && !c.startsWith('astro-')).slice(0, 3);
    if (classes.length) s += `.${classes.join('.')}`;
    for (const a of ['href', 'role', 'type', 'name', 'data-rag', 'data-direction', 'aria-label']) {
      const v = el.getAttribute(a);
      if (v != null) s += `[${a}="${v.length > 60 ? `${v.slice(0, 57)}...` : v}"]`;
    }
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` "${text.length > 50 ? `${text.slice(0, 47)}...` : text}"`;
    let parent = el.parentElement;
    const trail = [];
    while (parent && parent !== document.body && trail.length < 3) {
      if (parent.id || ['main', 'header', 'nav', 'footer', 'figure', 'table', 'section', 'article', 'aside'].includes(parent.tagName.toLowerCase()) || parent.tagName.includes('-')) {
        trail.unshift(parent.tagName.toLowerCase() + (parent.id ? `#${parent.id}` : ''));
      }
      parent = parent.parentElement;
    }
    return trail.length ? `${trail.join(' > ')} > ${s}` : s;
  }

  const isRendered = (el) =>
    typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })
      : el.getClientRects().length > 0;

  /** True when el or an ancestor is hidden the "visually hidden / sr-only" way. */
  function visuallyHidden(el) {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const cs = getComputedStyle(n);
      if (cs.clip && cs.clip !== 'auto' && /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(cs.clip)) return true;
      if (cs.clipPath && /inset\(\s*50%/.test(cs.clipPath)) return true;
      if (cs.overflow !== 'visible' && cs.overflow !== '') {
        const r = n.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return true;
      }
      if (parseFloat(cs.fontSize) === 0) return true;
      if (cs.position === 'absolute' || cs.position === 'fixed') {
        const r = n.getBoundingClientRect();
        // parked off-screen (left: -9999px and the like), in page coordinates
        if (r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0) return true;
      }
    }
    return false;
  }

  /** Text a sighted user can see inside el (ignores visually-hidden and unrendered text). */
  function visibleText(el) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.nodeValue.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const parent = t.parentElement;
      if (!parent || !isRendered(parent) || visuallyHidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const color = getComputedStyle(parent).color;
      if (/rgba\([^)]*,\s*0\)$/.test(color) || color === 'transparent') continue;
      parts.push(text);
    }
    return parts.join(' ').trim();
  }

  /** Accessible name, via axe-core when it is on the page, else a plain reading of the ARIA rules that matter for charts. */
  function accessibleName(el) {
    const axe = window.axe;
    if (axe?.commons?.text?.accessibleTextVirtual && axe.utils?.getNodeFromTree) {
      try {
        axe.setup(document);
        try {
          const vnode = axe.utils.getNodeFromTree(el);
          if (vnode) return axe.commons.text.accessibleTextVirtual(vnode).trim();
        } finally {
          axe.teardown();
        }
      } catch {
        /* fall through */
      }
    }
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) {
      const t = labelledby
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
      if (t) return t;
    }
    const label = el.getAttribute('aria-label')?.trim();
    if (label) return label;
    if (el.tagName.toLowerCase() === 'svg') {
      const title = el.querySelector(':scope > title')?.textContent?.trim();
      if (title) return title;
    }
    return el.getAttribute('title')?.trim() ?? '';
  }

  function structure() {
    const h1s = [...document.querySelectorAll('h1')];
    const mains = [...document.querySelectorAll('main, [role="main"]')];
    return {
      lang: document.documentElement.getAttribute('lang'),
      title: document.title,
      h1: h1s.map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
      mains: mains.map(describe),
      mainIsElement: mains.some((m) => m.tagName.toLowerCase() === 'main'),
    };
  }

  /** Every chart (canvas, or svg with role="img") has an accessible name and a data table or text alternative. */
  function charts() {
    const problems = [];
    const found = [];
    // Charts a person can meet: rendered (a fallback svg hidden once the canvas
    // chart has drawn is skipped) and not aria-hidden.
    const charts = [...document.querySelectorAll('canvas, svg[role="img"]')].filter(
      (el) => !el.closest('[aria-hidden="true"]') && isRendered(el) && el.getClientRects().length > 0,
    );
    for (const el of charts) {
      const what = describe(el);
      found.push(what);
      const name = accessibleName(el);
      if (!name) problems.push(`${what}: no accessible name (add aria-label or aria-labelledby${el.tagName === 'svg' ? ', or a <title>' : ''})`);

      // Text alternative: aria-describedby with text; canvas fallback content;
      // or a table / descriptive text in the same figure or custom element.
      let alt = false;
      const describedby = el.getAttribute('aria-describedby');
      if (describedby) {
        const t = describedby
          .split(/\s+/)
          .map((id) => document.getElementById(id))
          .filter(Boolean);
        if (t.some((d) => d.tagName.toLowerCase() === 'table' || d.querySelector('table') || d.textContent.trim())) alt = true;
        else problems.push(`${what}: aria-describedby="${describedby}" points at nothing with text`);
      }
      if (!alt && el.tagName.toLowerCase() === 'canvas' && (el.querySelector('table') || el.textContent.trim().length > 0)) alt = true;
      if (!alt) {
        let container = el.closest('figure');
        for (let n = el.parentElement; n && !container; n = n.parentElement) if (n.tagName.includes('-')) container = n;
        container ??= el.parentElement;
        if (container) {
          if (container.querySelector('table')) alt = true;
          else {
            // Text in the container other than the chart itself and its caption/heading.
            const clone = container.cloneNode(true);
            clone.querySelectorAll('canvas, svg, figcaption, h1, h2, h3, h4, h5, h6, script, style, template').forEach((n) => n.remove());
            if (clone.textContent.replace(/\s+/g, ' ').trim().length >= 20) alt = true;
          }
        }
      }
      if (!alt) problems.push(`${what}: no data table or text alternative (a <table> or descriptive text in the same <figure>/custom element, or aria-describedby)`);
    }
    return { charts: found, problems };
  }

  /** Every [data-rag] / [data-direction] element carries visible text, so colour is not the only cue. */
  function colourAlone() {
    const problems = [];
    const els = [...document.querySelectorAll('[data-rag], [data-direction]')];
    let checked = 0;
    for (const el of els) {
      if (!isRendered(el) || el.getClientRects().length === 0) continue; // not shown: conveys nothing
      checked += 1;
      if (!visibleText(el)) problems.push(`${describe(el)}: no visible text (only colour/shape conveys ${el.hasAttribute('data-rag') ? 'RAG status' : 'direction'})`);
    }
    return { total: els.length, checked, problems };
  }

  /** Horizontal overflow at the current viewport width. */
  function overflow() {
    const de = document.documentElement;
    const clientWidth = de.clientWidth;
    const scrollWidth = de.scrollWidth;
    const offenders = [];
    if (scrollWidth > clientWidth) {
      const clips = (n) => {
        for (let p = n.parentElement; p && p !== document.body && p !== de; p = p.parentElement) {
          const ox = getComputedStyle(p).overflowX;
          if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
        }
        return false;
      };
      const sticksOut = (n) => n.getBoundingClientRect().right > clientWidth + 0.5;
      const add = (el, right, why) => {
        const d = `${describe(el)} (${why} reaches ${Math.round(right)}px)`;
        if (offenders.length < 8 && !offenders.includes(d)) offenders.push(d);
      };
      // Boxes that stick out (the outermost of a nested run).
      for (const el of document.body.querySelectorAll('*')) {
        if (!sticksOut(el) || clips(el)) continue;
        const p = el.parentElement;
        if (p && p !== document.body && sticksOut(p) && !clips(p)) continue;
        add(el, el.getBoundingClientRect().right, 'box');
      }
      // Text that overflows its box (long words, nowrap).
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t && offenders.length < 8; t = walker.nextNode()) {
        if (!t.nodeValue.trim() || !t.parentElement || clips(t)) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        const right = range.getBoundingClientRect().right;
        if (right > clientWidth + 0.5 && !sticksOut(t.parentElement)) add(t.parentElement, right, 'text');
      }
    }
    return { clientWidth, scrollWidth, offenders };
  }

  const seconds = (v) => {
    v = v.trim();
    if (v.endsWith('ms')) return parseFloat(v) / 1000;
    if (v.endsWith('s')) return parseFloat(v);
    return parseFloat(v) || 0;
  };

  /** Running CSS animations/transitions and long transition/animation durations (run with prefers-reduced-motion: reduce). */
  function motion() {
    const problems = [];
    for (const a of document.getAnimations()) {
      if (a.playState !== 'running') continue;
      const timing = a.effect?.getComputedTiming?.() ?? {};
      const duration = typeof timing.duration === 'number' ? timing.duration : 0;
      const endless = timing.iterations === Infinity;
      if (duration > 10 || (endless && duration > 0)) {
        const target = a.effect?.target;
        const kind = a.constructor?.name ?? 'Animation';
        const name = a.animationName ?? a.transitionProperty ?? a.id ?? '';
        problems.push(`${kind} "${name}" running on ${describe(target)} (${duration}ms${endless ? ', infinite' : ''})`);
      }
    }
    const seen = new Set();
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        if (pseudo && (cs.content === 'none' || cs.content === 'normal')) continue;
        const props = cs.transitionProperty.split(',').map((s) => s.trim());
        const durs = cs.transitionDuration.split(',').map(seconds);
        durs.forEach((d, i) => {
          const prop = props[i % props.length];
          if (d > 0.01 && prop !== 'none') {
            const msg = `${describe(el)}${pseudo ?? ''}: transition ${prop} ${d}s`;
            if (!seen.has(msg)) problems.push(msg), seen.add(msg);
          }
        });
        if (cs.animationName && cs.animationName !== 'none') {
          const adurs = cs.animationDuration.split(',').map(seconds);
          if (adurs.some((d) => d > 0.01)) {
            const msg = `${describe(el)}${pseudo ?? ''}: animation ${cs.animationName} ${cs.animationDuration}`;
            if (!seen.has(msg)) problems.push(msg), seen.add(msg);
          }
        }
      }
      if (problems.length > 40) break;
    }
    return problems;
  }

  // ---- Keyboard focus -------------------------------------------------------

  const deepActive = () => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  const focusStyle = (el) => {
    const parts = [];
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && (cs.content === 'none' || cs.content === 'normal')) continue;
      parts.push({
        pseudo,
        outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} ${cs.outlineOffset}`,
        outlineVisible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !/rgba\([^)]*,\s*0\)$/.test(cs.outlineColor) && cs.outlineColor !== 'transparent',
        boxShadow: cs.boxShadow,
      });
    }
    return parts;
  };

  const indicator = (style) => style.map((p) => `${p.pseudo ?? ''}{${p.outlineVisible ? p.outline : 'no-outline'}|${p.boxShadow}}`).join('');

  const state = { stops: [], styles: new Map() };

  function focusReset() {
    state.stops = [];
    state.styles = new Map();
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.scrollTo(0, 0);
  }

  /** Call after each Tab press: records the focused element's style, and the style of the one before it now that it is not focused. */
  function focusStep() {
    const el = deepActive();
    const prev = state.stops[state.stops.length - 1];
    if (prev && prev !== el) state.styles.get(prev).unfocused = focusStyle(prev);
    if (!el || el === document.body || el === document.documentElement) return { done: true };
    if (state.stops.includes(el)) return { done: true, cycled: true };
    const r = el.getBoundingClientRect();
    state.stops.push(el);
    state.styles.set(el, {
      focused: focusStyle(el),
      focusVisible: el.matches(':focus-visible'),
      visible: r.width >= 1 && r.height >= 1 && isRendered(el) && !visuallyHidden(el),
    });
    return { done: false, what: describe(el) };
  }

  function focusReport() {
    const last = state.stops[state.stops.length - 1];
    if (last && !state.styles.get(last).unfocused) {
      if (deepActive() === last) last.blur();
      state.styles.get(last).unfocused = focusStyle(last);
    }
    const problems = [];
    for (const el of state.stops) {
      const s = state.styles.get(el);
      const focused = indicator(s.focused);
      const unfocused = indicator(s.unfocused ?? []);
      const hasIndicator = s.focused.some((p) => p.outlineVisible || (p.boxShadow && p.boxShadow !== 'none'));
      if (!s.visible) problems.push(`${describe(el)}: receives focus but is not visible on screen`);
      else if (!hasIndicator) problems.push(`${describe(el)}: no focus outline or box-shadow when focused`);
      else if (focused === unfocused) problems.push(`${describe(el)}: focused style is the same as unfocused (${focused})`);
    }

    // Skip link: the first focusable element, an in-page link to the <main> element.
    let skip = null;
    const first = state.stops[0];
    if (!first) skip = 'nothing on the page takes keyboard focus';
    else {
      const href = first.getAttribute('href') ?? '';
      const target = href.startsWith('#') && href.length > 1 ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      if (first.tagName.toLowerCase() !== 'a' || !href.startsWith('#')) skip = `first focusable element is ${describe(first)}, not a skip link (<a href="#main-id">)`;
      else if (!target) skip = `skip link ${describe(first)} targets no element with id "${href.slice(1)}"`;
      else if (target.tagName.toLowerCase() !== 'main') skip = `skip link ${describe(first)} targets ${describe(target).slice(0, 80)}, not the <main> element`;
      else if (!state.styles.get(first).visible) skip = `skip link ${describe(first)} stays invisible when focused`;
    }

    // Header nav: focus order follows DOM order, and reaches every link/control.
    const navSel = 'header nav';
    const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    const navDom = [...document.querySelectorAll(navSel)].flatMap((nav) => [...nav.querySelectorAll(focusable)]).filter((el) => isRendered(el) && el.getClientRects().length > 0);
    const navFocused = state.stops.filter((el) => el.closest(navSel));
    let navOrder = null;
    if (navDom.length) {
      const want = navDom.map(describe);
      const got = navFocused.map(describe);
      if (want.join('\n') !== got.join('\n')) navOrder = { want, got };
    }
    return {
      stops: state.stops.map(describe),
      problems,
      skip,
      navOrder,
      navCount: navDom.length,
      positiveTabindex: [...document.querySelectorAll('[tabindex]')].filter((el) => el.tabIndex > 0).map(describe),
    };
  }

  window.__cfs = { describe, structure, charts, colourAlone, overflow, motion, focusReset, focusStep, focusReport, visibleText };
})();
