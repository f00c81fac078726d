import {
  HearthError,
  type DuplicateCandidate,
  type DuplicateReason,
  type Person,
  WORDS,
  say,
} from '../../contract';
import { loadOwned, requireStaff, type Ctx, type Handlers } from '../context';
import { auditMerge } from '../privacy/audit';
import { digitsOf, words } from '../search/normalize';
import { similarNames } from '../search/similar';
import { movePersonReferences } from '../merges';
import { personSummary } from './summaries';

const MAX_CANDIDATES = 10;
const MAX_NAME_MATCHES = 500;

/** The digits that identify a phone number across formats: its last ten, or all if fewer. */
function phoneKey(phone: string): string | null {
  const digits = digitsOf(phone);
  if (digits.length < 7) return null;
  return digits.length >= 10 ? digits.slice(-10) : digits;
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

function ftsPks(ctx: Ctx, match: string, limit: number): number[] {
  return (
    ctx.store
      .sql('SELECT rowid AS pk FROM people_fts WHERE people_fts MATCH ? LIMIT ?')
      .all(match, limit) as { pk: number }[]
  ).map((r) => r.pk);
}

interface Typed {
  firstName: string;
  lastName: string | null;
  phones: string[];
  email: string | null;
}

/**
 * People who may already be the one being added. Candidates come from the search index
 * (same phone digits, family-name words) and the email index; names are then compared
 * folded, allowing a typo or a short form.
 */
export function findDuplicates(ctx: Ctx, typed: Typed): DuplicateCandidate[] {
  const reasons = new Map<number, Set<DuplicateReason>>();
  const add = (pk: number, reason: DuplicateReason) => {
    const set = reasons.get(pk) ?? new Set();
    set.add(reason);
    reasons.set(pk, set);
  };
  for (const phone of typed.phones) {
    const key = phoneKey(phone);
    if (key) for (const pk of ftsPks(ctx, `phones : ${quote(key)}`, 20)) add(pk, 'phone');
  }
  if (typed.email) {
    const rows = ctx.store
      .sql('SELECT pk FROM people WHERE lower(email) = lower(?) AND merged_into_id IS NULL')
      .all(typed.email) as { pk: number }[];
    for (const { pk } of rows) add(pk, 'email');
  }
  const family = words(typed.lastName ?? '');
  const [first] = words(typed.firstName);
  const nameQueries = [
    family.length > 0 ? family.map((w) => `name : ${quote(w)}`).join(' OR ') : null,
    // A typo in the family name: given and family names starting with the same letters.
    first && family[0]
      ? `name : ${quote(first.slice(0, 3))}* AND name : ${quote(family[0].slice(0, 2))}*`
      : null,
    first && family.length === 0 ? `name : ${quote(first)}` : null,
  ];
  const nameCandidates = new Set(
    nameQueries.flatMap((q) => (q ? ftsPks(ctx, q, MAX_NAME_MATCHES) : [])),
  );
  const pks = [...new Set([...reasons.keys(), ...nameCandidates])];
  if (pks.length === 0) return [];
  const rows = ctx.store
    .sql(
      `SELECT p.*, h.name AS family_name FROM people p LEFT JOIN households h ON h.id = p.household_id
       WHERE p.pk IN (SELECT value FROM json_each(?)) AND p.merged_into_id IS NULL`,
    )
    .all(JSON.stringify(pks)) as (Record<string, unknown> & {
    pk: number;
    first_name: string;
    last_name: string | null;
    family_name: string | null;
  })[];
  const candidates: DuplicateCandidate[] = [];
  for (const row of rows) {
    const found = reasons.get(row.pk) ?? new Set<DuplicateReason>();
    if (similarNames(typed, { firstName: row.first_name, lastName: row.last_name }))
      found.add('name');
    if (found.size === 0) continue;
    candidates.push({
      person: personSummary(row),
      familyName: row.family_name,
      reasons: (['phone', 'email', 'name'] as const).filter((r) => found.has(r)),
    });
  }
  return candidates
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length || a.person.firstName.localeCompare(b.person.firstName),
    )
    .slice(0, MAX_CANDIDATES);
}

/** What the kept person lacks, filled in from the duplicate; nothing the kept one has is lost. */
function combinePeople(keep: Person, dup: Person): Partial<Person> {
  const notes = [...new Set([keep.doNotContact, dup.doNotContact].filter((n) => n !== null))];
  return {
    lastName: keep.lastName ?? dup.lastName,
    phones: [...new Set([...keep.phones, ...dup.phones])].slice(0, 5),
    email: keep.email ?? dup.email,
    householdId: keep.householdId ?? dup.householdId,
    homeLanguage: keep.homeLanguage ?? dup.homeLanguage,
    interpreter: keep.interpreter !== 'none' ? keep.interpreter : dup.interpreter,
    channels: keep.channels.length > 0 ? keep.channels : dup.channels,
    bestTimes: keep.bestTimes ?? dup.bestTimes,
    doNotContact: notes.length > 0 ? notes.join('\n') : null,
  };
}

export const duplicateHandlers = {
  'person.findDuplicates': (ctx, typed) => {
    requireStaff(ctx);
    return findDuplicates(ctx, typed);
  },

  'person.merge': (ctx, { keepId, mergeId }) => {
    const staff = requireStaff(ctx);
    const keep = loadOwned(ctx, 'people', keepId, 'person');
    const dup = loadOwned(ctx, 'people', mergeId, 'person');
    if (keep.mergedIntoId || dup.mergedIntoId)
      throw new HearthError('CONFLICT', say(WORDS.peopleAlreadyMerged));
    movePersonReferences(ctx.store, ctx.writer, mergeId, keepId);
    const merged = ctx.writer.update('people', keepId, combinePeople(keep, dup));
    ctx.writer.update('people', mergeId, { mergedIntoId: keepId });
    auditMerge(ctx, staff.id, keepId, mergeId);
    return merged;
  },
} satisfies Partial<Handlers>;
