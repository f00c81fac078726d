import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../contract';
import { hashSecret } from '../../server/auth/secrets';
import type { ServerDb, Sql } from '../../server/db';
import { migrateServer } from '../../server/migrate';
import { PushReads, type PushRead } from '../../server/sync/push-reads';
import { serverBackends } from '../server-backends';

const BACKENDS = serverBackends();

describe.each(BACKENDS)("pushes' reads sharing a statement, on $name", ({ open }) => {
  let db: ServerDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  /**
   * A school with an administrator, two computers (the first has pushed up to seq 3 and had
   * seq 2 refused), and one family record; `sql` counts the statements sent through it.
   */
  async function school() {
    db = await open();
    await migrateServer(db);
    const [schoolId, adminId, first, second, family] = [
      newId(),
      newId(),
      newId(),
      newId(),
      newId(),
    ];
    const tokens = [first, second].map(() => randomBytes(32).toString('base64url'));
    await db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Lakeside', 'UTC')`, [
      schoolId,
    ]);
    await db.query(
      `INSERT INTO staff_accounts (id, school_id, email, display_name, role, password_hash)
       VALUES ($1, $2, 'ida@district.example', 'Ida', 'administrator', '')`,
      [adminId, schoolId],
    );
    for (const [index, id] of [first, second].entries())
      await db.query(
        `INSERT INTO devices (id, school_id, name, token_hash, enrolled_by) VALUES ($1, $2, 'Desk', $3, $4)`,
        [id, schoolId, hashSecret(tokens[index] as string), adminId],
      );
    await db.query('INSERT INTO device_users (device_id, staff_id) VALUES ($1, $2)', [
      first,
      adminId,
    ]);
    await db.query('UPDATE devices SET pushed_seq = 3 WHERE id = $1', [first]);
    await db.query(
      `INSERT INTO sync_rejections (device_id, seq, reason) VALUES ($1, 2, 'not yours'), ($1, 5, 'later')`,
      [first],
    );
    await db.query(
      `INSERT INTO records (tbl, id, school_id, audience, data, clocks, seqs)
       VALUES ('households', $1, $2, 'school', '{"name":"Okafor"}', '{"name":"h"}', '{"name":1}')`,
      [family, schoolId],
    );
    const server = db;
    const statements: string[] = [];
    const sql: Sql = {
      query: (text, params) => {
        statements.push(text);
        return server.query(text, params);
      },
      exec: (script) => server.exec(script),
    };
    const ask = (token: string, ids: string[], seqs: number[]): PushRead => ({
      hash: hashSecret(token).toString('hex'),
      tables: ids.map(() => 'households'),
      ids,
      seqs,
    });
    return { sql, statements, first, second, family, tokens, ask, adminId };
  }

  it('reads what arrives while one is in flight in one statement, each answered with its own', async () => {
    const { sql, statements, first, second, family, tokens, ask, adminId } = await school();
    const reads = new PushReads(sql);
    const [firstToken, secondToken] = tokens as [string, string];
    const [alone, mine, theirs, stranger] = await Promise.all([
      reads.read(ask(secondToken, [newId()], [1])),
      reads.read(ask(firstToken, [family, newId()], [2, 4, 5])),
      reads.read(ask(secondToken, [], [])),
      reads.read(ask(randomBytes(32).toString('base64url'), [family], [1])),
    ]);
    // The first read went alone; the three that came while it was in flight went together.
    expect(statements).toHaveLength(2);
    expect(reads.stats).toEqual({ statements: 2, reads: 4 });
    expect(alone).toMatchObject({ id: second, records: [], rejections: [], staff: [] });
    expect(mine?.id).toBe(first);
    expect(Number(mine?.pushed_seq)).toBe(3);
    expect(mine?.staff.map((s) => s.id)).toEqual([adminId]);
    expect(mine?.records).toEqual([
      expect.objectContaining({
        tbl: 'households',
        id: family,
        data: { name: 'Okafor' },
        version: expect.any(String),
      }),
    ]);
    // Only the refusals of changes at or below the computer's pushed seq are answered.
    expect(mine?.rejections).toEqual([{ seq: 2, reason: 'not yours' }]);
    expect(theirs).toMatchObject({ id: second, records: [], rejections: [] });
    expect(stranger).toBeUndefined();
  });

  it('reads each alone when their statement fails, so that only the bad one fails', async () => {
    const { sql, statements, first, second, tokens, ask } = await school();
    const reads = new PushReads(sql);
    const [firstToken, secondToken] = tokens as [string, string];
    const results = await Promise.allSettled([
      reads.read(ask(firstToken, [], [])),
      reads.read(ask(secondToken, ['not a record id'], [1])),
      reads.read(ask(firstToken, [newId()], [4])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: { id: first } });
    expect(results[2]).toMatchObject({ value: { id: first, records: [] } });
    // Alone, together (failed), then each of the two alone (the bad one failing again): two
    // statements answered, a read each.
    expect(statements).toHaveLength(4);
    expect(reads.stats).toEqual({ statements: 2, reads: 2 });
    // The reads go on after a failure.
    expect(await reads.read(ask(secondToken, [], []))).toMatchObject({ id: second });
  });
});
