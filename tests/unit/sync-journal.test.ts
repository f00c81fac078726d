import { addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { PullPage, PushChange, PushResult, SyncLog } from '../../contract';
import type { Core } from '../../db/core';
import { JOURNAL_DAYS } from '../../db/sync/journal';
import { tempCore, ok } from '../helpers';

/**
 * A computer's side of a resync after the district restores its database from a backup
 * (db/sync/journal.ts): what the district acknowledged is kept for a while, and an answer
 * with a new epoch puts back in the outbox what the restored database lacks. The core and
 * its SQLite file are real; the district's answers are written out here. (With a real server
 * and pg_dump: tests/integration/backup-restore.test.ts.)
 */

const log = (epoch: string, head = 0, resendAfter = 0): SyncLog => ({ epoch, head, resendAfter });

const sentCount = (core: Core) =>
  (core.store.db.prepare('SELECT count(*) AS n FROM sent_changes').get() as { n: number }).n;

const meta = (core: Core, key: string) =>
  (
    core.store.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined
  )?.value;

/** Push everything pending and have the district take it all, with `answer`'s additions. */
function pushAll(core: Core, answer: Partial<PushResult> = {}): PushChange[] {
  const batch = core.sync.nextBatch(1_000);
  const last = batch[batch.length - 1]?.seq ?? 0;
  core.sync.acknowledge(batch, { acknowledged: last, outcomes: [], ...answer });
  return batch;
}

const page = (answer: Partial<PullPage>): PullPage => ({
  changes: [],
  next: 0,
  more: false,
  audiences: [],
  keys: 0,
  ...answer,
});

function school(now: () => Date = () => new Date()) {
  const core = tempCore({ setup: 'school', now });
  return core;
}

describe('the journal of acknowledged changes', () => {
  it('keeps what the district took, not what it refused, for JOURNAL_DAYS', () => {
    let today = new Date('2026-12-01T15:00:00Z');
    const core = school(() => today);
    const kept = ok(core, 'household.create', { name: 'Okafor', address: null });
    ok(core, 'household.create', { name: 'Refused', address: null });
    const batch = core.sync.nextBatch(1_000);
    const refused = batch.find((c) => c.values.name === 'Refused');
    pushAll(core, {
      log: log('first'),
      outcomes: [
        {
          seq: refused?.seq ?? 0,
          status: 'rejected',
          reason: 'No.',
          current: {},
          overwrote: {},
          missing: false,
        },
      ],
    });
    expect(core.sync.pending()).toBe(0);
    const rows = core.store.db.prepare('SELECT row_id FROM sent_changes').all() as {
      row_id: string;
    }[];
    expect(rows.map((r) => r.row_id)).toContain(kept.id);
    expect(rows.map((r) => r.row_id)).not.toContain(refused?.rowId);

    // Entries older than JOURNAL_DAYS leave at the next acknowledgement.
    const before = sentCount(core);
    today = addDays(today, JOURNAL_DAYS + 1);
    ok(core, 'household.create', { name: 'Reyes', address: null });
    pushAll(core, { log: log('first') });
    expect(sentCount(core)).toBeLessThan(before + 1);
    expect(sentCount(core)).toBeGreaterThan(0);
    const left = core.store.db
      .prepare('SELECT min(acknowledged_at) AS at FROM sent_changes')
      .get() as {
      at: string;
    };
    expect(left.at).toBe(today.toISOString());
  });

  it('the first epoch heard is only remembered; the same one again changes nothing', () => {
    const core = school();
    ok(core, 'household.create', { name: 'Okafor', address: null });
    pushAll(core, { log: log('first') });
    expect(meta(core, 'sync_epoch')).toBe('first');
    const held = sentCount(core);
    core.sync.applyPage(page({ next: 7, log: log('first') }));
    expect(core.sync.pending()).toBe(0);
    expect(sentCount(core)).toBe(held);
    expect(core.sync.cursor()).toBe(7);
  });

  it('a new epoch in a page puts back what the restored district lacks, and moves the cursor back', () => {
    const core = school();
    ok(core, 'household.create', { name: 'Before the backup', address: null });
    const early = pushAll(core, { log: log('first') });
    const family = ok(core, 'household.create', { name: 'After the backup', address: null });
    pushAll(core, { log: log('first') });
    core.sync.applyPage(page({ next: 40, log: log('first') }));
    core.store.db.prepare("UPDATE meta SET value = '12' WHERE key = 'sync_audit_uploaded'").run();
    core.store.db.prepare('UPDATE team_keys SET uploaded = 1').run();
    // A change made since, not yet pushed: it must still travel with its own newer clock.
    ok(core, 'household.update', { id: family.id, name: 'Renamed offline' });

    const lastEarly = early[early.length - 1]?.seq ?? 0;
    const effect = core.sync.applyPage(page({ next: 41, log: log('second', 30, lastEarly) }));
    expect(effect.effect).toBe('restored');
    expect(core.sync.cursor()).toBe(30);
    expect(meta(core, 'sync_audit_uploaded')).toBe('0');
    const notUploaded = core.store.db
      .prepare('SELECT count(*) AS n FROM team_keys WHERE uploaded = 1')
      .get() as { n: number };
    expect(notUploaded.n).toBe(0);

    const again = core.sync.nextBatch(1_000);
    // What the backup held is not sent again; what it lacks is, before the newer edit.
    expect(again.some((c) => c.values.name === 'Before the backup')).toBe(false);
    const created = again.find((c) => c.rowId === family.id && c.insert);
    const renamed = again.find((c) => c.rowId === family.id && !c.insert);
    expect(created?.values).toMatchObject({ name: 'Renamed offline' });
    expect(renamed?.values).toEqual({ name: 'Renamed offline' });
    expect((created?.seq ?? 0) < (renamed?.seq ?? 0)).toBe(true);
    expect((created?.hlc ?? '') < (renamed?.hlc ?? '')).toBe(true);
  });

  it('a new epoch in a push’s answer keeps that batch taken and puts back only what came before it', () => {
    const core = school();
    const first = ok(core, 'household.create', { name: 'Acknowledged before', address: null });
    pushAll(core, { log: log('first') });
    const second = ok(core, 'household.create', {
      name: 'Pushed to the restored one',
      address: null,
    });
    const batch = pushAll(core, { log: log('second', 0, 0) });
    expect(batch.map((c) => c.rowId)).toEqual([second.id]);
    const again = core.sync.nextBatch(1_000).map((c) => c.rowId);
    expect(again).toContain(first.id);
    expect(again).not.toContain(second.id);
    expect(sentCount(core)).toBe(1);
  });

  it('a conflict whose two values are the same is not listed', () => {
    const core = school();
    const family = ok(core, 'household.create', { name: 'Okafor', address: null });
    pushAll(core);
    ok(core, 'household.update', { id: family.id, name: 'Okafor-Reyes' });
    const [change] = core.sync.nextBatch(10);
    const later = '999999999999999.000000.other';
    core.sync.acknowledge(change ? [change] : [], {
      acknowledged: change?.seq ?? 0,
      outcomes: [
        {
          seq: change?.seq ?? 0,
          status: 'superseded',
          reason: null,
          current: { name: { value: 'Okafor-Reyes', hlc: later } },
          overwrote: {},
          missing: false,
        },
      ],
    });
    expect(ok(core, 'sync.status', {}).conflicts).toBe(0);
  });
});
