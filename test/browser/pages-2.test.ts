// Per-page browser checks, shard 2 of 2 (see lib/page-suite.ts).
import { definePageSuite } from './lib/page-suite';

definePageSuite(2, 2);
