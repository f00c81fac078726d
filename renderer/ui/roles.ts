import type { StaffRole, Team } from '../../contract';

const ROLE_WORDS: Record<StaffRole, string> = {
  front_office: 'Front office',
  liaison: 'Family liaison',
  coordinator: 'Family engagement coordinator',
  nurse: 'Nurse',
  student_support: 'Student support',
  teacher: 'Teacher',
  administrator: 'Administrator',
};

const TEAM_WORDS: Record<Team, string> = {
  health: 'Health team',
  support: 'Student support team',
  admin: 'Administration team',
};

export const roleName = (role: StaffRole) => ROLE_WORDS[role];
export const teamName = (team: Team) => TEAM_WORDS[team];
