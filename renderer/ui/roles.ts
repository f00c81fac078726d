import { defineMessages } from 'react-intl';
import type { StaffRole, Team } from '../../contract';
import { t } from '../i18n/intl';

const ROLE_WORDS = defineMessages<StaffRole>({
  front_office: { defaultMessage: 'Front office', id: 'wvTCTE' },
  liaison: { defaultMessage: 'Family liaison', id: 'XX+QMA' },
  coordinator: { defaultMessage: 'Family engagement coordinator', id: '5nq/nn' },
  nurse: { defaultMessage: 'Nurse', id: '76RuB3' },
  student_support: { defaultMessage: 'Student support', id: 'vu9o3M' },
  teacher: { defaultMessage: 'Teacher', id: 'u7E3Yk' },
  administrator: { defaultMessage: 'Administrator', id: '3wmuyF' },
});

const TEAM_WORDS = defineMessages<Team>({
  health: { defaultMessage: 'Health team', id: 'mTMdiX' },
  support: { defaultMessage: 'Student support team', id: 'hdMmpo' },
  admin: { defaultMessage: 'Administration team', id: 'IEfk+h' },
});

export const roleName = (role: StaffRole) => t(ROLE_WORDS[role]);
export const teamName = (team: Team) => t(TEAM_WORDS[team]);
