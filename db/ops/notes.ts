import {
  HearthError,
  isRestricted,
  teamOf,
  type Note,
  type NoteView,
  type Staff,
  type Visibility,
  newId,
  WORDS,
  say,
} from '../../contract';
import { loadOwned, requireSchool, requireViewer, type Ctx, type Handlers } from '../context';
import { audit, auditShown, type ContentAudit } from '../privacy/audit';
import { sealContent, type Keyring } from '../privacy/keyring';
import { reveal, type GuardedRow } from '../privacy/reveal';
import { viewerBindings, visibilitySql } from '../privacy/visibility';
import type { Writer } from '../write';
import { studentName } from './summaries';

interface NoteContent {
  subject: string;
  body: string;
}

interface NoteRow extends GuardedRow {
  note_id: string;
  student_id: string;
  person_id: string | null;
  subject: string | null;
  body: string | null;
  created_at: string;
  author_name: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  first_created_at: string;
  revision_count: number;
  heads: number;
}

const { readable, listed } = visibilitySql('n', 'author_id');

/** Current revisions (nothing replaces them) that the viewer may know of, as `where` selects. */
const headsWhere = (where: string) => `
  SELECT n.id, n.note_id, n.student_id, n.person_id, n.visibility, n.created_at,
    ${readable} AS readable,
    CASE WHEN ${readable} THEN n.subject END AS subject,
    CASE WHEN ${readable} THEN n.body END AS body,
    CASE WHEN ${readable} THEN n.sealed END AS sealed,
    a.display_name AS author_name, s.first_name, s.last_name, s.preferred_name,
    (SELECT f.created_at FROM notes f WHERE f.id = n.note_id) AS first_created_at,
    (SELECT count(*) FROM notes c WHERE c.note_id = n.note_id) AS revision_count,
    (SELECT count(*) FROM notes h WHERE h.note_id = n.note_id
       AND NOT EXISTS (SELECT 1 FROM notes r WHERE r.replaces_id = h.id)) AS heads
  FROM notes n
  JOIN staff a ON a.id = n.author_id
  JOIN students s ON s.id = n.student_id
  WHERE n.school_id = @school AND ${listed}
    AND NOT EXISTS (SELECT 1 FROM notes r WHERE r.replaces_id = n.id)
    AND ${where}
  ORDER BY n.created_at DESC
  LIMIT @limit`;

const FOR_STUDENT = headsWhere('n.student_id = @target');
const BY_ID = headsWhere('n.id = @target');
const RECENT = headsWhere(`n.visibility = @target AND ${readable}`);

function noteViews(
  ctx: Ctx,
  sql: string,
  target: string,
  { limit = 1_000, action = 'read' }: { limit?: number; action?: ContentAudit } = {},
): NoteView[] {
  const { staff, keyring } = requireViewer(ctx);
  const rows = ctx.store.sql(sql).all({
    ...viewerBindings(staff),
    target,
    limit,
  }) as NoteRow[];
  const views = rows.map((row) => toView(keyring, row));
  auditShown(ctx, staff.id, action, 'note', openRestricted(views));
  return views;
}

/** The restricted notes a list showed in full: what the audit log must record. */
function openRestricted(views: NoteView[]): { id: string; studentId: string }[] {
  return views.flatMap((v) =>
    v.access === 'open' && isRestricted(v.visibility)
      ? [{ id: v.revisionId, studentId: v.studentId }]
      : [],
  );
}

/** Notes about a student, as the viewer may see them; `export` audits what goes out. */
export const notesForStudent = (ctx: Ctx, studentId: string, action: ContentAudit) =>
  noteViews(ctx, FOR_STUDENT, studentId, { action });

function toView(keyring: Keyring, row: NoteRow): NoteView {
  const about = {
    noteId: row.note_id,
    visibility: row.visibility,
    studentId: row.student_id,
    studentName: studentName(row),
    personId: row.person_id,
  };
  const seen = reveal<NoteContent>(keyring, row, () => ({
    subject: row.subject as string,
    body: row.body as string,
  }));
  if (!seen.open)
    return {
      access: 'restricted',
      ...about,
      createdAt: row.created_at,
      waitingForKey: seen.waitingForKey,
    };
  return {
    access: 'open',
    ...about,
    revisionId: row.id,
    ...seen.content,
    authorName: row.author_name,
    createdAt: row.created_at,
    firstCreatedAt: row.first_created_at,
    revisionCount: row.revision_count,
    conflict: row.heads > 1,
  };
}

/** Only members may write for a team: they alone hold its key. */
export function checkCanWriteFor(
  staff: Staff,
  visibility: Visibility,
  what: 'notes' | 'follow-ups',
): void {
  const team = teamOf(visibility);
  if (team && !staff.teams.includes(team)) {
    throw new HearthError('UNAUTHORIZED', say(WORDS.teamOnlyWrites, { team, what }));
  }
}

/**
 * Write one revision through the write path, sealing its content when restricted. Used by
 * the API and by the demo school.
 */
