import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newId } from '../../contract';
import { buildServer } from '../../server/app';
import { openPglite } from '../../server/db';
import { migrateServer } from '../../server/migrate';
import { launchBrowser } from './browser-host';
import { percentile, round } from './stats';

const SETUP_CODE = 'BENCH-CONSOLE-CODE';
const ADMIN = { email: 'it@district.example', password: 'district console password' };

/**
 * The district console's first load.
 * - `console_js_gzip_kb`, `console_css_gzip_kb`: what /console/ loads before it can show
 *   anything (the entry script and what its page preloads; Spanish's words load only when the
 *   browser asks for Spanish).
 * - `console_first_load_ms`: a signed-in administrator opens /console/ in a fresh tab (the
 *   browser's cache cold) until the Computers screen lists the district's computers and can
 *   be used; median of the timed loads. A real server on PGlite, in this process.
 */
export async function consoleBenchmarks(
  results: Record<string, number>,
  options: { quick: boolean; log: (message: string) => void },
): Promise<void> {
  const root = resolve('dist-server/console');
  const html = readFileSync(join(root, 'console.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/console\/assets\/([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const size = (ending: string) =>
    round(
      first
        .filter((f) => f.endsWith(ending))
        .reduce(
          (n, f) => n + gzipSync(readFileSync(join(root, 'assets', f)), { level: 9 }).length,
          0,
        ) / 1024,
      1,
    );
  results.console_js_gzip_kb = size('.js');
  results.console_css_gzip_kb = size('.css');
  const lazy = readdirSync(join(root, 'assets')).filter((f) => !first.includes(f));
  options.log(`console first load: ${first.join(', ')}; later: ${lazy.join(', ')}`);

  const db = await openPglite();
  await migrateServer(db);
  const app = await buildServer({ db, setupCode: SETUP_CODE, consoleDir: root });
  const browser = await launchBrowser();
  try {
    const boot = await app.inject({
      method: 'POST',
      url: '/v1/bootstrap',
      payload: {
        setupCode: SETUP_CODE,
        schoolName: 'Bench Elementary',
        timeZone: 'America/Chicago',
        adminName: 'District IT',
        ...ADMIN,
      },
    });
    const schoolId = (boot.json() as { schoolId: string }).schoolId;
    await db.query(
      `INSERT INTO devices (id, school_id, name, token_hash, enrolled_by, last_seen_at)
       SELECT d.id, $1, 'Computer ' || d.n, sha256(d.n::text::bytea), s.id, now()
       FROM unnest($2::uuid[]) WITH ORDINALITY AS d (id, n), staff_accounts s`,
      [schoolId, Array.from({ length: 300 }, () => newId())],
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/console/`;
    const context = await browser.newContext();
    const signIn = await context.newPage();
    await signIn.goto(url);
    await signIn.getByLabel('Email').fill(ADMIN.email);
    await signIn.getByLabel('Password').fill(ADMIN.password);
    await signIn.keyboard.press('Enter');
    await signIn.getByRole('row', { name: /Computer 300/ }).waitFor();
    const cookies = await context.cookies();
    await context.close();

    const samples: number[] = [];
    const runs = options.quick ? 2 : 8;
    for (let run = 0; run < runs; run++) {
      const fresh = await browser.newContext();
      await fresh.addCookies(cookies);
      const page = await fresh.newPage();
      const start = performance.now();
      await page.goto(url);
      await page.getByRole('row', { name: /Computer 300/ }).waitFor();
      await page.getByRole('button', { name: 'Make an enrollment code' }).waitFor();
      if (run > 0) samples.push(performance.now() - start);
      await fresh.close();
    }
    results.console_first_load_ms = Math.round(percentile(samples, 50));
    options.log(
      `console: ${results.console_js_gzip_kb} kB JS + ${results.console_css_gzip_kb} kB CSS gzipped; loads ${samples.map((s) => Math.round(s)).join(', ')} ms`,
    );
  } finally {
    await browser.close();
    await app.close();
    await db.close();
  }
}
