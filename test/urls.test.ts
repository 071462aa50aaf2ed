/** The one URL module: base-aware links, card addresses, and which pages search engines are offered. */
import { describe, expect, it } from 'vitest';
import { href, isIndexable, joinBase, navigation, paths, withoutBase } from '../src/present/urls';

describe('joinBase and withoutBase', () => {
  it.each([
    ['/', '/2024-25/q1/', '/2024-25/q1/'],
    ['/performance/', '/2024-25/q1/', '/performance/2024-25/q1/'],
    ['/performance', 'data/', '/performance/data/'],
    ['/performance/', '/2024-25/q1/#care-leavers-eet', '/performance/2024-25/q1/#care-leavers-eet'],
  ])('under %s, %s is %s, and back', (base, path, joined) => {
    expect(joinBase(base, path)).toBe(joined);
    expect(withoutBase(base, joined)).toBe(path.startsWith('/') ? path : `/${path}`);
  });
});

describe('href', () => {
  it('keeps a fragment alone as a link within the page, and puts site paths under the base', () => {
    expect(href('#corrections')).toBe('#corrections');
    expect(href(paths.card({ year: '2024-25', quarter: 'q1' }, 'care-leavers-eet'))).toBe(joinBase(import.meta.env.BASE_URL, '/2024-25/q1/#care-leavers-eet'));
  });
});

describe('isIndexable', () => {
  it.each([
    ['/', false, true],
    ['/2024-25/q1/', false, true],
    ['2024-25/q1/', false, true],
    ['/404/', false, false],
    ['404', false, false],
    ['/404.html', false, false],
    ['/figures/2024-25/q1/', false, false],
    ['/indicators/404-not-a-page/', false, true],
    ['/', true, false],
    ['/2024-25/q1/', true, false],
  ])('%s (drafts preview: %s) → %s', (path, previewDrafts, indexable) => {
    expect(isIndexable(path, previewDrafts)).toBe(indexable);
  });
});

describe('navigation', () => {
  it('points "Latest quarter" at the newest quarter, or home before the first', () => {
    expect(navigation({ year: '2024-25', quarter: 'q1' })[0]).toMatchObject({ key: 'home', path: '/2024-25/q1/' });
    expect(navigation(undefined)[0]).toMatchObject({ key: 'home', path: '/' });
    expect(navigation(undefined).map((item) => item.path)).toEqual(['/', '/quarters/', '/indicators/', '/data/', '/about/']);
  });
});
