import { describe, expect, it } from 'vitest';
import {
  SMALL,
  dayEnd,
  dayStart,
  everyonesJob,
  insightsRows,
  countedMedian,
  shownCount,
  shownShare,
  toCsv,
  monthOf,
  monthsOf,
  schoolYearOf,
  termOf,
  twoWay,
  yearBefore,
  type CallInput,
} from '../../contract';
import { signInStaff } from '../fixtures';
import { fail, ok, tempCore } from '../helpers';
import { handCountedSchool } from '../insights-school';

const YEAR = { from: '2026-08-01', to: '2026-11-20' };

describe('partnership insights, counted by hand', () => {
  it('gives every figure of the school year as counted by hand', () => {
    const { core } = handCountedSchool();
    const figures = ok(core, 'insights.get', { period: YEAR });
    expect(figures.families).toBe(4);
    // Ahmed (2 students, good news first) and Brown (1 student, a concern first).
    expect(figures.positiveFirst).toEqual({ count: 2, of: 3 });
    expect(figures.goodNews).toEqual({ count: 2, of: 4 });
    expect(figures.waiting).toEqual({ count: 2, of: 4 });
    expect(figures.contacted).toEqual({ count: 2, of: 4 });
    expect(figures.twoWay.months).toEqual([
      { month: '2026-08', byDirection: { school_to_family: 0, family_to_school: 0, two_way: 0 } },
      { month: '2026-09', byDirection: { school_to_family: 2, family_to_school: 0, two_way: 0 } },
      { month: '2026-10', byDirection: { school_to_family: 0, family_to_school: 1, two_way: 0 } },
      { month: '2026-11', byDirection: { school_to_family: 0, family_to_school: 0, two_way: 1 } },
    ]);
    expect(figures.twoWay.startedByFamilies).toEqual({ count: 1, of: 4 });
    expect(figures.voice).toEqual({
      raised: 2,
      heard: 1,
      acted: 1,
      told: 1,
      medianDaysToTold: 10,
      openByAge: { 'under 1 week': 1, '1 to 4 weeks': 0, '1 to 3 months': 0, 'over 3 months': 0 },
    });
    // Days since the last contact, to the end of 20 November in Chicago (06:00 UTC on the 21st).
    expect(figures.reach.language).toEqual([
      {
        value: 'ar',
        families: 1,
        contacted: 1,
        goodNews: 1,
        medianDaysSinceContact: 41,
        neverContacted: 0,
      },
      {
        value: 'en',
        families: 1,
        contacted: 1,
        goodNews: 1,
        medianDaysSinceContact: 18,
        neverContacted: 0,
      },
      {
        value: 'es',
        families: 1,
        contacted: 0,
        goodNews: 0,
        medianDaysSinceContact: null,
        neverContacted: 1,
      },
      {
        value: 'zh',
        families: 1,
        contacted: 0,
        goodNews: 0,
        medianDaysSinceContact: 203,
        neverContacted: 0,
      },
    ]);
    expect(figures.reach.interpreter.map((r) => [r.value, r.families, r.contacted])).toEqual([
      ['no', 2, 1],
      ['yes', 2, 1],
    ]);
    expect(figures.reach.grade.map((r) => [r.value, r.families, r.goodNews])).toEqual([
      ['3', 2, 2],
      ['', 1, 0],
      ['1', 1, 0],
      ['K', 1, 1],
    ]);
    expect(figures.languages).toEqual({
      needInterpreter: 2,
      interpreterUsed: 1,
      withLanguage: 3,
      inFamilyLanguage: 2,
    });
    expect(figures.everyone.byRole).toEqual({ liaison: 2, administrator: 2 });
    expect(figures.everyone.months.map((m) => [m.month, m.staff, m.contacts])).toEqual([
      ['2026-08', 0, 0],
      ['2026-09', 2, 2],
      ['2026-10', 1, 1],
      ['2026-11', 1, 1],
    ]);
    expect(figures.everyone.liaisonShare).toEqual({ count: 2, of: 4 });
    expect(figures.strengths).toEqual({
      withStrength: { count: 1, of: 4 },
      byCategory: { skill: 1 },
      invited: 1,
      contributed: 1,
    });
    expect(figures.homeVisits.byStatus).toEqual({
      planned: 1,
      completed: 0,
      cancelled: 0,
      declined: 1,
    });
    expect(figures.homeVisits.byGrade).toEqual([
      { grade: '3', byStatus: { planned: 1, completed: 0, cancelled: 0, declined: 1 } },
      { grade: 'K', byStatus: { planned: 1, completed: 0, cancelled: 0, declined: 0 } },
    ]);
    // Nothing a year before: no comparison is offered.
    expect(figures.lastYear).toBeNull();
  });

  it('narrows every figure to a grade or a home language', () => {
    const { core } = handCountedSchool();
    const third = ok(core, 'insights.get', { period: YEAR, grade: '3' });
    expect(third.families).toBe(2);
    expect(third.positiveFirst).toEqual({ count: 2, of: 3 });
    expect(third.twoWay.total).toEqual({ school_to_family: 2, family_to_school: 1, two_way: 1 });
    // Ahmed's carpentry; Brown's strength is shared with its recorder alone.
    expect(third.strengths).toEqual({
      withStrength: { count: 1, of: 2 },
      byCategory: { skill: 1 },
      invited: 1,
      contributed: 1,
    });
    const chinese = ok(core, 'insights.get', { period: YEAR, language: 'zh' });
    expect(chinese.families).toBe(1);
    expect(chinese.waiting).toEqual({ count: 1, of: 1 });
    expect(chinese.twoWay.total).toEqual({ school_to_family: 0, family_to_school: 0, two_way: 0 });
    expect(chinese.voice.raised).toBe(0);
    expect(chinese.strengths.withStrength).toEqual({ count: 0, of: 1 });
  });

  it('counts a family told before its item was raised (two computers’ clocks disagree) as told that many days early', () => {
    let now = new Date('2026-11-10T18:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const family = ok(core, 'family.create', {
      name: 'Evans family',
      members: [{ person: { firstName: 'Eve' }, relationship: 'Mother' }],
      students: [],
    });
    const item = ok(core, 'voice.create', {
      householdId: family.id,
      kind: 'question',
      summary: 'Bus times?',
    });
    now = new Date('2026-11-07T18:00:00Z');
    for (const step of ['heard', 'acted', 'told'] as const)
      ok(core, 'voice.advance', { id: item.id, step, note: 'Sent the bus times.' });
    const figures = ok(core, 'insights.get', { period: YEAR });
    expect(figures.voice).toMatchObject({ raised: 1, told: 1, medianDaysToTold: -3 });
  });

  it('compares with the same days a year before once there are records then', () => {
    const { core } = handCountedSchool();
    const spring = ok(core, 'insights.get', { period: { from: '2027-04-01', to: '2027-05-31' } });
    expect(spring.lastYear).toEqual({
      positiveFirst: { count: 1, of: 1 },
      goodNews: { count: 1, of: 4 },
      contacted: { count: 1, of: 4 },
      startedByFamilies: { count: 0, of: 1 },
    });
  });

  it('opens the families behind a number: not contacted, or no good news, since a day', () => {
    const { core } = handCountedSchool();
    const names = (filter: CallInput<'family.list'>) =>
      ok(core, 'family.list', filter).rows.map((r) => r.household.name);
    expect(names({ notContactedSince: YEAR.from })).toEqual(['Chen family', 'Diaz family']);
    expect(names({ noGoodNewsSince: '2026-11-01' })).toEqual([
      'Ahmed family',
      'Chen family',
      'Diaz family',
    ]);
    expect(names({ noGoodNewsSince: '2026-11-01', language: 'ar' })).toEqual(['Ahmed family']);
    expect(ok(core, 'insights.get', { period: YEAR }).contacted.of - 2).toBe(
      names({ notContactedSince: YEAR.from }).length,
    );
  });

  it('opens the families behind a number of a period that ended: those contacted only after it count', () => {
    const { core } = handCountedSchool();
    // Diaz: the last evening of October in Chicago (inside the period), and just after it.
    const diaz =
      ok(core, 'family.list', {}).rows.find((r) => r.household.name === 'Diaz family')?.household
        .id ?? '';
    const dani = ok(core, 'family.get', { householdId: diaz }).members[0]?.id ?? '';
    for (const occurredAt of ['2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z'])
      ok(core, 'contact.log', {
        householdId: diaz,
        personId: dani,
        kind: 'call',
        direction: 'school_to_family',
        tone: 'good_news',
        summary: 'A call.',
        occurredAt,
      });
    const october = { from: '2026-10-01', to: '2026-10-31' };
    const figures = ok(core, 'insights.get', { period: october });
    const names = (filter: CallInput<'family.list'>) =>
      ok(core, 'family.list', filter).rows.map((r) => r.household.name);
    // Ahmed's concern (10 Oct) and Diaz's evening call; Brown's good news came on 2 Nov.
    const notContacted = names({
      notContactedSince: october.from,
      notContactedThrough: october.to,
    });
    expect(notContacted).toEqual(['Brown family', 'Chen family']);
    expect(notContacted).toHaveLength(figures.contacted.of - figures.contacted.count);
    // The day bound alone would have left Brown out (contacted since).
    expect(names({ notContactedSince: october.from })).toEqual(['Chen family']);
    const noGoodNews = names({ noGoodNewsSince: october.from, noGoodNewsThrough: october.to });
    expect(noGoodNews).toEqual(['Ahmed family', 'Brown family', 'Chen family']);
    expect(noGoodNews).toHaveLength(figures.goodNews.of - figures.goodNews.count);
    // With the other filters, and with no first day: no contact at all up to the end of one.
    expect(
      names({ notContactedSince: october.from, notContactedThrough: october.to, language: 'zh' }),
    ).toEqual(['Chen family']);
    expect(names({ notContactedThrough: '2026-08-31' })).toEqual([
      'Ahmed family',
      'Brown family',
      'Diaz family',
    ]);
    expect(names({ noGoodNewsThrough: '2026-09-30' })).toEqual(['Brown family', 'Diaz family']);
  });

  it('refuses a gap whose first day comes after its last, naming the field, in the list and its export', () => {
    const { core } = handCountedSchool();
    const reversed = { notContactedSince: '2026-11-02', notContactedThrough: '2026-11-01' };
    const issue = { path: 'notContactedSince', message: 'must be on or before the last day' };
    expect(fail(core, 'family.list', reversed).issues).toEqual([issue]);
    expect(fail(core, 'family.exportList', reversed).issues).toEqual([issue]);
    expect(
      fail(core, 'family.list', { noGoodNewsSince: '2026-10-02', noGoodNewsThrough: '2026-10-01' })
        .issues,
    ).toEqual([{ path: 'noGoodNewsSince', message: 'must be on or before the last day' }]);
    // One day is a whole gap; a first day with no last, or a last with no first, is no pair.
    for (const filter of [
      { notContactedSince: '2026-11-01', notContactedThrough: '2026-11-01' },
      { notContactedSince: '2026-11-02', noGoodNewsThrough: '2026-11-01' },
    ])
      expect(ok(core, 'family.list', filter).rows.length).toBeGreaterThan(0);
  });

  it('refuses a period that ends before it starts, naming the field', () => {
    const { core } = handCountedSchool();
    const error = fail(core, 'insights.get', { period: { from: '2026-11-01', to: '2026-10-01' } });
    expect(error.issues).toEqual([{ path: 'period.to', message: 'must start before it ends' }]);
  });

  it('refuses a period outside the years it counts, naming the field', () => {
    const { core } = handCountedSchool();
    const error = fail(core, 'insights.get', { period: { from: '1850-01-01', to: '1850-02-01' } });
    expect(error.issues).toEqual([
      { path: 'period.from', message: 'must fall between 1901 and 2199' },
    ]);
  });
});

