import {
  REFUSALS,
  TEAMS,
  WORDS,
  type SyncedTable,
  type Team,
  type HomeVisitStatus,
  type VoiceStep,
  type Words,
} from '../../contract';

/** A staff member a device pushes for: one who signed in on it through the server. */
export interface Writer {
  id: string;
  teams: readonly string[];
  role: string;
}

type Rec = Record<string, unknown>;

/** Tables only the district changes (through its accounts and the roster), never a device. */
export const DISTRICT_MANAGED: ReadonlySet<SyncedTable> = new Set(['schools', 'staff']);

const onlyOwnChoices = (changed: string[]) => changed.every((field) => field === 'language');

const inTeam = (writer: Writer, visibility: unknown) =>
  TEAMS.some((team: Team) => visibility === `team:${team}` && writer.teams.includes(team));

/**
 * Why `writer` may not write `after` (the record as it would be), or null when they may.
 * `before` is the record on the server, null for a new one. These mirror the device's own
 * rules, so they only refuse what a modified or out-of-date device could send.
 */
export function refusal(
  table: SyncedTable,
  before: Rec | null,
  after: Rec,
  writer: Writer,
): Words | null {
  const changed = before ? changedFields(before, after) : [];
  // Each member chooses the language Hearth speaks to them, on any computer.
  if (table === 'staff' && before && after.id === writer.id && onlyOwnChoices(changed)) return null;
  if (DISTRICT_MANAGED.has(table)) return REFUSALS.districtManaged;
  switch (table) {
    case 'notes':
      if (before && !onlyMerged(changed)) return REFUSALS.noteNeverChanged;
      if (before) return null;
      if (after.authorId !== writer.id) return REFUSALS.noteAuthorOnly;
      if (String(after.visibility).startsWith('team:') && !inTeam(writer, after.visibility))
        return REFUSALS.noteTeamOnly;
      return null;
    case 'follow_ups':
      // A merge moves a follow-up it cannot read to the record kept, and nothing else.
      if (before && onlyMerged(changed)) return null;
      return followUpRefusal(before, after, writer);
    case 'strengths':
      for (const record of [before, after])
        if (record?.consent === 'recorder_only' && record.recordedBy !== writer.id)
          return REFUSALS.strengthSharedPrivately;
      // Invited, then contributed: each step once, in order (db/ops/strengths.ts).
      if (after.contributedAt && !after.invitedAt) return REFUSALS.strengthInviteFirst;
      if (before?.invitedAt && (changed.includes('invitedAt') || changed.includes('invitedBy')))
        return REFUSALS.strengthInvitedElsewhere;
      if (
        before?.contributedAt &&
        (changed.includes('contributedAt') || changed.includes('contributedBy'))
      )
        return REFUSALS.contributedElsewhere;
      return null;
    case 'contacts':
      // A walk-in logged before its family existed is filed under that family once (enrollment).
      if (before && !onlyMerged(changed.filter((f) => f !== 'householdId' || !before.householdId)))
        return REFUSALS.contactNeverChanged;
      if (
        !before &&
        after.staffId !== writer.id &&
        (writer.role !== 'administrator' || after.recordedBy !== writer.id)
      )
        return REFUSALS.contactForOthers;
      return null;
    case 'disclosures':
      if (before) return REFUSALS.disclosureNeverChanged;
      return null;
    case 'visits':
      if (before?.signedOutAt && changed.some((f) => SIGN_OUT_FIELDS.has(f)))
        return REFUSALS.visitorSignedOut;
      // Warnings at sign-out come only with the sign-out itself.
      if (
        !onlyMerged(changed.filter((f) => !SIGN_OUT_FIELDS.has(f))) ||
        (!after.signedOutAt && changed.some((f) => SIGN_OUT_FIELDS.has(f)))
      )
        return REFUSALS.visitNeverChanged;
      return null;
    case 'home_visits':
      // Planned, then completed, cancelled or declined once; a closed visit stays as it was.
      if (before && before.status !== 'planned' && !onlyMerged(changed))
        return HOME_VISIT_CLOSED[before.status as ClosedStatus];
      return null;
    case 'voice_items':
      return voiceRefusal(before, after, changed);
    case 'roll_calls':
      // A roll call ended is part of the school's safety records as it was.
      return before?.endedAt && changed.length > 0 ? REFUSALS.rollCallEnded : null;
    case 'health_visits':
      // The health team's alone; an ended visit is kept as it was.
      if (!inTeam(writer, after.visibility)) return WORDS.healthTeamOnly;
      if (before?.leftAt && changed.length > 0) return WORDS.healthVisitEnded;
      return null;
    case 'health_profiles':
      return inTeam(writer, after.visibility) ? null : WORDS.healthTeamOnly;
    case 'med_orders':
      // A stopped order stays stopped: a new order is written instead.
      if (!inTeam(writer, after.visibility)) return WORDS.healthTeamOnly;
      if (before?.status === 'stopped' && after.status !== 'stopped') return WORDS.medOrderStopped;
      return null;
    case 'med_doses':
      // Corrections are new entries: a dose entry is kept as it was first written.
      if (!inTeam(writer, after.visibility)) return WORDS.healthTeamOnly;
      return before && changed.length > 0 ? WORDS.doseNeverChanged : null;
    case 'caution_entries':
      return writer.role === 'administrator' ? null : WORDS.cautionListWho;
    case 'school_goals':
      return GOAL_SETTERS.includes(writer.role) ? null : WORDS.goalsWho;
    // A follow-up's status has no transition rule: the app lets its team complete, cancel
    // and reopen it in any order, and the newest status wins.
    default:
      return null;
  }
}

