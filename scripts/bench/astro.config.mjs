// The project's own Astro configuration, with the cache folder moved to a
// fresh temporary one (BENCH_CACHE_DIR) so that benchmark builds start cold
// and never share node_modules/.astro with builds and tests running beside them.
import config from '../../astro.config.mjs';

export default { ...config, ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}) };
