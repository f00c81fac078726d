import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { timeZone } from '../../contract';
import { requireAdmin } from '../auth/guards';
import type { ServerDb } from '../db';
import { ServerError, forbidden } from '../errors';
import { unzipRoster } from '../../contract/roster/files';
import { importRoster } from '../roster/import';
import { RosterError } from '../../contract/roster/issues';
import { parseBody } from '../validate';

/** A zipped roster of a large district is tens of megabytes. */
const ROSTER_BODY_LIMIT = 200 * 1024 * 1024;

const rosterQuery = z.strictObject({ timeZone: timeZone.optional() });

/** OneRoster import over HTTP: a district administrator posts the zip their SIS exports. */
export function rosterRoutes(app: FastifyInstance, db: ServerDb): void {
  app.addContentTypeParser('application/zip', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.post('/v1/admin/roster', { bodyLimit: ROSTER_BODY_LIMIT }, async (request) => {
    const admin = await requireAdmin(db, request);
    if (admin.schoolId !== null)
      throw forbidden('Only a district administrator can import the roster.');
    const { timeZone: zone } = parseBody(rosterQuery, request.query);
    if (!(request.body instanceof Buffer))
      throw new ServerError(400, 'VALIDATION', 'Send the roster as a zip file (application/zip).');
    try {
      return await importRoster(db, unzipRoster(request.body), {
        timeZone: zone,
        importedBy: admin.id,
      });
    } catch (error) {
      if (!(error instanceof RosterError)) throw error;
      throw new ServerError(
        400,
        'VALIDATION',
        'The roster was not imported; nothing was changed. Fix the lines listed and send it again.',
        error.issues.map((i) => ({
          path: [i.file, i.line, i.field].filter((part) => part !== '' && part !== 0).join(':'),
          message: i.message,
        })),
      );
    }
  });
}