/** Signing a visitor out: the time, and any warnings the desk acknowledged as they left. */
const SIGN_OUT_FIELDS: ReadonlySet<string> = new Set([
  'signedOutAt',
  'signOutWarnings',
  'signOutAcknowledgedAt',
]);

/** Who sets the school's goals, as on the computer (db/ops/goals.ts). */
const GOAL_SETTERS: readonly string[] = ['administrator', 'coordinator'];

function changedFields(before: Rec, after: Rec): string[] {
  return Object.keys(after).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/**
 * Events (notes, contacts, visits) are append-only, with one exception: merging a duplicate
 * person or student moves everything that was theirs to the one kept (db/ops/duplicates.ts,
 * db/ops/student-merge.ts).
 */
const MERGE_FIELDS = new Set(['personId', 'studentId', 'studentIds']);
const onlyMerged = (changed: string[]) => changed.every((field) => MERGE_FIELDS.has(field));

function followUpRefusal(before: Rec | null, after: Rec, writer: Writer): Words | null {
  for (const record of [before, after]) {
    if (!record) continue;
    const involved = record.createdBy === writer.id || record.assigneeId === writer.id;
    if (record.visibility === 'private' && record.createdBy !== writer.id)
      return REFUSALS.followUpPrivate;
    if (
      String(record.visibility).startsWith('team:') &&
      !inTeam(writer, record.visibility) &&
      !involved
    )
      return REFUSALS.followUpTeamOnly;
  }
  return null;
}

const VOICE_STEP_FIELDS = {
  heard: ['heardBy', 'heardAt'],
  acted: ['actedBy', 'actedAt', 'actedNote'],
  told: ['toldBy', 'toldAt', 'toldNote'],
} as const;

type ClosedStatus = Exclude<HomeVisitStatus, 'planned'>;
const HOME_VISIT_CLOSED: Record<ClosedStatus, Words> = {
  completed: REFUSALS.homeVisitCompleted,
  cancelled: REFUSALS.homeVisitCancelled,
  declined: REFUSALS.homeVisitDeclined,
};
const STEP_TAKEN: Record<VoiceStep, Words> = {
  heard: REFUSALS.heardElsewhere,
  acted: REFUSALS.actedElsewhere,
  told: REFUSALS.toldElsewhere,
};

/** A family voice item's steps go in order (heard, acted, told), each taken once. */
function voiceRefusal(before: Rec | null, after: Rec, changed: string[]): Words | null {
  if (after.actedAt && !after.heardAt) return REFUSALS.heardFirst;
  if (after.toldAt && !after.actedAt) return REFUSALS.actedFirst;
  if (!before) return null;
  for (const [step, fields] of Object.entries(VOICE_STEP_FIELDS))
    if (before[`${step}At`] && fields.some((field) => changed.includes(field)))
      return STEP_TAKEN[step as VoiceStep];
  return null;
}
