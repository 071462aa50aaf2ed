// Per-page browser checks, shard 1 of 2 (see lib/page-suite.ts).
import { definePageSuite } from './lib/page-suite';

definePageSuite(1, 2);
