import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import { ensureInsightTallies, ensureSchoolMonths } from '../../db/insights/tallies';
import { setMeta } from '../../db/store';
import { ok } from '../helpers';
import { handCountedSchool } from '../insights-school';

/**
 * Insights read whole months from tallies counted ahead (migration 0015) and the rest contact
 * by contact. These tests hold the tallies to their invariant (equal to a recount from the
 * contacts, whatever was written since) and the split to the hand counts.
 */

const TALLIES = [
  'SELECT * FROM contact_month_tallies WHERE contacts <> 0 ORDER BY 1, 2, 3, 4',
  'SELECT * FROM contact_language_tallies WHERE contacts <> 0 ORDER BY 1, 2, 3, 4, 5',
  'SELECT * FROM family_contact_years ORDER BY 1, 2',
];

function schoolOf(core: Core) {
  return core.store.sql('SELECT id, time_zone AS timeZone FROM schools').get() as {
    id: string;
    timeZone: string;
  };
}

/** The tallies as they stand, and as a recount from the contacts gives them. */
function talliesAndRecount(core: Core) {
  ok(core, 'insights.get', { period: { from: '2026-08-01', to: '2026-11-20' } });
  const read = () => TALLIES.map((sql) => core.store.sql(sql).all());
  const kept = read();
  setMeta(core.store, `insight_months:${schoolOf(core).id}`, 'recount');
  ensureInsightTallies(core.store);
  return { kept, recounted: read() };
}

const membersOf = (core: Core, name: string) => {
  const householdId = ok(core, 'family.list', { text: name }).rows[0]?.household.id ?? '';
  return { householdId, members: ok(core, 'family.get', { householdId }).members };
};

describe('Insights counted ahead', () => {
  it('read a period that cuts a month at either end as the hand counts give it', () => {
    const { core } = handCountedSchool();
    // 4 Sep to 2 Nov: Ahmed's good news of 3 Sep is before it; Brown's concern (5 Sep) and
    // good news (2 Nov) and Amal's concern (10 Oct) are in it.
    const toSecond = ok(core, 'insights.get', { period: { from: '2026-09-04', to: '2026-11-02' } });
    expect(toSecond.contacted).toEqual({ count: 2, of: 4 });
    expect(toSecond.goodNews).toEqual({ count: 1, of: 4 });
    expect(toSecond.waiting).toEqual({ count: 2, of: 4 });
    expect(toSecond.positiveFirst).toEqual({ count: 2, of: 3 });
    expect(toSecond.twoWay.total).toEqual({ school_to_family: 1, family_to_school: 1, two_way: 1 });
    expect(toSecond.languages).toEqual({
      needInterpreter: 1,
      interpreterUsed: 0,
      withLanguage: 2,
      inFamilyLanguage: 1,
    });
    // To 1 Nov, Brown's good news has not happened yet: nobody heard any in the period, and
    // three families are still waiting for good news this school year.
    const toFirst = ok(core, 'insights.get', { period: { from: '2026-09-04', to: '2026-11-01' } });
    expect(toFirst.goodNews).toEqual({ count: 0, of: 4 });
    expect(toFirst.waiting).toEqual({ count: 3, of: 4 });
    expect(toFirst.twoWay.total).toEqual({ school_to_family: 1, family_to_school: 1, two_way: 0 });
    // Days since the last contact count from the period's end, whatever came after it.
    const grade3 = toFirst.reach.grade.find((r) => r.value === '3');
    // Ahmed's last before 2 Nov is 10 Oct (22 days), Brown's 5 Sep (57 days): median 39.5.
    expect(grade3?.medianDaysSinceContact).toBe(39.5);
  });

  it('stay equal to a recount after contacts, people and families change', () => {
    const { core } = handCountedSchool();
    const ahmed = membersOf(core, 'Ahmed');
    const amal = ahmed.members[0];
    if (!amal) throw new Error('no Amal');
    // The family no longer needs an interpreter and speaks Spanish at home: every contact of
    // theirs is counted again under the new profile.
    ok(core, 'person.update', { id: amal.id, interpreter: 'none', homeLanguage: 'es' });
    const brown = membersOf(core, 'Brown');
    const bo = brown.members[0];
    if (!bo) throw new Error('no Bo');
    ok(core, 'contact.log', {
      householdId: brown.householdId,
      personId: bo.id,
      kind: 'call',
      direction: 'two_way',
      tone: 'good_news',
      language: 'es',
      interpreterUsed: false,
      summary: 'Good news about reading.',
      occurredAt: '2026-11-03T15:00:00Z',
    });
    // Bo turns out to be Amal: his contacts move to the Ahmed family.
    ok(core, 'person.merge', { keepId: amal.id, mergeId: bo.id });
    const { kept, recounted } = talliesAndRecount(core);
    expect(kept).toEqual(recounted);
    const figures = ok(core, 'insights.get', { period: { from: '2026-08-01', to: '2026-11-20' } });
    expect(figures.languages.needInterpreter).toBe(0);
  });

  it('profile a family whose new person took the key of one deleted', () => {
    const { core } = handCountedSchool();
    const year = { period: { from: '2026-08-01', to: '2026-11-20' } };
    const person = (householdId: string, firstName: string, homeLanguage: string | null) =>
      ok(core, 'person.create', { kind: 'caregiver', firstName, householdId, homeLanguage });
    const pkOf = (id: string) =>
      core.store.sql('SELECT pk FROM people WHERE id = ?').pluck().get(id);
    const temp = person(membersOf(core, 'Brown').householdId, 'Tem', null);
    ok(core, 'insights.get', year);
    const tempKey = pkOf(temp.id);
    // A copy the computer may no longer hold is deleted (db/sync/apply.ts), and the next
    // person added takes its key.
    core.store.sql('DELETE FROM people WHERE id = ?').run(temp.id);
    const nadia = person(membersOf(core, 'Chen').householdId, 'Nadia', 'so');
    expect(pkOf(nadia.id)).toBe(tempKey);
    const somali = ok(core, 'insights.get', year).reach.language.find((r) => r.value === 'so');
    expect(somali?.families).toBe(1);
  });

  it('put a contact in the school’s own month, and count again when its time zone changes', () => {
    const { core } = handCountedSchool();
    const brown = membersOf(core, 'Brown');
    // 1 Nov 04:30 UTC is 31 Oct 23:30 in Chicago (daylight time) and 00:30 on 1 Nov in New York.
    ok(core, 'contact.log', {
      householdId: brown.householdId,
      personId: brown.members[0]?.id ?? '',
      kind: 'call',
      direction: 'family_to_school',
      tone: 'information',
      summary: 'A late call.',
      occurredAt: '2026-11-01T04:30:00Z',
    });
    const months = () =>
      Object.fromEntries(
        ok(core, 'insights.get', {
          period: { from: '2026-10-01', to: '2026-11-20' },
        }).twoWay.months.map((m) => [m.month, m.byDirection.family_to_school]),
      );
    expect(months()).toEqual({ '2026-10': 2, '2026-11': 0 });
    core.store.db.transaction(() =>
      ensureSchoolMonths(core.store, schoolOf(core).id, 'America/New_York'),
    )();
    expect(months()).toEqual({ '2026-10': 1, '2026-11': 1 });
  });
});
