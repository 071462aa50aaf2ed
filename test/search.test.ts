/**
 * Search as residents use it (#23): their words, written from the glossary and the indicators' definitions,
 * run against the real catalogue and content/site.yaml's synonyms. Each query lists indicators it must find and
 * ones it must not (fragments of words, and near misses a resident would not want).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { concepts, search, stem, words } from '../src/core/search';
import { readFileSync } from 'node:fs';
import { parseSiteSettings } from '../src/ingest/site-settings';
import { searchDoc } from '../src/present/search-docs';
import { modelFromContent } from './helpers/model';
import { ROOT } from './helpers/build';

const CARE_LEAVERS = ['care-leavers-eet', 'care-leavers-suitable-accommodation'];
const IN_CARE = ['cic-dental-checks', 'cic-health-assessments'];
const EHCP_PUPILS = ['children-mainstream-ehcp', 'reception-gld-ehcp', 'ks2-rwm-ehcp', 'ks4-progress-8-ehcp'];

/** [query, must find, must not find, one found only because the words appear in passing: ranked after all it must find] */
const QUERIES: [string, string[], string[], string?][] = [
  ['children in care', [...IN_CARE, ...CARE_LEAVERS], ['children-mainstream-ehcp', 'feee-2-year-olds', 'cp-reviews-in-timescale']],
  ['looked after', [...IN_CARE, ...CARE_LEAVERS], ['children-mainstream-ehcp', 'cpp-second-time']],
  ['looked after children', [...IN_CARE, ...CARE_LEAVERS], ['elective-home-education']],
  ['foster', IN_CARE, ['feee-3-year-olds']],
  ['fostering', IN_CARE, ['feee-3-year-olds']],
  ['care leavers', CARE_LEAVERS, IN_CARE],
  ['care leaver jobs', ['care-leavers-eet'], ['care-leavers-suitable-accommodation', 'neet-16-17']],
  ['care', [...IN_CARE, ...CARE_LEAVERS, 'children-mainstream-ehcp'], []],
  ['childcare', ['feee-2-year-olds', 'feee-3-year-olds', 'feee-high-quality'], [...IN_CARE, ...CARE_LEAVERS]],
  ['nursery', ['feee-2-year-olds', 'feee-3-year-olds'], ['primary-first-preference']],
  ['dentist', ['cic-dental-checks'], ['cic-health-assessments']],
  ['health check', ['cic-health-assessments'], ['cic-dental-checks']],
  ['abuse', ['cp-reviews-in-timescale', 'cpp-second-time', 'cpp-two-years-plus'], CARE_LEAVERS],
  ['child protection', ['cp-reviews-in-timescale', 'cpp-second-time', 'cpp-two-years-plus'], ['re-referrals-12-months', ...IN_CARE]],
  ['social worker', ['re-referrals-12-months', 'assessments-45-days'], ['feee-2-year-olds']],
  ['special needs', ['children-mainstream-sen-support', 'ks2-rwm-sen-support'], ['primary-first-preference']],
  // SEN Support's dashboard name says "(without EHCP)": found, but after the plans themselves.
  ['EHCP', EHCP_PUPILS, ['feee-2-year-olds'], 'children-mainstream-sen-support'],
  ['education health and care plan', EHCP_PUPILS, ['feee-2-year-olds'], 'children-mainstream-sen-support'],
  ['disabled children', ['children-mainstream-ehcp'], ['feee-2-year-olds']],
  ['home schooling', ['elective-home-education'], ['care-leavers-suitable-accommodation']],
  ['exclusions', ['permanent-exclusions'], ['suspensions']],
  ['expelled', ['permanent-exclusions'], ['suspensions']],
  ['suspended', ['suspensions'], ['permanent-exclusions']],
  ['Ofsted', ['primary-schools-good-outstanding', 'secondary-schools-good-outstanding', 'pupils-good-outstanding-schools'], ['primary-first-preference']],
  ['school place', ['primary-first-preference', 'secondary-first-preference'], ['primary-schools-good-outstanding']],
  ['secondary school', ['secondary-first-preference', 'secondary-schools-good-outstanding'], ['primary-first-preference', 'primary-schools-good-outstanding']],
  ['NEET', ['neet-16-17'], ['ks2-rwm'], 'care-leavers-eet'],
  ['teenagers not working', ['neet-16-17'], ['care-leavers-eet']],
  ['GCSE', ['ks4-progress-8', 'ks4-progress-8-fsm'], ['ks2-rwm']],
  ['free school meals', ['reception-gld-fsm', 'ks2-rwm-fsm', 'ks4-progress-8-fsm'], ['reception-gld', 'ks2-rwm']],
  ['two year olds', ['feee-2-year-olds'], ['feee-3-year-olds']],
  ['housing', ['care-leavers-suitable-accommodation'], ['care-leavers-eet']],
  ['the', [], ['care-leavers-eet']],
];

