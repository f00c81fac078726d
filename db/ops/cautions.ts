import {
  HearthError,
  WORDS,
  newId,
  say,
  type CautionEntry,
  type CautionMatch,
  type CautionView,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { auditCautionList } from '../privacy/audit';
import { schoolToday } from '../school-day';
import { digitsOf, words } from '../search/normalize';

type Row = Record<string, unknown>;

/** Where today's entries are: not retired, not past their last day (bind school and today). */
const CURRENT = `school_id = ? AND retired_at IS NULL AND (expires_on IS NULL OR expires_on >= ?)`;

/**
 * Every sign-in checks every current entry, so what an entry's name and phones fold to is kept
 * (by the stored text) rather than worked out again each time.
 */
const ENTRY_FORMS = new Map<string, readonly string[]>();
function entryForm(text: string, make: (text: string) => readonly string[]): readonly string[] {
  let found = ENTRY_FORMS.get(text);
  if (!found) {
    if (ENTRY_FORMS.size >= 4_000) ENTRY_FORMS.clear();
    found = make(text);
    ENTRY_FORMS.set(text, found);
  }
  return found;
}
const entryWords = (name: string) => entryForm(name, words);
const entryDigits = (phonesJson: string) =>
  entryForm(phonesJson, (json) => (JSON.parse(json) as string[]).map(digitsOf));

/**
 * Every word of the entry's name is in the visitor's, or, for a visitor who gave two words or
 * more, every word of theirs is in the entry's.
 */
function wordsMatch(entry: readonly string[], visitor: ReadonlySet<string>): boolean {
  if (entry.length === 0 || visitor.size === 0) return false;
  if (entry.every((w) => visitor.has(w))) return true;
  const entrySet = new Set(entry);
  return visitor.size >= 2 && [...visitor].every((w) => entrySet.has(w));
}

/** The last ten digits (a national number with or without its country code), else seven. */
function digitsMatch(x: string, y: string): boolean {
  if (x.length < 7 || y.length < 7) return false;
  const tail = x.length >= 10 && y.length >= 10 ? 10 : 7;
  return x.slice(-tail) === y.slice(-tail);
}

/**
 * Names match as search folds them (accents, case, apostrophes aside), word for word in any
 * order ("Dale Smith" matches "Dale R. Smith"; see `wordsMatch`).
 */
export function namesMatch(entryName: string, visitorName: string): boolean {
  return wordsMatch(entryWords(entryName), new Set(words(visitorName)));
}

/** Phones match by their digits whatever the format (see `digitsMatch`). */
export function phonesMatch(a: string, b: string): boolean {
  return digitsMatch(digitsOf(a), digitsOf(b));
}

/** What the check reads of every current entry: all of it in `caution_entries_to_match`. */
export const MATCH_CANDIDATES = `SELECT id, full_name, phones FROM caution_entries WHERE ${CURRENT}`;

/**
 * The current entries this person matches, by name, phone or both. Runs at every sign-in, so
 * it reads names and phones first and the reasons and photos (up to 60 kB each) only of the
 * entries that match.
 */
export function cautionMatches(
  ctx: Ctx,
  fullName: string | null,
  phones: readonly string[],
): CautionMatch[] {
  const school = requireSchool(ctx);
  const candidates = ctx.store
    .sql(MATCH_CANDIDATES)
    .all(school.id, schoolToday(ctx.now(), school.timeZone)) as {
    id: string;
    full_name: string;
    phones: string;
  }[];
  const visitorWords = new Set(fullName === null ? [] : words(fullName));
  const visitorDigits = phones.map(digitsOf);
  const matchedBy = new Map<string, CautionMatch['matchedBy']>();
  for (const entry of candidates) {
    const byName = wordsMatch(entryWords(entry.full_name), visitorWords);
    const byPhone = entryDigits(entry.phones).some((p) =>
      visitorDigits.some((q) => digitsMatch(p, q)),
    );
    if (byName || byPhone)
      matchedBy.set(entry.id, byName && byPhone ? 'both' : byName ? 'name' : 'phone');
  }
  if (matchedBy.size === 0) return [];
  return (
    ctx.store
      .sql(
        `SELECT * FROM caution_entries WHERE id IN (SELECT value FROM json_each(?))
         ORDER BY full_name, pk`,
      )
      .all(JSON.stringify([...matchedBy.keys()])) as Row[]
  ).map((row) => {
    const entry = fromRow('caution_entries', row);
    return {
      id: entry.id,
      fullName: entry.fullName,
      reason: entry.reason,
      photo: entry.photo,
      expiresOn: entry.expiresOn,
      matchedBy: matchedBy.get(entry.id) ?? 'name',
    };
  });
}

function viewOf(ctx: Ctx, entry: CautionEntry, today: string): CautionView {
  const adder = ctx.store.sql('SELECT display_name FROM staff WHERE id = ?').get(entry.addedBy) as
    { display_name: string } | undefined;
  return {
    ...entry,
    addedByName: adder?.display_name ?? '',
    current: entry.retiredAt === null && (entry.expiresOn === null || entry.expiresOn >= today),
  };
}

/** An entry just written, for the administrator who wrote it (that write is its audit entry). */
function written(ctx: Ctx, entry: CautionEntry): CautionView {
  return viewOf(ctx, entry, schoolToday(ctx.now(), requireSchool(ctx).timeZone));
}

export const cautionHandlers = {
  /** The whole list, current entries first; every entry shown is audited. */
  'caution.list': (ctx) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    const today = schoolToday(ctx.now(), school.timeZone);
    const entries = (
      ctx.store
        .sql('SELECT * FROM caution_entries WHERE school_id = ? ORDER BY full_name, pk')
        .all(school.id) as Row[]
    ).map((row) => viewOf(ctx, fromRow('caution_entries', row), today));
    auditCautionList(
      ctx,
      staff.id,
      'read',
      entries.map((e) => e.id),
    );
    return entries.sort((a, b) => Number(b.current) - Number(a.current));
  },

  /** Whom the desk is about to let in, checked against the list; a match shown is audited. */
  'caution.match': (ctx, { fullName, phones }) => {
    const staff = requireStaff(ctx);
    const matches = cautionMatches(ctx, fullName, phones);
    auditCautionList(
      ctx,
      staff.id,
      'read',
      matches.map((m) => m.id),
    );
    return matches;
  },

  'caution.add': (ctx, fields) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    const entry = ctx.writer.insert('caution_entries', {
      id: newId(ctx.now().getTime()),
      schoolId: school.id,
      ...fields,
      addedBy: staff.id,
      addedAt: ctx.now().toISOString(),
      retiredAt: null,
    });
    auditCautionList(ctx, staff.id, 'create', [entry.id]);
    return written(ctx, entry);
  },

  'caution.update': (ctx, { id, ...fields }) => {
    const staff = requireStaff(ctx);
    const entry = loadOwned(ctx, 'caution_entries', id, 'caution');
    if (entry.retiredAt) throw new HearthError('CONFLICT', say(WORDS.cautionRetired));
    const updated = ctx.writer.update('caution_entries', id, fields);
    auditCautionList(ctx, staff.id, 'revise', [id]);
    return written(ctx, updated);
  },

  /** Take an entry off the list; it is kept, as retired, for the school's records. */
  'caution.retire': (ctx, { id }) => {
    const staff = requireStaff(ctx);
    const entry = loadOwned(ctx, 'caution_entries', id, 'caution');
    if (entry.retiredAt) return written(ctx, entry);
    const retired = ctx.writer.update('caution_entries', id, {
      retiredAt: ctx.now().toISOString(),
    });
    auditCautionList(ctx, staff.id, 'status', [id]);
    return written(ctx, retired);
  },
} satisfies Partial<Handlers>;