describe('school goals', () => {
  const goodNewsGoal = {
    title: 'Every family hears good news before the break',
    measure: 'goodNews' as const,
    target: 100,
    startsOn: '2026-11-01',
    dueOn: '2026-12-18',
  };

  it('measure progress from their start, and name the families they are still waiting for', () => {
    const { core } = handCountedSchool();
    const goal = ok(core, 'goal.set', goodNewsGoal);
    // Since 1 November only the Browns heard good news (2 Nov).
    expect(ok(core, 'goal.list', {}).map((g) => [g.title, g.progress])).toEqual([
      [goodNewsGoal.title, { count: 1, of: 4 }],
    ]);
    const [ahmed, brown] = ok(core, 'family.list', {}).rows.map((r) => r.household.id);
    expect(ok(core, 'goal.waitingFamily', { householdId: ahmed ?? '' })).toEqual([
      { id: goal.id, title: goodNewsGoal.title, dueOn: '2026-12-18', measure: 'goodNews' },
    ]);
    expect(ok(core, 'goal.waitingFamily', { householdId: brown ?? '' })).toEqual([]);
    // Good news for the Ahmeds moves the goal and takes them off its list.
    ok(core, 'contact.log', {
      householdId: ahmed ?? '',
      kind: 'call',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Sami read his poem at assembly.',
    });
    expect(ok(core, 'goal.list', {})[0]?.progress).toEqual({ count: 2, of: 4 });
    expect(ok(core, 'goal.waitingFamily', { householdId: ahmed ?? '' })).toEqual([]);
    ok(core, 'goal.retire', { id: goal.id });
    expect(ok(core, 'goal.list', {})).toEqual([]);
  });

  it('are set by administrators and coordinators only, with dates in order', () => {
    const { core } = handCountedSchool();
    const backwards = fail(core, 'goal.set', { ...goodNewsGoal, dueOn: '2026-10-01' });
    expect(backwards.issues).toEqual([{ path: 'dueOn', message: 'must come after the start' }]);
    signInStaff(core, 'liaison password', (s) => s.role === 'liaison');
    expect(fail(core, 'goal.set', goodNewsGoal).code).toBe('UNAUTHORIZED');
    expect(ok(core, 'goal.list', {})).toEqual([]);
  });
});

