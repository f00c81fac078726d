import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../db/sync/client';
import { buildServer } from '../../server/app';
import { injectSender, injectTransport } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/** Prometheus metrics at /metrics (server/metrics.ts), for a scraper with the token only. */
const BACKENDS = serverBackends();
const TOKEN = 'scrape-token-0123456789';

describe.each(BACKENDS)('district server metrics on $name', ({ open }) => {
  const { deskWithWork } = districtFixture(open);

  it('count requests by route and status, sync pushes and pulls, and the pool; only for the token', async () => {
    const { district: d, desk } = await deskWithWork();
    const pending = desk.core.sync.pending();

    // A second instance on the district's database, with metrics on, takes the desk's sync.
    const metered = await buildServer({ db: d.db, metricsToken: TOKEN });
    try {
      await syncOnce(
        desk.core.sync,
        injectTransport({ ...d, send: injectSender(metered) }, desk.token),
      );
      await metered.inject({ method: 'GET', url: '/health' });
      await metered.inject({ method: 'GET', url: '/v1/admin/staff/not-an-id' });

      const scrape = (authorization?: string) =>
        metered.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
      for (const refused of [await scrape(), await scrape('Bearer wrong-token-0123456789')]) {
        expect(refused.statusCode).toBe(404);
        expect(refused.body).not.toContain('hearth_');
      }
      const answer = await scrape(`Bearer ${TOKEN}`);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/plain/);
      const text = answer.body;
      expect(text).toContain(
        'hearth_http_requests_total{route="/health",method="GET",status="200"} 1',
      );
      expect(text).toMatch(
        /hearth_http_requests_total\{route="\/v1\/sync\/push",method="POST",status="200"\} [1-9]/,
      );
      expect(text).toMatch(
        /hearth_sync_duration_seconds_count\{kind="push",outcome="answered"\} [1-9]/,
      );
      expect(text).toContain(`hearth_sync_pushed_changes_total ${pending}`);
      // The push's page was cut from the school's log as this server keeps it.
      expect(text).toMatch(/hearth_sync_pages_cut_total [1-9]/);
      expect(text).toMatch(/hearth_sync_log_kept_bytes [1-9]/);
      // One computer's pushes, one after another: each read by a statement of its own.
      const [, statements] = /hearth_sync_push_read_statements_total (\d+)/.exec(text) ?? [];
      expect(Number(statements)).toBeGreaterThan(0);
      expect(text).toContain(`hearth_sync_push_reads_total ${statements}`);
      expect(text).toContain('hearth_process_cpu_seconds_total');
      // Paths with ids never become labels: the unmatched address is counted as such.
      expect(text).toContain('route="unmatched",method="GET",status="404"');
      expect(text).not.toContain('not-an-id');
      if (d.db.kind === 'postgres') expect(text).toMatch(/hearth_db_pool_acquired_total [1-9]/);
      else expect(text).not.toMatch(/hearth_db_pool_connections \d/);
    } finally {
      await metered.close();
    }
  });
});
