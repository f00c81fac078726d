import { defineMessages } from 'react-intl';
import { teamOf, VISIBILITIES, type Staff, type Visibility } from '../../contract';
import { t } from '../i18n/intl';

const WORDS = defineMessages<Visibility>({
  staff: { defaultMessage: 'All staff', id: 'YqmsSN' },
  'team:health': { defaultMessage: 'Health team only', id: '27FfeO' },
  'team:support': { defaultMessage: 'Student support team only', id: 'wR2Mn0' },
  'team:admin': { defaultMessage: 'Administrators only', id: '8Jcamr' },
  private: { defaultMessage: 'Only me', id: 'SsCPKP' },
});

export const visibilityName = (v: Visibility) => t(WORDS[v]);

type Restricted = Exclude<Visibility, 'staff'>;

const NOTE_NAMES = defineMessages<Restricted>({
  'team:health': { defaultMessage: 'Health note', id: 'gR3ILF' },
  'team:support': { defaultMessage: 'Student support note', id: 'eeYAHr' },
  'team:admin': { defaultMessage: 'Administration note', id: 'O8z6Sd' },
  private: { defaultMessage: 'Private note', id: 'W3iqKp' },
});

const FOLLOW_UP_NAMES = defineMessages<Restricted>({
  'team:health': { defaultMessage: 'Health follow-up', id: 'wY/5mj' },
  'team:support': { defaultMessage: 'Student support follow-up', id: 'e5Gi8r' },
  'team:admin': { defaultMessage: 'Administration follow-up', id: 'FY6oGT' },
  private: { defaultMessage: 'Private follow-up', id: 'xr8Lh2' },
});

/** Whom to ask about a record the viewer cannot read. */
const ASK = defineMessages<Restricted>({
  'team:health': { defaultMessage: 'see the nurse', id: 'MwORAx' },
  'team:support': { defaultMessage: 'see the student support team', id: 'rM9Dnf' },
  'team:admin': { defaultMessage: 'see an administrator', id: 'P1BeFy' },
  private: { defaultMessage: 'kept private by its writer', id: 'BrBsNf' },
});

/** "Health note — see the nurse", or for a team member whose key has not arrived yet, "Health note — not readable here yet". */
export function restrictedLabel(v: Visibility, what: 'note' | 'follow-up', waitingForKey = false) {
  if (v === 'staff') return '';
  const name = t((what === 'note' ? NOTE_NAMES : FOLLOW_UP_NAMES)[v]);
  const reason = waitingForKey
    ? t({ defaultMessage: 'not readable here yet', id: '/8apbx' })
    : t(ASK[v]);
  return t({ defaultMessage: '{name} — {reason}', id: 'KcyV1r' }, { name, reason });
}

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
