import {
  HearthError,
  voiceStepReached,
  type VoiceItemView,
  newId,
  VOICE_NOT_YET_HEARD,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { optionalPersonName } from './summaries';

type Row = Record<string, unknown> & {
  family_name: string;
  first_name: string | null;
  last_name: string | null;
  recorded_by_name: string;
  heard_by_name: string | null;
  acted_by_name: string | null;
  told_by_name: string | null;
};

const VIEW = `
  SELECT v.*, h.name AS family_name, p.first_name, p.last_name,
    r.display_name AS recorded_by_name, hb.display_name AS heard_by_name,
    ab.display_name AS acted_by_name, tb.display_name AS told_by_name
  FROM voice_items v
  JOIN households h ON h.id = v.household_id
  JOIN staff r ON r.id = v.recorded_by
  LEFT JOIN people p ON p.id = v.person_id
  LEFT JOIN staff hb ON hb.id = v.heard_by
  LEFT JOIN staff ab ON ab.id = v.acted_by
  LEFT JOIN staff tb ON tb.id = v.told_by`;

const toView = (row: Row): VoiceItemView => ({
  ...fromRow('voice_items', row),
  familyName: row.family_name,
  personName: optionalPersonName(row),
  recordedByName: row.recorded_by_name,
  heardByName: row.heard_by_name,
  actedByName: row.acted_by_name,
  toldByName: row.told_by_name,
});

/** A family's voice items, newest first. */
export function voiceOfFamily(ctx: Ctx, householdId: string): VoiceItemView[] {
  const rows = ctx.store
    .sql(`${VIEW} WHERE v.household_id = ? ORDER BY v.raised_at DESC`)
    .all(householdId) as Row[];
  return rows.map(toView);
}

export const voiceItemView = (ctx: Ctx, id: string) =>
  toView(ctx.store.sql(`${VIEW} WHERE v.id = ?`).get(id) as Row);

const NEXT_STEP = { raised: 'heard', heard: 'acted', acted: 'told', told: null } as const;

export const voiceHandlers = {
  'voice.create': (ctx, input) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    loadOwned(ctx, 'households', input.householdId, 'family');
    if (input.personId) loadOwned(ctx, 'people', input.personId, 'person');
    const raisedAt = input.raisedAt ? new Date(input.raisedAt) : ctx.now();
    if (raisedAt.getTime() > ctx.now().getTime())
      throw new HearthError('VALIDATION', say(WORDS.raisedInFuture), {
        issues: [{ path: 'raisedAt', message: WORDS.inTheFuture.defaultMessage }],
      });
    const id = newId(ctx.now().getTime());
    ctx.writer.insert('voice_items', {
      id,
      schoolId: school.id,
      ...input,
      raisedAt: raisedAt.toISOString(),
      recordedBy: staff.id,
      ...VOICE_NOT_YET_HEARD,
    });
    return voiceItemView(ctx, id);
  },

  /** Steps go in order (heard, acted, told); each is taken once, by whom and when. */
  'voice.advance': (ctx, { id, step, note }) => {
    const staff = requireStaff(ctx);
    const item = loadOwned(ctx, 'voice_items', id, 'voice_item');
    const reached = voiceStepReached(item);
    const next = NEXT_STEP[reached];
    if (next !== step) {
      const message = next
        ? say(WORDS.voiceStepFirst, { reached, next })
        : say(WORDS.voiceAlreadyTold);
      throw new HearthError('CONFLICT', message);
    }
    // What was done is what the family will be told about: an empty record of it tells no one.
    if (step === 'acted' && !note)
      throw new HearthError('VALIDATION', say(WORDS.sayWhatWasDone), {
        issues: [{ path: 'note', message: WORDS.emptySayWhatWasDone.defaultMessage }],
      });
    const at = ctx.now().toISOString();
    if (step === 'heard') ctx.writer.update('voice_items', id, { heardBy: staff.id, heardAt: at });
    if (step === 'acted')
      ctx.writer.update('voice_items', id, { actedBy: staff.id, actedAt: at, actedNote: note });
    if (step === 'told')
      ctx.writer.update('voice_items', id, { toldBy: staff.id, toldAt: at, toldNote: note });
    return voiceItemView(ctx, id);
  },

  'voice.open': (ctx) => {
    const school = requireSchool(ctx);
    const rows = ctx.store
      .sql(`${VIEW} WHERE v.school_id = ? AND v.told_at IS NULL ORDER BY v.raised_at`)
      .all(school.id) as Row[];
    return rows.map(toView);
  },
} satisfies Partial<Handlers>;
