/**
 * A link to a card (#care-leavers-eet) inside the folded full details: Chromium and Firefox open the
 * <details> themselves when they follow a link into it; this does it for browsers that do not.
 */
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  let opened = false;
  for (let parent = target.parentElement; parent; parent = parent.parentElement) {
    if (parent instanceof HTMLDetailsElement && !parent.open) {
      parent.open = true;
      opened = true;
    }
  }
  if (opened) target.scrollIntoView();
}

openTarget();
window.addEventListener('hashchange', openTarget);
