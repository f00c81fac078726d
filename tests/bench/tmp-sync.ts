import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_SIZE } from '../../db/demo/generate';
import { syncBenchmarks } from './sync';
const results: Record<string, number> = {};
await syncBenchmarks(results, { quick: false, dir: mkdtempSync(join(tmpdir(), 'sb-')), size: BENCH_SIZE, log: (m) => console.error(m) });
console.log(JSON.stringify(results));
