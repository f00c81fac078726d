import { addBusinessDays, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { newId, type School, type Staff, type Visibility } from '../../contract';
import type { UnlockedStaffKeys } from '../privacy/credentials';
import { openKeyring, reconcileTeamKeys, type Keyring } from '../privacy/keyring';
import { writeNewFollowUp } from '../ops/follow-ups';
import { writeNoteRevision } from '../ops/notes';
import type { Store } from '../store';
import type { Writer } from '../write';

const NOTES: { role: Staff['role']; visibility: Visibility; subject: string; body: string }[] = [
  {
    role: 'nurse',
    visibility: 'team:health',
    subject: 'Asthma action plan on file',
    body: 'Inhaler is kept in the health office. Caregiver will bring a refill before the field trip.',
  },
  {
    role: 'nurse',
    visibility: 'team:health',
    subject: 'Vision screening',
    body: 'Did not pass the distance screening. Referral letter sent home in the family language.',
  },
  {
    role: 'liaison',
    visibility: 'team:support',
    subject: 'Housing change',
    body: 'Family is staying with relatives for now. New bus stop arranged with transportation.',
  },
  {
    role: 'liaison',
    visibility: 'staff',
    subject: 'Loves the school garden',
    body: 'Grandparent offered to help with the spring planting day and can teach seed saving.',
  },
  {
    role: 'front_office',
    visibility: 'staff',
    subject: 'Prefers text messages',
    body: 'Caregiver works nights; a text before 3 pm works best.',
  },
];

const FOLLOW_UPS: {
  role: Staff['role'];
  visibility: Visibility;
  title: string;
  inSchoolDays: number;
}[] = [
  {
    role: 'nurse',
    visibility: 'team:health',
    title: 'Confirm the inhaler refill arrived',
    inSchoolDays: 2,
  },
  {
    role: 'nurse',
    visibility: 'team:health',
    title: 'Check the eye doctor referral',
    inSchoolDays: 9,
  },
  {
    role: 'liaison',
    visibility: 'team:support',
    title: 'Visit the family at the new address',
    inSchoolDays: 5,
  },
];

/**
 * Team keys for the demo school and a few notes and follow-ups at each level of privacy, so
 * the nurse's screen and the "see the nurse" placeholders have something real to show.
 */
export function createDemoNotes(
  store: Store,
  writer: Writer,
  now: Date,
  school: School,
  staff: { staff: Staff; keys: UnlockedStaffKeys }[],
): void {
  const keyrings = new Map<string, Keyring>();
  for (const { staff: member, keys } of staff) {
    const keyring = openKeyring(store, member.id, keys);
    reconcileTeamKeys(store, keyring, member.teams, now);
    keyrings.set(member.role, keyring);
  }
  const author = (role: Staff['role']) => {
    const member = staff.find((s) => s.staff.role === role) as { staff: Staff };
    return { id: member.staff.id, keyring: keyrings.get(role) as Keyring };
  };
  const students = store
    .sql('SELECT id FROM students WHERE school_id = ? ORDER BY pk LIMIT ?')
    .all(school.id, NOTES.length) as { id: string }[];
  NOTES.forEach((note, i) => {
    const studentId = students[i]?.id;
    if (!studentId) return;
    const { id: authorId, keyring } = author(note.role);
    const id = newId(now.getTime());
    writeNoteRevision(writer, keyring, {
      id,
      schoolId: school.id,
      noteId: id,
      replacesId: null,
      studentId,
      personId: null,
      visibility: note.visibility,
      authorId,
      createdAt: now.toISOString(),
      subject: note.subject,
      body: note.body,
    });
  });
  const today = new TZDate(now, school.timeZone);
  FOLLOW_UPS.forEach((followUp, i) => {
    const studentId = students[i]?.id;
    if (!studentId) return;
    const { id: assigneeId, keyring } = author(followUp.role);
    writeNewFollowUp(writer, keyring, {
      id: newId(now.getTime()),
      schoolId: school.id,
      studentId,
      personId: null,
      visibility: followUp.visibility,
      title: followUp.title,
      assigneeId,
      dueOn: format(addBusinessDays(today, followUp.inSchoolDays), 'yyyy-MM-dd'),
      createdBy: assigneeId,
      createdAt: now.toISOString(),
      householdId: null,
      originKind: null,
      originId: null,
    });
  });
}
