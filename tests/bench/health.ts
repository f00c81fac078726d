import { MED_ROUTES } from '../../contract';
import { callOrThrow, type Core } from '../../db/core';
import { medOrder } from '../fixtures';
import { percentile, round } from './stats';

const NURSE_PASSWORD = 'bench nurse password';

/**
 * The nurse's office on the scale database, as a nurse signed in on the health team.
 * `health_visit_log_p95_ms`: one routine office visit logged, its arrival and its end, each
 * sealed with the health team's key and audited (200 visits; the first 10 warm up).
 * `nurse_day_ms`: the nurse's day opened with 40 medication orders (a few doses already
 * recorded) and 30 of today's visits: every call the screen makes (the day, today's visits,
 * the nurse's follow-ups and recent health notes). Median of ten.
 */
export function healthBenchmarks(
  core: Core,
  results: Record<string, number>,
  options: { quick: boolean; password: string; log: (message: string) => void },
): void {
  const admin = callOrThrow(core, 'app.status', {}).staff;
  if (!admin) throw new Error('no one signed in');
  const nurse = callOrThrow(core, 'staff.create', {
    displayName: 'Bench Nurse',
    role: 'nurse',
    teams: ['health'],
    password: NURSE_PASSWORD,
  });
  const signIn = (staffId: string, password: string) => {
    callOrThrow(core, 'session.lock', {});
    callOrThrow(core, 'session.signIn', { staffId, password });
  };
  signIn(nurse.id, NURSE_PASSWORD);
  const students = (
    core.store.db.prepare('SELECT id FROM students ORDER BY random() LIMIT 240').all() as {
      id: string;
    }[]
  ).map((s) => s.id);

  const visitSamples: number[] = [];
  const logVisit = (studentId: string) => {
    const start = performance.now();
    const visit = callOrThrow(core, 'health.visitStart', {
      studentId,
      reason: 'illness',
      assessment: 'Headache since recess; no fever.',
    });
    callOrThrow(core, 'health.visitEnd', {
      id: visit.id,
      reason: 'illness',
      assessment: 'Headache since recess; no fever.',
      careGiven: 'Water and rest for 15 minutes.',
      disposition: 'rested_returned',
    });
    visitSamples.push(performance.now() - start);
  };
  students.slice(0, 30).forEach(logVisit);

  students.slice(200, 240).forEach((studentId, i) => {
    const order = callOrThrow(core, 'health.saveMedOrder', {
      ...medOrder(studentId),
      medication: `Medication ${i}`,
      route: MED_ROUTES[i % MED_ROUTES.length] ?? 'oral',
      times: i % 4 === 0 ? [] : ['08:30', '11:30', '14:00'].slice(0, 1 + (i % 3)),
      asNeeded: i % 4 === 0,
      startOn: '2026-01-01',
      supplyCount: 60,
    });
    if (i % 2 === 1)
      callOrThrow(core, 'health.recordDose', {
        orderId: order.id,
        slot: '08:30',
        outcome: 'given',
      });
  });
  const daySamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    const day = callOrThrow(core, 'health.day', {});
    callOrThrow(core, 'health.today', {});
    callOrThrow(core, 'followUp.mine', {});
    callOrThrow(core, 'note.recent', { visibility: 'team:health', limit: 50 });
    daySamples.push(performance.now() - start);
    if (day.doses.length + day.asNeeded.length < 40)
      throw new Error(`the nurse's day listed ${day.doses.length} doses`);
  }
  options.log(`nurse's day: ${daySamples.map((s) => round(s, 1)).join(', ')} ms`);
  results.nurse_day_ms = round(percentile(daySamples, 50), 1);

  students.slice(30, options.quick ? 60 : 200).forEach(logVisit);
  options.log(`${visitSamples.length} office visits logged`);
  results.health_visit_log_p95_ms = round(percentile(visitSamples.slice(10), 95), 3);
  signIn(admin.id, options.password);
}
