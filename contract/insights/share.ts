import { CONTACT_DIRECTIONS, HOME_VISIT_STATUSES } from '../records';
import { REACH_GROUPS, VOICE_AGES, share, type Measure } from './measures';
import type { Insights } from './view';

/**
 * What leaves the school (a printed summary, a CSV file, the district's view) never shows a
 * count from 1 to 4, so no family can be recognised from it: such a count is "fewer than 5",
 * and a share is withheld when what it counts, what it is out of, or the difference between
 * them is that small (92 of 95 would give away the 3). Zero is shown: it names no one. The
 * screen itself shows staff every count.
 */
export const SMALL = 'fewer than 5';

export const isSmall = (n: number) => n >= 1 && n <= 4;

export const shownCount = (n: number): string => (isSmall(n) ? SMALL : n.toLocaleString('en-US'));

export function shownShare(m: Measure): string {
  const s = share(m);
  if (s === null) return '—';
  if (isSmall(m.count) || isSmall(m.of) || isSmall(m.of - m.count)) return 'withheld';
  return `${Math.round(s * 100)}%`;
}

/** One row of a shared table: what, and its figures already made safe to share. */
export type SharedRow = string[];

/** Every table of the screen as CSV rows (section, row, column, value), counts made safe. */
export function insightsRows(f: Insights): SharedRow[] {
  const rows: SharedRow[] = [['Section', 'Row', 'Column', 'Value']];
  const measure = (section: string, row: string, m: Measure) =>
    rows.push(
      [section, row, 'count', shownCount(m.count)],
      [section, row, 'of', shownCount(m.of)],
      [section, row, 'share', shownShare(m)],
    );
  rows.push(['Period', '', 'from', f.period.from], ['Period', '', 'to', f.period.to]);
  rows.push(['Families', '', 'count', shownCount(f.families)]);
  measure('Positive contact first', 'Good news first (students)', f.positiveFirst);
  measure('Positive contact first', 'Good news in the period', f.goodNews);
  measure('Positive contact first', 'Still waiting for good news', f.waiting);
  measure('Positive contact first', 'Contacted in the period', f.contacted);
  for (const m of f.twoWay.months)
    for (const d of CONTACT_DIRECTIONS)
      rows.push(['Two-way', m.month, d, shownCount(m.byDirection[d])]);
  measure('Two-way', 'Started by families', f.twoWay.startedByFamilies);
  for (const step of ['raised', 'heard', 'acted', 'told'] as const)
    rows.push(['Family voice', step, 'count', shownCount(f.voice[step])]);
  rows.push([
    'Family voice',
    'median days to told',
    'days',
    String(f.voice.medianDaysToTold ?? ''),
  ]);
  for (const age of VOICE_AGES)
    rows.push(['Family voice', `open ${age}`, 'count', shownCount(f.voice.openByAge[age])]);
  for (const group of REACH_GROUPS)
    for (const r of f.reach[group]) {
      const name = `${group}: ${r.value || 'none recorded'}`;
      rows.push(['Reach', name, 'families', shownCount(r.families)]);
      rows.push(['Reach', name, 'contacted', shownShare({ count: r.contacted, of: r.families })]);
      rows.push(['Reach', name, 'good news', shownShare({ count: r.goodNews, of: r.families })]);
      rows.push([
        'Reach',
        name,
        'median days since contact',
        isSmall(r.families) ? 'withheld' : String(r.medianDaysSinceContact ?? ''),
      ]);
    }
  measure('Languages', 'With an interpreter', {
    count: f.languages.interpreterUsed,
    of: f.languages.needInterpreter,
  });
  measure('Languages', 'In the family’s language', {
    count: f.languages.inFamilyLanguage,
    of: f.languages.withLanguage,
  });
  for (const [role, n] of Object.entries(f.everyone.byRole))
    rows.push(['Everyone’s job', role, 'contacts', shownCount(n)]);
  for (const m of f.everyone.months)
    rows.push(['Everyone’s job', m.month, 'staff who contacted families', shownCount(m.staff)]);
  measure('Everyone’s job', 'Liaisons and coordinators', f.everyone.liaisonShare);
  measure('Strengths', 'Families with a strength', f.strengths.withStrength);
  rows.push(['Strengths', 'invited to share', 'count', shownCount(f.strengths.invited)]);
  rows.push(['Strengths', 'contributed by families', 'count', shownCount(f.strengths.contributed)]);
  for (const [category, n] of Object.entries(f.strengths.byCategory))
    rows.push(['Strengths', category, 'count', shownCount(n)]);
  for (const g of f.homeVisits.byGrade)
    for (const s of HOME_VISIT_STATUSES)
      rows.push(['Home visits', g.grade || 'no student', s, shownCount(g.byStatus[s])]);
  return rows;
}
