import {
  HearthError,
  WORDS,
  say,
  type HealthProfileContent,
  type HealthProfileView,
  type Staff,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireViewer, type Ctx, type Handlers } from '../context';
import { audit } from '../privacy/audit';
import { openContent, sealContent, type Keyring } from '../privacy/keyring';
import { HEALTH, requireHealthTeam } from './health-team';

type Row = Record<string, unknown>;

/**
 * A student's profile has the student's own id: two computers that each start one offline
 * write the same record, merged field by field, never two profiles for one student.
 */
function profileRow(ctx: Ctx, studentId: string): Row | undefined {
  return ctx.store
    .sql(
      `SELECT h.*, st.display_name AS updated_by_name FROM health_profiles h
       LEFT JOIN staff st ON st.id = h.updated_by WHERE h.id = ?`,
    )
    .get(studentId) as Row | undefined;
}

/** The profile's content, or null while this keyring cannot open it; not audited. */
function contentOf(keyring: Keyring, row: Row): HealthProfileContent | null {
  const profile = fromRow('health_profiles', row);
  return openContent(
    keyring,
    HEALTH,
    profile.id,
    JSON.stringify(profile.sealed),
  ) as HealthProfileContent | null;
}

/** The profile as the team reads it; a read of its content is audited. */
function view(ctx: Ctx, staff: Staff, keyring: Keyring, row: Row): HealthProfileView {
  const profile = fromRow('health_profiles', row);
  const content = contentOf(keyring, row);
  if (content !== null)
    audit(ctx, staff.id, 'read', 'health_profile', [profile.id], profile.studentId);
  const { sealed: _sealed, visibility: _visibility, ...clear } = profile;
  return {
    ...clear,
    updatedByName: (row.updated_by_name as string | null) ?? '',
    content,
  };
}

export const healthProfileHandlers = {
  /** The health team's view of a student's conditions and care plan; the read is audited. */
  'health.profile': (ctx, { studentId }) => {
    const { staff, keyring } = requireHealthTeam(ctx);
    loadOwned(ctx, 'students', studentId, 'student');
    const row = profileRow(ctx, studentId);
    return row ? view(ctx, staff, keyring, row) : null;
  },

  /**
   * Save the profile whole. The flag others may see is set here from the care plan and the
   * family's consent; a change of consent records who recorded it and when.
   */
  'health.saveProfile': (ctx, { studentId, ...content }) => {
    const { staff, keyring } = requireHealthTeam(ctx);
    loadOwned(ctx, 'students', studentId, 'student');
    const before = profileRow(ctx, studentId);
    // Read only to carry who recorded the consent forward; the save is the audited change.
    const earlier = before ? contentOf(keyring, before) : null;
    if (before && !earlier)
      throw new HearthError('KEYS_UNAVAILABLE', say(WORDS.teamKeyMissing, { team: 'health' }));
    const now = ctx.now().toISOString();
    const consentChanged = earlier?.consent !== content.consent;
    const sealed: HealthProfileContent = {
      ...content,
      consentRecordedBy: consentChanged ? staff.id : (earlier?.consentRecordedBy ?? staff.id),
      consentRecordedAt: consentChanged ? now : (earlier?.consentRecordedAt ?? now),
    };
    const fields = {
      sharedFlag: content.consent === 'agreed' && content.carePlan !== null,
      updatedBy: staff.id,
      updatedAt: now,
      sealed: sealContent(keyring, HEALTH, studentId, sealed),
    };
    if (before) ctx.writer.update('health_profiles', studentId, fields);
    else
      ctx.writer.insert('health_profiles', {
        id: studentId,
        schoolId: staff.schoolId,
        studentId,
        visibility: HEALTH,
        ...fields,
      });
    audit(ctx, staff.id, before ? 'revise' : 'create', 'health_profile', [studentId], studentId);
    return view(ctx, staff, keyring, profileRow(ctx, studentId) as Row);
  },

  /** What any staff member may know: the student has a care plan (with consent), no more. */
  'health.flag': (ctx, { studentId }) => {
    requireViewer(ctx);
    loadOwned(ctx, 'students', studentId, 'student');
    const row = ctx.store
      .sql('SELECT shared_flag FROM health_profiles WHERE id = ?')
      .get(studentId) as { shared_flag: number } | undefined;
    return { carePlan: row?.shared_flag === 1 };
  },
} satisfies Partial<Handlers>;
