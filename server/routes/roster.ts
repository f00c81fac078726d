import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { timeZone, WORDS, say } from '../../contract';
import { requireAdmin } from '../auth/guards';
import type { ServerDb } from '../db';
import { ServerError, forbidden } from '../errors';
import { unzipRoster } from '../../contract/roster/files';
import { importHistory, importRoster } from '../roster/import';
import { RosterError } from '../../contract/roster/issues';
import { parseBody } from '../validate';

/** A zipped roster of a large district is tens of megabytes. */
const ROSTER_BODY_LIMIT = 200 * 1024 * 1024;

const rosterQuery = z.strictObject({
  timeZone: timeZone.optional(),
  /** `?dryRun=true`: count and check everything, change nothing (server/roster/import.ts). */
  dryRun: z.enum(['true', 'false']).optional(),
});

const historyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** OneRoster import over HTTP: a district administrator posts the zip their SIS exports. */
export function rosterRoutes(app: FastifyInstance, db: ServerDb): void {
  app.addContentTypeParser('application/zip', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/v1/admin/roster', { bodyLimit: ROSTER_BODY_LIMIT }, async (request) => {
    const admin = await requireAdmin(db, request);
    if (admin.schoolId !== null) throw forbidden(say(WORDS.districtImportsRoster));
    const { timeZone: zone, dryRun } = parseBody(rosterQuery, request.query);
    if (!(request.body instanceof Buffer))
      throw new ServerError(400, 'VALIDATION', say(WORDS.sendRosterZip));
    try {
      const summary = await importRoster(db, unzipRoster(request.body), {
        timeZone: zone,
        importedBy: admin.id,
        dryRun: dryRun === 'true',
      });
      return { ...summary, dryRun: dryRun === 'true' };
    } catch (error) {
      if (!(error instanceof RosterError)) throw error;
      throw new ServerError(
        400,
        'VALIDATION',
        say(WORDS.rosterNotChanged),
        error.issues.map((i) => ({
          path: [i.file, i.line, i.field].filter((part) => part !== '' && part !== 0).join(':'),
          message: i.message,
        })),
      );
    }
  });

  /** The imports so far, latest first, with who ran each and what it did (district administrators). */
  app.get('/v1/admin/roster/imports', async (request) => {
    const admin = await requireAdmin(db, request);
    if (admin.schoolId !== null) throw forbidden(say(WORDS.districtImportsRoster));
    const { limit } = parseBody(historyQuery, request.query);
    return importHistory(db, limit);
  });
}
