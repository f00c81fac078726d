import type { FastifyInstance } from 'fastify';
import { deviceSignInInput, enrollInput, newId, WORDS, say } from '../../contract';
import { requireDevice } from '../auth/guards';
import { hashSecret, newToken, normalizeEnrollmentCode } from '../auth/secrets';
import { SIGN_IN_LIMIT, signIn } from '../auth/sign-in';
import type { ServerDb } from '../db';
import { ServerError, forbidden } from '../errors';
import { parseBody } from '../validate';
import { keepStaffKeyRecord, staffKeyRecord } from '../sync/keys';

/** Enrolling a computer with a one-time code, its status, and staff signing in on it. */
export function deviceRoutes(app: FastifyInstance, db: ServerDb): void {
  app.post(
    '/v1/devices/enroll',
    { config: { rateLimit: SIGN_IN_LIMIT } },
    async (request, reply) => {
      const input = parseBody(enrollInput, request.body);
      const token = newToken('hd');
      const deviceId = newId();
      const codeHash = hashSecret(normalizeEnrollmentCode(input.code));
      const enrolled = await db.transaction(async (tx) => {
        // One statement claims the code, so two devices racing for it cannot both succeed.
        const [code] = await tx.query<{
          school_id: string;
          created_by: string;
          name: string;
          time_zone: string;
        }>(
          `UPDATE enrollment_codes c SET used_at = now(), device_id = $2 FROM schools s
           WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now()
             AND s.id = c.school_id
           RETURNING c.school_id, c.created_by, s.name, s.time_zone`,
          [codeHash, deviceId],
        );
        if (!code) throw new ServerError(400, 'ENROLLMENT_CODE_INVALID', say(WORDS.codeInvalid));
        await tx.query(
          `INSERT INTO devices (id, school_id, name, token_hash, enrolled_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [deviceId, code.school_id, input.deviceName, hashSecret(token), code.created_by],
        );
        const school = { id: code.school_id, name: code.name, timeZone: code.time_zone };
        return { deviceId, token, school };
      });
      return reply.code(201).send(enrolled);
    },
  );

  app.get('/v1/device/status', async (request) => requireDevice(db, request));

  /**
   * Staff signing in on an enrolled computer: the server checks the password, and the device
   * keeps its own hash of it for signing in offline later. Only staff of the device's school
   * (or district administrators) may sign in on it.
   */
  app.post(
    '/v1/device/sign-in',
    { config: { rateLimit: SIGN_IN_LIMIT } },
    async (request, reply) => {
      const device = await requireDevice(db, request);
      const input = parseBody(deviceSignInInput, request.body);
      const who = 'email' in input ? input.email : { staffId: input.staffId };
      const staff = await signIn(db, request, reply, who, input.password);
      if (staff.schoolId !== null && staff.schoolId !== device.school.id)
        throw forbidden(say(WORDS.otherSchoolsAccount));
      // From now on this device receives what this member may see, and may push their changes.
      await db.query(
        `INSERT INTO device_users (device_id, staff_id) VALUES ($1, $2)
       ON CONFLICT (device_id, staff_id) DO UPDATE SET signed_in_at = now()`,
        [device.deviceId, staff.id],
      );
      // The password was checked just now: the only moment a key record may be kept.
      if ('keys' in input && input.keys) await keepStaffKeyRecord(db, staff.id, input.keys);
      return { staff, keys: await staffKeyRecord(db, staff.id) };
    },
  );
}