export function writeNoteRevision(
  writer: Writer,
  keyring: Keyring,
  revision: Omit<Note, 'subject' | 'body' | 'sealed'> & NoteContent,
): Note {
  const { subject, body, ...rest } = revision;
  const sealed = isRestricted(revision.visibility);
  return writer.insert('notes', {
    ...rest,
    subject: sealed ? null : subject,
    body: sealed ? null : body,
    sealed: sealed
      ? sealContent(keyring, revision.visibility, revision.id, { subject, body })
      : null,
  });
}

function onlyView(ctx: Ctx, id: string): NoteView {
  const view = noteViews(ctx, BY_ID, id)[0];
  if (!view) throw new HearthError('NOT_FOUND', say(WORDS.noteNotFound));
  return view;
}

export const noteHandlers = {
  'note.create': (ctx, input) => {
    const { staff, keyring } = requireViewer(ctx);
    checkCanWriteFor(staff, input.visibility, 'notes');
    loadOwned(ctx, 'students', input.studentId, 'student');
    if (input.personId) loadOwned(ctx, 'people', input.personId, 'person');
    const id = newId(ctx.now().getTime());
    writeNoteRevision(ctx.writer, keyring, {
      id,
      schoolId: staff.schoolId,
      noteId: id,
      replacesId: null,
      authorId: staff.id,
      createdAt: ctx.now().toISOString(),
      ...input,
    });
    if (isRestricted(input.visibility))
      audit(ctx, staff.id, 'create', 'note', [id], input.studentId);
    return onlyView(ctx, id);
  },

  'note.revise': (ctx, { revisionId, subject, body }) => {
    const { staff, keyring } = requireViewer(ctx);
    const current = noteViews(ctx, BY_ID, revisionId)[0];
    if (!current) {
      // Revised since it was opened, or never there: which one is said only to someone who
      // may know the note exists, so another author's private note stays unknown.
      const known = ctx.store
        .sql(`SELECT 1 FROM notes n WHERE n.id = @target AND n.school_id = @school AND ${listed}`)
        .get({ ...viewerBindings(staff), target: revisionId });
      throw known
        ? new HearthError('CONFLICT', say(WORDS.noteChanged))
        : new HearthError('NOT_FOUND', say(WORDS.noteNotFound));
    }
    if (current.access !== 'open') throw new HearthError('UNAUTHORIZED', say(WORDS.noteUnreadable));
    const id = newId(ctx.now().getTime());
    writeNoteRevision(ctx.writer, keyring, {
      id,
      schoolId: staff.schoolId,
      noteId: current.noteId,
      replacesId: revisionId,
      studentId: current.studentId,
      personId: current.personId,
      visibility: current.visibility,
      authorId: staff.id,
      createdAt: ctx.now().toISOString(),
      subject,
      body,
    });
    if (isRestricted(current.visibility))
      audit(ctx, staff.id, 'revise', 'note', [id], current.studentId);
    return onlyView(ctx, id);
  },

  'note.history': (ctx, { noteId }) => {
    const { staff, keyring } = requireViewer(ctx);
    const rows = ctx.store
      .sql(
        `SELECT n.id, n.replaces_id, n.visibility, n.student_id, n.created_at, ${readable} AS readable,
           CASE WHEN ${readable} THEN n.subject END AS subject,
           CASE WHEN ${readable} THEN n.body END AS body,
           CASE WHEN ${readable} THEN n.sealed END AS sealed,
           a.display_name AS author_name
         FROM notes n JOIN staff a ON a.id = n.author_id
         WHERE n.note_id = @target AND n.school_id = @school AND ${listed}
         ORDER BY n.created_at, n.id`,
      )
      .all({
        target: noteId,
        ...viewerBindings(staff),
      }) as (NoteRow & { replaces_id: string | null })[];
    const [first] = rows;
    if (!first) throw new HearthError('NOT_FOUND', say(WORDS.noteNotFound));
    const history = rows.map((row) => {
      const seen = reveal<NoteContent>(keyring, row, () => ({
        subject: row.subject as string,
        body: row.body as string,
      }));
      if (!seen.open) throw new HearthError('UNAUTHORIZED', say(WORDS.noteHistoryTeamOnly));
      return {
        revisionId: row.id,
        replacesId: row.replaces_id,
        ...seen.content,
        authorName: row.author_name,
        createdAt: row.created_at,
      };
    });
    if (isRestricted(first.visibility))
      audit(
        ctx,
        staff.id,
        'read',
        'note',
        rows.map((r) => r.id),
        first.student_id,
      );
    return history;
  },

  'note.forStudent': (ctx, { studentId }) => {
    requireSchool(ctx);
    loadOwned(ctx, 'students', studentId, 'student');
    return notesForStudent(ctx, studentId, 'read');
  },

  'note.recent': (ctx, { visibility, limit }) => noteViews(ctx, RECENT, visibility, { limit }),
} satisfies Partial<Handlers>;
