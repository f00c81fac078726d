import { useCallback, useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import {
  HOME_VISIT_LIMITS,
  homeVisitRecordSchema,
  STRENGTH_CATEGORIES,
  type HomeVisitDraft,
  type HomeVisitView,
  type Staff,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import {
  clockTime,
  fullName,
  HOME_VISIT_STATUS_WORDS,
  PLACE_WORDS,
  schoolDateTime,
  STRENGTH_CATEGORY_WORDS,
} from '../../ui/format';
import { Counter } from '../../ui/Counter';
import { ToneChoice } from '../../ui/ToneChoice';
import { fitDraft } from './draftFit';
import { t } from '../../i18n/intl';
import { FamilyPaper } from '../../papers/FamilyPaper';
import { FieldError } from '../../ui/FieldError';

const EMPTY: HomeVisitDraft = {
  present: '',
  hopes: '',
  concerns: '',
  tone: null,
  strengths: [],
  followUps: [],
};
/** How long typing must pause before the draft is saved; short enough to lose nothing. */
const AUTOSAVE_MS = 400;

/** A draft in the shape completing a visit needs: blanks become "not given". */
function toRecord(draft: HomeVisitDraft) {
  return {
    present: draft.present,
    hopes: draft.hopes,
    concerns: draft.concerns.trim() ? draft.concerns : null,
    tone: draft.tone,
    strengths: draft.strengths.map((s) => ({ ...s, personId: s.personId || null })),
    followUps: draft.followUps.map((f) => ({ ...f, visibility: 'staff' as const })),
  };
}

type SaveState =
  { kind: 'idle' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

function RecordForm({
  visit,
  draft,
  savedAt,
  viewer,
  timeZone,
  onClosed,
}: {
  visit: HomeVisitView;
  draft: HomeVisitDraft | null;
  savedAt: string | null;
  viewer: Staff;
  timeZone: string;
  onClosed: () => void;
}) {
  const family = useCall('family.get', { householdId: visit.householdId });
  const staff = useCall('staff.list', {});
  const form = useForm<HomeVisitDraft>({ defaultValues: draft ?? EMPTY });
  const strengths = useFieldArray({ control: form.control, name: 'strengths' });
  const followUps = useFieldArray({ control: form.control, name: 'followUps' });
  const values = useWatch({ control: form.control });
  const [save, setSave] = useState<SaveState>(
    savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' },
  );
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<'cancelled' | 'declined' | null>(null);
  const [closeNote, setCloseNote] = useState('');
  const firstRender = useRef(true);
  const lastSaved = useRef(JSON.stringify(draft ?? EMPTY));

  /** Save what is typed now; a part over its limit is saved up to it, and named at its field. */
  const saveNow = useCallback(() => {
    const { fitted, overflows } = fitDraft(form.getValues());
    for (const { path, over, max } of overflows)
      form.setError(path as Path<HomeVisitDraft>, {
        message: t(
          {
            defaultMessage:
              'is {over, number} characters over its limit of {max, number}: shorten it (the first {max, number} are saved)',
            id: 'hzmje/',
          },
          { over, max },
        ),
      });
    const text = JSON.stringify(fitted);
    if (text === lastSaved.current) return;
    lastSaved.current = text;
    call('homeVisit.saveDraft', { id: visit.id, draft: fitted }).then(
      ({ savedAt: at }) => setSave({ kind: 'saved', at }),
      (e: unknown) => setSave({ kind: 'failed', message: errorMessage(e) }),
    );
  }, [form, visit.id]);

  // Every pause in typing saves the whole draft on this computer, so closing the app, a
  // crash or a flat battery loses at most the last few keystrokes.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const timer = setTimeout(() => {
      // Anything flagged by the last "Complete visit" is looked at again on the next one.
      form.clearErrors();
      setError(null);
      saveNow();
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [values, form, saveNow]);

  // A reload or closed window within a moment of typing still saves the last keystrokes.
  useEffect(() => {
    window.addEventListener('pagehide', saveNow);
    return () => window.removeEventListener('pagehide', saveNow);
  }, [saveNow]);

  const complete = async () => {
    setError(null);
    form.clearErrors();
    const parsed = homeVisitRecordSchema.safeParse(toRecord(form.getValues()));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        form.setError(issue.path.join('.') as Path<HomeVisitDraft>, { message: issue.message });
      setError(
        t({
          defaultMessage: 'Some parts of the record need another look (marked below).',
          id: 'MXctvy',
        }),
      );

      return;
    }
    try {
      await call('homeVisit.complete', { id: visit.id, ...parsed.data });
      onClosed();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const close = async () => {
    if (!closing) return;
    try {
      await call('homeVisit.close', {
        id: visit.id,
        status: closing,
        note: closeNote.trim() || null,
      });
      onClosed();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const { errors } = form.formState;
  const members = family.data?.members ?? [];
  const students = family.data?.students ?? [];

  return (
    <form
      className="stack"
      onSubmit={(e) => e.preventDefault()}
      noValidate
      aria-label={t({ defaultMessage: 'Visit record', id: '7Jy14r' })}
    >
      <p className="save-state small-text" role="status" aria-live="polite">
        {save.kind === 'saved' &&
          t(
            { defaultMessage: 'Draft saved on this computer at {time}', id: 'V6Zjdc' },
            { time: clockTime(save.at) },
          )}
        {save.kind === 'failed' &&
          t(
            { defaultMessage: 'The draft could not be saved: {problem}', id: 'jCdiEY' },
            { problem: save.message },
          )}
        {save.kind === 'idle' &&
          t({
            defaultMessage: 'Your notes save on this computer as you type. No connection needed.',
            id: '85R5BV',
          })}
      </p>
      <label className="field">
        <span>{t({ defaultMessage: 'Who was there', id: 'mH4G94' })}</span>
        <input {...form.register('present')} data-autofocus aria-invalid={!!errors.present} />
        <Counter value={values.present} max={HOME_VISIT_LIMITS.present} />
        <FieldError
          field={t({ defaultMessage: 'Who was there', id: 'mH4G94' })}
          message={errors.present?.message}
        />
      </label>
      <label className="field">
        <span>{t({ defaultMessage: 'Hopes and dreams the family shared', id: '5+THou' })}</span>
        <textarea rows={4} {...form.register('hopes')} aria-invalid={!!errors.hopes} />
        <Counter value={values.hopes} max={HOME_VISIT_LIMITS.hopes} />
        <FieldError
          field={t({ defaultMessage: 'Hopes and dreams', id: 'HzMgho' })}
          message={errors.hopes?.message}
        />
      </label>
      <label className="field">
        <span>{t({ defaultMessage: 'Concerns (optional)', id: 'UbHVCJ' })}</span>
        <textarea rows={2} {...form.register('concerns')} aria-invalid={!!errors.concerns} />
        <Counter value={values.concerns} max={HOME_VISIT_LIMITS.concerns} />
        <FieldError
          field={t({ defaultMessage: 'Concerns', id: 'xg6/fp' })}
          message={errors.concerns?.message}
        />
      </label>

      <fieldset className="stack">
        <legend>{t({ defaultMessage: 'Strengths we learned about', id: 'VOPtrS' })}</legend>
        {strengths.fields.map((field, i) => (
          <div key={field.id} className="row compact subform">
            <label className="field">
              <span>{t({ defaultMessage: 'Kind', id: 'e5x8FT' })}</span>
              <select {...form.register(`strengths.${i}.category`)}>
                {STRENGTH_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {STRENGTH_CATEGORY_WORDS[c]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field grow">
              <span>{t({ defaultMessage: 'What it is', id: 'gy4m8V' })}</span>
              <input
                {...form.register(`strengths.${i}.description`)}
                aria-invalid={!!errors.strengths?.[i]?.description}
              />
              <FieldError
                field={t({ defaultMessage: 'Description', id: 'Q8Qw5B' })}
                message={errors.strengths?.[i]?.description?.message}
              />
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Whose', id: 'b8TaZQ' })}</span>
              <select {...form.register(`strengths.${i}.personId`)}>
                <option value="">{t({ defaultMessage: 'The family', id: '9sgcJ8' })}</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {fullName(m)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Consent', id: 'GlRxTV' })}</span>
              <select {...form.register(`strengths.${i}.consent`)}>
                <option value="staff">
                  {t({ defaultMessage: 'Share with staff', id: 'b7iJIs' })}
                </option>
                <option value="recorder_only">
                  {t({ defaultMessage: 'Keep with me only', id: 'UoSAu1' })}
                </option>
              </select>
            </label>
            <button type="button" className="button small" onClick={() => strengths.remove(i)}>
              {t({ defaultMessage: 'Remove', id: 'G/yZLu' })}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="button small"
            onClick={() =>
              strengths.append({
                category: 'skill',
                description: '',
                consent: 'staff',
                personId: '',
              })
            }
          >
            {t({ defaultMessage: 'Add a strength', id: '7s9dFc' })}
          </button>
        </div>
      </fieldset>

      <fieldset className="stack">
        <legend>{t({ defaultMessage: 'Follow-ups', id: 'k26pcw' })}</legend>
        {followUps.fields.map((field, i) => (
          <div key={field.id} className="row compact subform">
            <label className="field grow">
              <span>{t({ defaultMessage: 'What needs doing', id: 'UOwFUz' })}</span>
              <input
                {...form.register(`followUps.${i}.title`)}
                aria-invalid={!!errors.followUps?.[i]?.title}
              />
              <FieldError
                field={t({ defaultMessage: 'Follow-up', id: 'CzkhrD' })}
                message={errors.followUps?.[i]?.title?.message}
              />
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'For', id: 'olByc0' })}</span>
              <select {...form.register(`followUps.${i}.studentId`)}>
                {students.map(({ student }) => (
                  <option key={student.id} value={student.id}>
                    {fullName(student)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Assigned to', id: 'ONVN5F' })}</span>
              <select {...form.register(`followUps.${i}.assigneeId`)}>
                {(staff.data ?? [viewer]).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Due', id: 'g9pEhE' })}</span>
              <input
                type="date"
                {...form.register(`followUps.${i}.dueOn`)}
                aria-invalid={!!errors.followUps?.[i]?.dueOn}
              />
              <FieldError
                field={t({ defaultMessage: 'Due date', id: 'l3AfOI' })}
                message={errors.followUps?.[i]?.dueOn?.message}
              />
            </label>
            <button type="button" className="button small" onClick={() => followUps.remove(i)}>
              {t({ defaultMessage: 'Remove', id: 'G/yZLu' })}
            </button>
          </div>
        ))}
        {students.length > 0 && (
          <div>
            <button
              type="button"
              className="button small"
              onClick={() =>
                followUps.append({
                  title: '',
                  studentId: students[0]?.student.id ?? '',
                  assigneeId: viewer.id,
                  dueOn: '',
                })
              }
            >
              {t({ defaultMessage: 'Add a follow-up', id: '+KnUWh' })}
            </button>
          </div>
        )}
      </fieldset>

      <ToneChoice
        legend={t({ defaultMessage: 'How did it go?', id: 'yMXlRJ' })}
        registration={form.register('tone')}
      />
      <FieldError
        field={t({ defaultMessage: 'How it went', id: '20wNLe' })}
        message={errors.tone?.message}
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setClosing('declined')}>
          {t({ defaultMessage: 'Family declined', id: 'KvXtew' })}
        </button>
        <button type="button" className="button" onClick={() => setClosing('cancelled')}>
          {t({ defaultMessage: 'Cancel visit', id: 'mZdq6w' })}
        </button>
        <button type="button" className="button primary" onClick={() => void complete()}>
          {t({ defaultMessage: 'Complete visit', id: '40ua0c' })}
        </button>
      </div>
      {closing && (
        <div
          className="row compact subform"
          aria-label={
            closing === 'declined'
              ? t({ defaultMessage: 'Declined', id: 'uRYIb9' })
              : t({ defaultMessage: 'Cancelled', id: '3wsVWF' })
          }
        >
          <label className="field grow">
            <span>
              {closing === 'declined'
                ? t({ defaultMessage: 'What the family said (optional)', id: 'W8/KV2' })
                : t({ defaultMessage: 'Why (optional)', id: 'yLYKBx' })}
            </span>
            <input
              value={closeNote}
              onChange={(e) => setCloseNote(e.target.value)}
              maxLength={500}
            />
          </label>
          <button type="button" className="button danger small" onClick={() => void close()}>
            {closing === 'declined'
              ? t({ defaultMessage: 'Mark declined by the family', id: '4VzFfo' })
              : t({ defaultMessage: 'Cancel this visit', id: 'BAv/K8' })}
          </button>
        </div>
      )}
      <p className="muted small-text">
        {t(
          { defaultMessage: 'Visit time: {time}', id: 'ftFc1z' },
          { time: schoolDateTime(visit.scheduledAt, timeZone) },
        )}
      </p>
    </form>
  );
}

/** A home visit: its plan, and (while planned) the record being written, saved as it is typed. */
export function HomeVisitRecord({
  visitId,
  viewer,
  school,
  timeZone,
  onBack,
  onOpenFamily,
}: {
  visitId: string;
  viewer: Staff;
  /** The school's name, as its papers print it. */
  school: string;
  timeZone: string;
  onBack: () => void;
  onOpenFamily: (householdId: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const [printing, setPrinting] = useState(false);
  const loaded = useCall('homeVisit.get', { id: visitId }, version);
  if (loaded.error !== undefined)
    return (
      <p role="alert" className="error-text">
        {errorMessage(loaded.error)}
      </p>
    );
  if (!loaded.data)
    return <p className="muted">{t({ defaultMessage: 'Opening the visit…', id: 'sHo7Ks' })}</p>;
  const { visit, draft, draftSavedAt } = loaded.data;
  const going = visit.staffIds.includes(viewer.id) || visit.createdBy === viewer.id;
  return (
    <div className="record">
      <div className="record-header">
        <div>
          <button type="button" className="link-button" onClick={onBack}>
            {t({ defaultMessage: '← Back', id: '7aican' })}
          </button>
          <h1>
            {t(
              { defaultMessage: 'Home visit: {family}', id: 'oPfeRu' },
              { family: visit.familyName },
            )}
          </h1>

          <p className="muted">
            {schoolDateTime(visit.scheduledAt, timeZone)} · {PLACE_WORDS[visit.place]}
            {visit.placeDetail ? ` (${visit.placeDetail})` : ''} · {visit.staffNames.join(', ')}
          </p>
          <p>{visit.purpose}</p>
        </div>
        <div className="actions">
          <span className="tag">{HOME_VISIT_STATUS_WORDS[visit.status]}</span>
          <button type="button" className="button" onClick={() => onOpenFamily(visit.householdId)}>
            {t({ defaultMessage: 'Family page', id: 'TMca/R' })}
          </button>
        </div>
      </div>
      <section className="card" aria-labelledby="visit-record-title">
        <h2 id="visit-record-title">
          {t({ defaultMessage: 'Record of the visit', id: 'nOzyK7' })}
        </h2>
        {visit.status === 'planned' && going && (
          <RecordForm
            visit={visit}
            draft={draft}
            savedAt={draftSavedAt}
            viewer={viewer}
            timeZone={timeZone}
            onClosed={() => setVersion((n) => n + 1)}
          />
        )}
        {visit.status === 'planned' && !going && (
          <p className="empty">
            {t({
              defaultMessage: 'Only the staff going on this visit can record it.',
              id: 'BzgpqP',
            })}
          </p>
        )}
        {visit.status === 'completed' && (
          <dl className="visit-record">
            <dt>{t({ defaultMessage: 'Who was there', id: 'mH4G94' })}</dt>
            <dd>{visit.present}</dd>
            <dt>{t({ defaultMessage: 'Hopes and dreams', id: 'HzMgho' })}</dt>
            <dd>{visit.hopes}</dd>
            {visit.concerns && (
              <>
                <dt>{t({ defaultMessage: 'Concerns', id: 'xg6/fp' })}</dt>
                <dd>{visit.concerns}</dd>
              </>
            )}
          </dl>
        )}
        {visit.status === 'completed' && (
          <button type="button" className="button" onClick={() => setPrinting(true)}>
            {t({ defaultMessage: 'Print a summary for the family', id: 'kd6Ny9' })}
          </button>
        )}
        {printing && (
          <VisitSummaryPaper
            visit={visit}
            school={school}
            timeZone={timeZone}
            onClose={() => setPrinting(false)}
          />
        )}
        {(visit.status === 'cancelled' || visit.status === 'declined') && (
          <p>
            {HOME_VISIT_STATUS_WORDS[visit.status]}
            {visit.outcomeNote ? `: ${visit.outcomeNote}` : '.'}
          </p>
        )}
      </section>
    </div>
  );
}

/** The summary of a completed visit for the family, in the language of its caregivers. */
function VisitSummaryPaper({
  visit,
  school,
  timeZone,
  onClose,
}: {
  visit: HomeVisitView;
  school: string;
  timeZone: string;
  onClose: () => void;
}) {
  const family = useCall('family.get', { householdId: visit.householdId });
  if (!family.data) return null;
  return (
    <FamilyPaper
      kind="home_visit_summary"
      familyLanguage={family.data.members.find((m) => m.homeLanguage)?.homeLanguage ?? null}
      values={{ school, staff: visit.staffNames.join(', ') }}
      texts={{ hopes: visit.hopes ?? undefined }}
      when={{ at: visit.scheduledAt, timeZone }}
      onClose={onClose}
    />
  );
}
