import { statSync } from 'node:fs';
import type { CallInput } from '../../contract';
import { callOrThrow, type Core } from '../../db/core';
import { percentile, round } from './stats';

/**
 * The families list and backups on the scale database, called the way the UI calls them.
 * `family_list_p95_ms`: the first page of 50 households for a mix of the filters staff use
 * (each a different plan: by grade, language, interpreter, tone, days since contact, good
 * news, voice, pickup, search words, both sorts). `backup_100k_s`: one whole backup.
 */
const FILTERS: CallInput<'family.list'>[] = [
  {},
  { sort: 'last_contact' },
  { grade: '3' },
  { grade: 'K', sort: 'last_contact' },
  { language: 'es' },
  { language: 'so', interpreter: true },
  { interpreter: true, sort: 'last_contact' },
  { channel: 'text' },
  { notContactedDays: 30 },
  { lastTone: 'good_news' },
  { noGoodNews: true },
  { noGoodNews: true, grade: '5' },
  { openVoice: true },
  { pickupCaution: true },
  { text: 'garc' },
  { text: 'nguyen', sort: 'last_contact' },
];

export function familyListBenchmarks(
  core: Core,
  results: Record<string, number>,
  options: { quick: boolean; log: (message: string) => void },
): void {
  const samples: number[] = [];
  const rounds = options.quick ? 3 : 25;
  for (let r = 0; r < rounds; r++)
    for (const filter of FILTERS) {
      const start = performance.now();
      callOrThrow(core, 'family.list', { ...filter, limit: 50 });
      if (r > 0) samples.push(performance.now() - start);
    }
  results.family_list_p95_ms = round(percentile(samples, 95), 3);
  options.log(`family list: ${samples.length} pages, p95 ${results.family_list_p95_ms} ms`);

  const start = performance.now();
  const backup = callOrThrow(core, 'backup.now', {});
  results.backup_100k_s = round((performance.now() - start) / 1000, 2);
  const { folder } = callOrThrow(core, 'backup.list', {});
  results.backup_mb = round(statSync(`${folder}/${backup.name}`).size / 1024 / 1024, 1);
  options.log(`backup: ${results.backup_100k_s} s, ${results.backup_mb} MB`);
}
