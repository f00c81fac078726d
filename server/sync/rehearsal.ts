import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  COMPUTER_HEADER,
  MAX_PULL_CHANGES,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  computerHeader,
  formatHlc,
  newId,
  type PushChange,
} from '../../contract';
import { buildServer } from '../app';
import { hashSecret, newToken } from '../auth/secrets';
import type { ServerDb } from '../db';

/** How many computers of one made-up school rehearse, and how many times each syncs. */
export interface RehearsalSize {
  computers: number;
  rounds: number;
}

/**
 * Enough syncs for V8 to have compiled most of a sync's path for speed, few enough that a
 * start on PostgreSQL takes about three seconds more. Measured on the sync benchmark's
 * bursts with a small school (the server's CPU a sync, two runs each on a noisy machine):
 * none 1.15-1.42 ms (six runs), 600 syncs 1.03 and 1.27, 1,200 syncs 0.89 and 0.89, 3,000
 * syncs (eight seconds) 0.93-1.13.
 */
export const REHEARSAL: RehearsalSize = { computers: 10, rounds: 120 };

/**
 * PGlite (one connection, in WebAssembly) takes about three times as long a sync, and serves
 * a school or two whose computers do not wake by the hundred: a short rehearsal, to find a
 * broken sync path at start all the same.
 */
export const PGLITE_REHEARSAL: RehearsalSize = { computers: 4, rounds: 10 };

/** The rehearsal a server on this database runs at start. */
export const rehearsalFor = (db: ServerDb): RehearsalSize =>
  db.kind === 'postgres' ? REHEARSAL : PGLITE_REHEARSAL;

/** What the rehearsal did, so that a test can tell it ran the real thing. */
export interface RehearsalReport {
  syncs: number;
  /** Changes the server refused or answered with an outcome (none: each computer edits its own). */
  outcomes: number;
  /** Changes the computers' pages brought, their own included, as every computer's do. */
  pulled: number;
  /** Answers other than 200. */
  failed: number;
}

/** A made-up school, its one member of staff, and its computers signed in by them. */
const REHEARSAL_SCHOOL = `WITH school AS (
    INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Rehearsal', 'UTC') RETURNING id
  ), member AS (
    INSERT INTO staff_accounts (id, school_id, email, display_name, role, password_hash)
    SELECT $2, id, $3, 'Rehearsal', 'front_office', '' FROM school RETURNING id
  ), computers AS (
    INSERT INTO devices (id, school_id, name, token_hash, enrolled_by)
    SELECT c.id, $1, 'Rehearsal', c.hash, member.id
    FROM member, unnest($4::uuid[], $5::bytea[]) AS c (id, hash) RETURNING id
  )
  INSERT INTO device_users (device_id, staff_id) SELECT id, $2 FROM computers`;

interface Computer {
  id: string;
  token: string;
  seq: number;
  cursor: number;
  /** The families it made in its last sync that made any. */
  families: string[];
}

interface PageEnd {
  changes: unknown[];
  next: number;
  more: boolean;
}

/**
 * A rehearsal of a school's morning, before the server takes its first request: a school's
 * computers, made up in a transaction that is rolled back (ServerDb.rehearse), sync over real
 * HTTP with a server built as the real one is, pushing new families and then changes to them
 * and pulling each other's. V8 compiles a function for speed only once it has run many
 * times, and the path of a sync (Node's HTTP, Fastify's hooks, the contract's validation, the
 * plan, the pg driver, the answer) is long: a server fresh from a start spent about 70% more
 * CPU a sync in its first bursts of 200 computers than later (sync benchmark, the server
 * alone: about 1.2 ms against 0.7 after fifteen more bursts), part of it V8's compiler
 * working beside the requests. After the rehearsal, the first burst of the morning is not
 * where that happens, unless very different traffic came first: V8 gives up code compiled
 * for what it has seen when other shapes arrive, so the benchmark's upload of a whole school
 * (110,000 records, all tables) between the start and the bursts undoes most of it (no
 * difference measured there).
 *
 * Nothing of it stays: the school, its staff, computers, log entries and records are rolled
 * back; the log's sequence only skips the seqs they drew (ten a sync, 12,000 a start on
 * PostgreSQL), as after any failed push; nothing reads meaning into its gaps. Its
 * advisory lock on the made-up school's log is taken on a hash of a new id, so at worst (a
 * 32-bit hash shared with a real school) that school's pushes wait for the rehearsal's end.
 */