describe('search, word by word', () => {
  it.each([
    ['leavers', 'leaver'],
    ['leaving', 'leav'],
    ['leave', 'leav'],
    ['fostering', 'foster'],
    ['fostered', 'foster'],
    ['children', 'child'],
    ['children’s', 'child'],
    ['checks', 'check'],
    ['assessments', 'assessment'],
    ['bus', 'bus'],
    ['12', '12'],
  ])('stems %s as %s', (word, expected) => {
    expect(stem(words(word)[0]!.shown)).toBe(expected);
  });

  it('never matches inside a word: "care" does not find "childcare"', () => {
    const docs = [{ id: 'a', title: 'Childcare places', names: '', definition: '' }, { id: 'b', title: 'Care homes', names: '', definition: '' }];
    expect(search('care', docs).map((hit) => hit.id)).toEqual(['b']);
  });

  it('needs every idea of the query, and a phrase in order', () => {
    const docs = [{ id: 'a', title: 'Children in care', names: '', definition: '' }, { id: 'b', title: 'Care for children', names: '', definition: '' }];
    const synonyms = [{ term: 'children in care', means: ['looked after'] }];
    expect(concepts('children in care', synonyms)).toHaveLength(1);
    expect(search('children in care', docs, synonyms).map((hit) => hit.id)).toEqual(['a']);
    expect(search('care children', docs).map((hit) => hit.id)).toEqual(['a', 'b']);
  });

  it('ranks a match in the title above one in the definition, and shows the words that matched', () => {
    const docs = [
      { id: 'def', title: 'Plans', names: '', definition: 'Children in foster care' },
      { id: 'title', title: 'Children in foster care', names: '', definition: '' },
    ];
    const hits = search('fostering', docs);
    expect(hits.map((hit) => hit.id)).toEqual(['title', 'def']);
    expect(hits[0]!.matched).toEqual(['foster']);
  });
});

describe('residents’ queries over the real indicators', async () => {
  const model = await modelFromContent();
  const { synonyms } = parseSiteSettings(readFileSync(join(ROOT, 'content/site.yaml')), 'content/site.yaml').settings!;
  const docs = model.catalogue.map((indicator) => searchDoc(indicator));
  const ids = new Set(docs.map((doc) => doc.id));

  it('has at least 20 queries, each naming real indicators', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(20);
    for (const [, must, mustNot] of QUERIES) for (const id of [...must, ...mustNot]) expect(ids, id).toContain(id);
  });

  it.each(QUERIES)('“%s” finds what it must and nothing it must not', (query, must, mustNot, inPassing) => {
    const hits = search(query, docs, synonyms);
    const found = hits.map((hit) => hit.id);
    if (inPassing) for (const id of must) expect(found.indexOf(id), `“${query}”: ${id} ranks above ${inPassing}`).toBeLessThan(found.indexOf(inPassing));
    for (const id of must) expect(found, `“${query}” should find ${id}`).toContain(id);
    for (const id of mustNot) expect(found, `“${query}” should not find ${id}`).not.toContain(id);
    for (const hit of hits) expect(hit.matched.length, `${hit.id} shows what matched`).toBeGreaterThan(0);
  });
});
