import type { PickupPermission } from '../records';
import type { CaregiverRole, Roster, RosterRole, UserRow } from './parse';

/**
 * How a roster's people become Hearth families, the same on the district server and on a
 * school's own computer: a caregiver's OneRoster role says how they are related and whether
 * they may pick up (parents and guardians may; a relative is "see the office" until a
 * caregiver says otherwise), a grade code is said as the school says it, and students and
 * caregivers joined by agent links form one family.
 */

export interface LinkDefaults {
  relationship: string;
  legalGuardian: boolean;
  pickup: PickupPermission;
  officeNote: string | null;
}

const RELATIVE_NOTE =
  'Listed in the district roster as a relative: check with a caregiver before releasing the student.';

export const CAREGIVER_LINK: Record<CaregiverRole, LinkDefaults> = {
  parent: { relationship: 'Parent', legalGuardian: true, pickup: 'allowed', officeNote: null },
  guardian: { relationship: 'Guardian', legalGuardian: true, pickup: 'allowed', officeNote: null },
  relative: {
    relationship: 'Relative',
    legalGuardian: false,
    pickup: 'see_office',
    officeNote: RELATIVE_NOTE,
  },
};

export const isCaregiverRole = (role: RosterRole): role is CaregiverRole => role in CAREGIVER_LINK;

/** The first caregiver role a user has, or null for staff and students. */
export const caregiverRoleOf = (user: UserRow): CaregiverRole | null =>
  user.roles.map((r) => r.role).find(isCaregiverRole) ?? null;

/** OneRoster grade codes as the school says them: KG is K, 03 is 3; others as given. */
export function gradeOf(grades: string[]): string {
  const [first] = grades;
  if (!first) return 'UG';
  if (first === 'KG') return 'K';
  return /^\d+$/.test(first) ? String(Number(first)) : first.slice(0, 20);
}

/** Each student's agents by sourcedId: the student's own list and everyone who names them. */
export function agentsByStudent(roster: Roster): Map<string, Set<string>> {
  const agentsOf = new Map<string, Set<string>>();
  const add = (student: string, agent: string) =>
    agentsOf.set(student, (agentsOf.get(student) ?? new Set()).add(agent));
  for (const user of roster.users) {
    const roles = new Set(user.roles.map((r) => r.role));
    if (roles.has('student')) for (const agent of user.agentSourcedIds) add(user.sourcedId, agent);
    else if ([...roles].some(isCaregiverRole))
      for (const child of user.agentSourcedIds) add(child, user.sourcedId);
  }
  return agentsOf;
}

/** Union-find over keys, to group students and caregivers linked to each other into families. */
export class FamilyGroups {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root)
      root = this.parent.get(root) as string;
    this.parent.set(key, root);
    return root;
  }
  join(a: string, b: string): void {
    this.parent.set(this.find(a), this.find(b));
  }
}

/** The name a roster family's new household gets. */
export const householdNameOf = (caregiver: UserRow) =>
  `${caregiver.familyName} family`.slice(0, 200);
