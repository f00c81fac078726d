import { describe, expect, it } from 'vitest';
import { districtInsightsSchema, insightsRows } from '../../contract';
import { callOrThrow } from '../../db/core';
import { gatherSchoolInsights } from '../../server/insights/gather';
import { districtFixture } from '../district-fixture';
import { buildHandCountedSchool } from '../insights-school';
import { serverBackends } from '../server-backends';

/**
 * The district counts a school's partnership from the records its computers sync
 * (server/insights), and gets the same figures the school's computer does for the same
 * hand-counted school, small counts suppressed before they leave the server.
 */
const BACKENDS = serverBackends();
const YEAR = { from: '2026-08-01', to: '2026-11-20' };

describe.each(BACKENDS)('Insights at the district on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  it('gives the same figures as the school’s computer, suppressed, to administrators only', async () => {
    const d = await district();
    const ann = await d.addStaff('Ann Admin', 'administrator', ['admin']);
    const lena = await d.addStaff('Lena Liaison', 'liaison', ['support']);
    let now = new Date('2026-11-20T18:00:00Z');
    const desk = await device(d, 'Office', { now: () => now });
    await desk.signIn(ann);
    buildHandCountedSchool(
      desk.core,
      (iso) => {
        now = new Date(iso);
      },
      { admin: ann.id, liaison: lena.id },
    );
    await desk.sync();
    expect(desk.core.sync.pending()).toBe(0);

    const local = callOrThrow(desk.core, 'insights.get', { period: YEAR });
    // Every figure, before suppression, counted the same by the district.
    const counted = await d.db.transaction((tx) =>
      gatherSchoolInsights(tx, { id: d.schoolId, timeZone: 'America/Chicago' }, YEAR),
    );
    expect(counted).toEqual(local);
    expect(counted.positiveFirst).toEqual({ count: 2, of: 3 });
    const url = `/v1/admin/insights?schoolId=${d.schoolId}&from=${YEAR.from}&to=${YEAR.to}`;
    const reply = await d.send('GET', url, undefined, d.adminToken);
    expect(reply.status).toBe(200);
    const shared = districtInsightsSchema.parse(reply.body);
    expect(shared.rows).toEqual(insightsRows(local));
    expect(shared.rows).toContainEqual(['Families', '', 'count', 'fewer than 5']);

    // A computer's token is not an administrator's; a bad period is named.
    expect((await d.send('GET', url, undefined, desk.token)).status).toBe(401);
    const backwards = await d.send(
      'GET',
      `/v1/admin/insights?schoolId=${d.schoolId}&from=2026-11-20&to=2026-08-01`,
      undefined,
      d.adminToken,
    );
    expect(backwards.status).toBe(400);
  });
});
