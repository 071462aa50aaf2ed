/** The search rule lives in src/core/search.ts (pure, shared with the pages that build its index); the filters import it from here. */
export { ANNOUNCE_PAUSE_MS, fold, search, type SearchDoc, type SearchHit, type Synonym } from '../core/search.ts';
