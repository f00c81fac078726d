import type { FastifyInstance } from 'fastify';
import {
  districtInsightsQuery,
  insightsRows,
  type DistrictInsights,
  WORDS,
  say,
} from '../../contract';
import { checkManages, requireAdmin } from '../auth/guards';
import type { ServerDb } from '../db';
import { ServerError } from '../errors';
import { gatherSchoolInsights } from '../insights/gather';
import { parseBody } from '../validate';

/**
 * A school's partnership figures for the district: administrators of the school, or of the
 * district, only. Counted from school-wide records (server/insights/gather.ts) in one
 * snapshot, and only ever sent with small counts suppressed.
 */
export function insightsRoutes(app: FastifyInstance, db: ServerDb): void {
  app.get('/v1/admin/insights', async (request): Promise<DistrictInsights> => {
    const admin = await requireAdmin(db, request);
    const query = parseBody(districtInsightsQuery, request.query);
    checkManages(admin, query.schoolId);
    return db.transaction(async (tx) => {
      const [school] = await tx.query<{ id: string; name: string; time_zone: string }>(
        'SELECT id::text AS id, name, time_zone FROM schools WHERE id = $1',
        [query.schoolId],
      );
      if (!school) throw new ServerError(404, 'NOT_FOUND', say(WORDS.schoolNotInDistrict));
      const period = { from: query.from, to: query.to };
      const figures = await gatherSchoolInsights(
        tx,
        { id: school.id, timeZone: school.time_zone },
        period,
      );
      return { school: { id: school.id, name: school.name }, period, rows: insightsRows(figures) };
    });
  });
}