describe('a strength’s two steps', () => {
  it('go in order, each once: invited, then contributed', () => {
    const core = tempCore({ setup: 'school' });
    const household = ok(core, 'household.create', { name: 'Okafor' });
    const strength = ok(core, 'strength.create', {
      householdId: household.id,
      category: 'profession',
      description: 'Nurse; could talk at career day',
      consent: 'staff',
      source: 'conference',
    });
    expect(fail(core, 'strength.advance', { id: strength.id, step: 'contributed' }).code).toBe(
      'CONFLICT',
    );
    const invited = ok(core, 'strength.advance', { id: strength.id, step: 'invited' });
    expect(invited.invitedAt).not.toBeNull();
    expect(fail(core, 'strength.advance', { id: strength.id, step: 'invited' }).code).toBe(
      'CONFLICT',
    );
    const contributed = ok(core, 'strength.advance', { id: strength.id, step: 'contributed' });
    expect(contributed.contributedBy).toBe(invited.invitedBy);
  });
});

describe('figures that leave the school', () => {
  it('never show a count from 1 to 4, nor a share that would give one away', () => {
    expect([0, 1, 4, 5, 1234].map(shownCount)).toEqual(['0', SMALL, SMALL, '5', '1,234']);
    expect(shownShare({ count: 0, of: 0 })).toBe('—');
    expect(shownShare({ count: 3, of: 40 })).toBe('withheld');
    expect(shownShare({ count: 37, of: 40 })).toBe('withheld');
    expect(shownShare({ count: 20, of: 40 })).toBe('50%');
    expect(shownShare({ count: 0, of: 40 })).toBe('0%');
  });

  it('suppress every small count in the CSV of the hand-counted school', () => {
    const { core } = handCountedSchool();
    const rows = insightsRows(ok(core, 'insights.get', { period: YEAR }));
    expect(rows[0]).toEqual(['Section', 'Row', 'Column', 'Value']);
    expect(rows).toContainEqual(['Families', '', 'count', SMALL]);
    for (const [, , column, value] of rows.slice(1)) {
      if (column === 'from' || column === 'to' || column === 'days') continue;
      expect(value, `${column} ${value}`).toMatch(
        /^(0|—|withheld|fewer than 5|\d+%|[5-9]|\d{2,}.*)$/,
      );
    }
    expect(toCsv(rows)).not.toMatch(/,(1|2|3|4)\r\n/);
  });
});