export async function rehearseSync(db: ServerDb, size: RehearsalSize): Promise<RehearsalReport> {
  return db.rehearse(async (rehearsal) => {
    const school = newId();
    const member = newId();
    const computers: Computer[] = Array.from({ length: size.computers }, () => ({
      id: newId(),
      token: newToken('hd'),
      seq: 0,
      cursor: 0,
      families: [],
    }));
    await rehearsal.query(REHEARSAL_SCHOOL, [
      school,
      member,
      `rehearsal-${member}@hearth.invalid`,
      computers.map((c) => c.id),
      computers.map((c) => hashSecret(c.token)),
    ]);
    const app = await buildServer({ db: rehearsal });
    const agent = new Agent({ keepAlive: true });
    const report: RehearsalReport = { syncs: 0, outcomes: 0, pulled: 0, failed: 0 };
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as AddressInfo;
      /** An answer's JSON, or null (counted) when it is not a 200. */
      const call = async (
        computer: Computer,
        method: 'GET' | 'POST',
        path: string,
        body?: string,
      ) => {
        const answer = await send(agent, port, computer.token, method, path, body);
        if (answer.status === 200) return answer.json;
        report.failed += 1;
        return null;
      };
      /** A page received: its changes counted, the computer's cursor moved past them. */
      const take = (computer: Computer, page: PageEnd) => {
        report.pulled += page.changes.length;
        computer.cursor = page.next;
      };
      /**
       * Pages after the computer's cursor until it has all there is: the rest of what its
       * push's answer began, or, caught up, the empty page of a sync with nothing to do.
       */
      const pullAll = async (computer: Computer) => {
        let more = true;
        while (more) {
          const page = (await call(
            computer,
            'GET',
            `/v1/sync/pull?after=${computer.cursor}&limit=${MAX_PULL_CHANGES}`,
          )) as PageEnd | null;
          if (!page) return;
          take(computer, page);
          more = page.more;
        }
      };
      for (let round = 0; round < size.rounds; round++) {
        await Promise.all(
          computers.map(async (computer) => {
            const changes = batchOf(computer, school, member, round % 2 === 0);
            const answer = (await call(
              computer,
              'POST',
              '/v1/sync/push',
              JSON.stringify({
                basedOn: computer.cursor,
                changes,
                pull: { after: computer.cursor, limit: MAX_PULL_CHANGES },
              }),
            )) as { outcomes: unknown[]; page: PageEnd } | null;
            report.syncs += 1;
            if (!answer) return;
            report.outcomes += answer.outcomes.length;
            take(computer, answer.page);
            await pullAll(computer);
          }),
        );
      }
      // The last round's pushes that came after a computer's pull are still to fetch.
      for (const computer of computers) await pullAll(computer);
    } finally {
      await app.close();
      agent.destroy();
    }
    return report;
  });
}

/**
 * A computer's ten changes: ten new families, or the last ten renamed. A record is changed
 * once at most: every version of a row stays until the rehearsal's transaction ends, and a
 * long chain of them would slow each later read of the row.
 */
function batchOf(computer: Computer, school: string, member: string, make: boolean): PushChange[] {
  if (make) computer.families = Array.from({ length: 10 }, newId);
  return computer.families.map((id) => {
    computer.seq += 1;
    const values: Record<string, unknown> = make
      ? { id, schoolId: school, name: `Family ${computer.seq}`, address: null }
      : { name: `Family ${computer.seq}` };
    return {
      seq: computer.seq,
      table: 'households',
      rowId: id,
      hlc: formatHlc({ wall: Date.now(), counter: computer.seq, node: computer.id }),
      by: member,
      insert: make,
      values,
    };
  });
}

/** One request as a Hearth computer sends it (db/sync/client.ts), and its answer's JSON. */
function send(
  agent: Agent,
  port: number,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: string,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${token}`,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [COMPUTER_HEADER]: computerHeader({
        appVersion: 'rehearsal',
        changesWaiting: 0,
        conflictsWaiting: 0,
      }),
    };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        try {
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(parts).toString('utf8')),
          });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
