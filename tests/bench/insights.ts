import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { schoolYearOf, type CallInput, type StaffRole } from '../../contract';
import { LocalClock } from '../../db/clock';
import { callOrThrow, type Core } from '../../db/core';
import { writeTo } from '../../db/demo/generate';
import { YEAR_AT_SCALE, createYearOfContacts } from '../../db/demo/year-of-contacts';
import { DERIVED_INDEXERS } from '../../db/derived';
import { Writer } from '../../db/write';
import { percentile, round } from './stats';

/**
 * Insights on the scale database after a school year of partnership is added to it (about
 * 1,000,000 contacts, 20,000 home visits and 30,000 voice items at 100k people; a fiftieth in
 * the quick run). `insights_p95_ms`: the whole screen's figures for the school year, as the
 * screen asks (every grade and language, then narrowed to one of each).
 * `insights_first_ms`: the first of them after the year was written.
 * `insights_drilldown_p95_ms`: the first page of 50 families behind a figure.
 */
const ROLES: StaffRole[] = [
  'liaison',
  'coordinator',
  'teacher',
  'teacher',
  'front_office',
  'nurse',
];

export function insightsBenchmarks(
  core: Core,
  results: Record<string, number>,
  options: { quick: boolean; password: string; log: (message: string) => void },
): void {
  const status = callOrThrow(core, 'app.status', {});
  const school = status.school;
  if (!school) throw new Error('no school');
  const staffIds = [
    status.staff?.id ?? '',
    ...ROLES.map(
      (role, i) =>
        callOrThrow(core, 'staff.create', {
          displayName: `Bench ${role} ${i}`,
          role,
          password: 'bench staff password',
        }).id,
    ),
  ];
  const scale = options.quick ? 50 : 1;
  const writer = new Writer(
    core.store,
    LocalClock.resume(core.store, core.deviceId, Date.now),
    DERIVED_INDEXERS,
  );
  const started = performance.now();
  core.store.db
    .transaction(() =>
      createYearOfContacts(core.store, writeTo(writer), school, staffIds, new Date(), {
        contacts: YEAR_AT_SCALE.contacts / scale,
        homeVisits: YEAR_AT_SCALE.homeVisits / scale,
        voiceItems: YEAR_AT_SCALE.voiceItems / scale,
      }),
    )
    .immediate();
  core.store.db.pragma('wal_checkpoint(TRUNCATE)');
  core.store.db.exec('ANALYZE');
  options.log(`a year of contacts added in ${Math.round(performance.now() - started)} ms`);
  // Writing the year takes minutes with no call, so the core's idle lock has locked Hearth,
  // as it would for anyone away that long: sign in again, as they would.
  callOrThrow(core, 'session.signIn', { staffId: staffIds[0] ?? '', password: options.password });

  const today = new Date().toISOString().slice(0, 10);
  const period = schoolYearOf(today);
  const asked: CallInput<'insights.get'>[] = [
    { period },
    { period, grade: '3' },
    { period, language: 'es' },
  ];
  const samples: number[] = [];
  // The first round is reported apart (insights_first_ms: the screen first opened after a
  // year of writes, its pages not yet in memory); p95 is of the rounds after it.
  const rounds = 5;
  for (let r = 0; r < rounds; r++)
    for (const input of asked) {
      const start = performance.now();
      callOrThrow(core, 'insights.get', input);
      const ms = performance.now() - start;
      if (r > 0) samples.push(ms);
      else if (input === asked[0]) results.insights_first_ms = round(ms, 1);
    }
  results.insights_p95_ms = round(percentile(samples, 95), 1);
  options.log(`insights: ${samples.length} screens, p95 ${results.insights_p95_ms} ms`);

  const drills: CallInput<'family.list'>[] = [
    { notContactedSince: period.from },
    { noGoodNewsSince: period.from, language: 'es' },
    { noGoodNews: true, grade: '3' },
    { openVoice: true, language: 'so' },
    { interpreter: true, notContactedSince: period.from },
  ];
  const drillSamples: number[] = [];
  for (let r = 0; r < rounds * 2; r++)
    for (const filter of drills) {
      const start = performance.now();
      callOrThrow(core, 'family.list', { ...filter, limit: 50 });
      if (r > 0) drillSamples.push(performance.now() - start);
    }
  results.insights_drilldown_p95_ms = round(percentile(drillSamples, 95), 3);
  options.log(`drill-downs: p95 ${results.insights_drilldown_p95_ms} ms`);
}

/**
 * The renderer's JavaScript, gzipped. `renderer_js_gzip_kb`: what every window loads first,
 * in English: the entry script and the modules its page preloads (read from the built
 * index.html, so a chunk that moves into the first load is counted). The rest loads when
 * opened: the Insights screen's chunk (vite names it after its module), Spanish's words, and
 * the other screens and parts loaded on demand (the health team's screens, the visitor log,
 * the visitor badge) as `renderer_lazy_js_gzip_kb`.
 */
export function rendererSizes(results: Record<string, number>): void {
  const root = resolve('dist/renderer');
  const assets = join(root, 'assets');
  const size = (files: string[]) =>
    round(
      files.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0) /
        1024,
      1,
    );
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const first = new Set(
    [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? ''),
  );
  // A language's words (its catalog and date names) are chunks named after its tag ("es-…"),
  // loaded only when someone chooses it.
  const language = (f: string) => /^[a-z]{2,3}-/.test(f);
  results.renderer_js_gzip_kb = size(js.filter((f) => first.has(f)));
  results.insights_js_gzip_kb = size(js.filter((f) => f.startsWith('Insights-')));
  results.spanish_js_gzip_kb = size(js.filter((f) => f.startsWith('es-')));
  results.renderer_lazy_js_gzip_kb = size(
    js.filter((f) => !first.has(f) && !f.startsWith('Insights-') && !language(f)),
  );
}
