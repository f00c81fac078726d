import { teamOf, VISIBILITIES, type Staff, type Visibility } from '../../contract';

const WORDS: Record<Visibility, string> = {
  staff: 'All staff',
  'team:health': 'Health team only',
  'team:support': 'Student support team only',
  'team:admin': 'Administrators only',
  private: 'Only me',
};

/** Whom to ask about a record the viewer cannot read. */
const ASK: Record<Visibility, string> = {
  staff: '',
  'team:health': 'see the nurse',
  'team:support': 'see the student support team',
  'team:admin': 'see an administrator',
  private: '',
};

const KIND: Record<Visibility, string> = {
  staff: '',
  'team:health': 'Health',
  'team:support': 'Student support',
  'team:admin': 'Administration',
  private: 'Private',
};

export const visibilityName = (v: Visibility) => WORDS[v];

/** "Health note — see the nurse", or for a team member whose key has not arrived yet, "Health note — not readable here yet". */
export const restrictedLabel = (v: Visibility, what: 'note' | 'follow-up', waitingForKey = false) =>
  `${KIND[v]} ${what} — ${waitingForKey ? 'not readable here yet' : ASK[v]}`;

/** What this staff member can write for: all staff, their own teams, or themselves. */
export function writableVisibilities(staff: Staff): Visibility[] {
  return VISIBILITIES.filter((v) => {
    const team = teamOf(v);
    return team === null || staff.teams.includes(team);
  });
}

/** A sensible default: a nurse writes for the health team, everyone else for all staff. */
export function defaultVisibility(staff: Staff): Visibility {
  return staff.teams.includes('health') ? 'team:health' : 'staff';
}