describe('the measures and periods, without a database', () => {
  it('finds the school year, the term and the month of a day, and the same days a year before', () => {
    expect(schoolYearOf('2026-07-31')).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(schoolYearOf('2026-08-01')).toEqual({ from: '2026-08-01', to: '2026-08-01' });
    expect(termOf('2027-02-10')).toEqual({ from: '2027-01-01', to: '2027-02-10' });
    expect(termOf('2026-09-10')).toEqual({ from: '2026-08-01', to: '2026-09-10' });
    expect(monthOf('2026-11-20')).toEqual({ from: '2026-11-01', to: '2026-11-20' });
    expect(yearBefore({ from: '2028-02-29', to: '2028-03-01' })).toEqual({
      from: '2027-02-28',
      to: '2027-03-01',
    });
    expect(monthsOf({ from: '2026-11-20', to: '2027-02-01' })).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('writes a school day’s start and end as UTC instants, which compare as text with stored ones', () => {
    expect(dayStart('2026-12-01', 'America/Chicago')).toBe('2026-12-01T06:00:00.000Z');
    expect(dayEnd('2026-12-03', 'America/Chicago')).toBe('2026-12-04T06:00:00.000Z');
    expect(dayStart('2026-07-01', 'America/Chicago')).toBe('2026-07-01T05:00:00.000Z');
    // An evening contact (21:15 in Chicago, past midnight UTC) is inside its school day.
    expect('2026-12-04T03:15:00.000Z' < dayEnd('2026-12-03', 'America/Chicago')).toBe(true);
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    const counted = (values: number[]) =>
      countedMedian(
        values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<number, number>()),
      );
    expect(counted([])).toBeNull();
    expect(counted([5, 1, 3])).toBe(3);
    expect(counted([4, 1, 3, 10])).toBe(3.5);
    expect(counted([2, 9, 2, 2])).toBe(2);
    expect(counted([7, 7])).toBe(7);
  });

  it('says so when liaisons carry more while everyone else does less', () => {
    const month = (m: string, liaison: number, teacher: number) => [
      { month: m, staffId: 'l', role: 'liaison' as const, contacts: liaison },
      { month: m, staffId: 't', role: 'teacher' as const, contacts: teacher },
    ];
    const narrowing = everyonesJob(
      [...month('2026-09', 5, 5), ...month('2026-10', 8, 2)],
      ['2026-09', '2026-10'],
    );
    expect(narrowing.trend).toBe('narrowing');
    const shared = everyonesJob(
      [...month('2026-09', 5, 5), ...month('2026-10', 6, 6)],
      ['2026-09', '2026-10'],
    );
    expect(shared.trend).toBeNull();
    expect(twoWay([], ['2026-09']).startedByFamilies).toEqual({ count: 0, of: 0 });
  });
});
