import { zodResolver } from '@hookform/resolvers/zod';
import { addDays, format } from 'date-fns';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  API,
  CONTACT_DIRECTIONS,
  CONTACT_KINDS,
  newFollowUpSchema,
  type ContactView,
  type FamilyProfile,
  type Staff,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { ToneChoice } from '../../ui/ToneChoice';
import { FormActions } from '../../ui/FormActions';
import {
  COMMON_LANGUAGES,
  CONTACT_KIND_WORDS,
  DIRECTION_WORDS,
  fromSchoolLocal,
  fullName,
  languageName,
  schoolToday,
  toSchoolLocal,
} from '../../ui/format';
import { localDateTime, showIssues } from '../../ui/forms';
import { useNow } from '../../ui/useNow';
import { ContactPreferences } from './ContactPreferences';

const contactForm = API['contact.log'].input.omit({ occurredAt: true, followUp: true }).extend({
  /** When it happened, as typed in the school's time zone. */
  when: localDateTime,
  followUp: newFollowUpSchema.nullable(),
});
type ContactForm = z.input<typeof contactForm>;

interface LogContactDialogProps {
  family: FamilyProfile;
  viewer: Staff;
  timeZone: string;
  /** Correct this entry: the form starts from it, and saving logs a correction naming it. */
  correcting?: ContactView;
  onDone: (saved: boolean) => void;
}

/**
 * Log a contact in a few seconds: kind, direction and tone are one key press each, the time
 * defaults to now, and the family's preferences are at the top.
 */
export function LogContactDialog({
  family,
  viewer,
  timeZone,
  correcting,
  onDone,
}: LogContactDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const staff = useCall('staff.list', {});
  const firstStudent = family.students[0]?.student.id ?? null;
  const form = useForm<ContactForm>({
    resolver: zodResolver(contactForm),
    defaultValues: correcting
      ? {
          householdId: family.household.id,
          personId: correcting.personId,
          studentIds: correcting.studentIds,
          kind: correcting.kind,
          direction: correcting.direction,
          tone: correcting.tone,
          language: correcting.language,
          interpreterUsed: correcting.interpreterUsed,
          summary: correcting.summary,
          staffId: viewer.id,
          when: toSchoolLocal(correcting.occurredAt, timeZone),
          followUp: null,
          correctsId: correcting.id,
        }
      : {
          householdId: family.household.id,
          personId: family.members[0]?.id ?? null,
          studentIds: [],
          kind: 'call',
          direction: 'school_to_family',
          tone: 'good_news',
          language: family.members[0]?.homeLanguage ?? null,
          interpreterUsed: false,
          summary: '',
          staffId: viewer.id,
          when: toSchoolLocal(now.toISOString(), timeZone),
          followUp: null,
        },
  });
  const { errors, isSubmitting } = form.formState;
  const followUp = useWatch({ control: form.control, name: 'followUp' });
  const personId = useWatch({ control: form.control, name: 'personId' });
  const shownPeople = family.members.filter((m) => !personId || m.id === personId);
  const languages = [
    ...new Set([
      ...family.members.flatMap((m) => (m.homeLanguage ? [m.homeLanguage] : [])),
      ...COMMON_LANGUAGES,
    ]),
  ];

  const submit = form.handleSubmit(async ({ when, ...values }) => {
    setError(null);
    const occurredAt = fromSchoolLocal(when, timeZone);
    // The core checks "not in the future" against its own clock; its answer lands on "when".
    if (!occurredAt) {
      form.setError('when', { message: 'must be a date and time' });
      return;
    }
    try {
      await call('contact.log', { ...values, occurredAt });
      onDone(true);
    } catch (e) {
      if (!showIssues(form, e, { occurredAt: 'when' })) setError(errorMessage(e));
    }
  });

  return (
    <Dialog
      size="wide"
      title={
        correcting
          ? 'Correct this entry (the original stays, marked as corrected)'
          : `Log a contact with the ${family.household.name}`
      }
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="prefs-banner" aria-label="How this family prefers to be contacted">
          {shownPeople.map((m) => (
            <ContactPreferences key={m.id} person={m} />
          ))}
        </div>
        <div className="row">
          <label className="field">
            <span>With</span>
            <select
              {...form.register('personId', { setValueAs: (v: string) => v || null })}
              data-autofocus
            >
              {family.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {fullName(m)}
                </option>
              ))}
              <option value="">The family as a whole</option>
            </select>
          </label>
          <label className="field">
            <span>Kind</span>
            <select {...form.register('kind')}>
              {CONTACT_KINDS.filter((k) => k !== 'walk_in').map((k) => (
                <option key={k} value={k}>
                  {CONTACT_KIND_WORDS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>When</span>
            <input
              type="datetime-local"
              max={toSchoolLocal(now.toISOString(), timeZone)}
              {...form.register('when')}
              aria-invalid={!!errors.when}
            />
            {errors.when && <span className="field-error">When {errors.when.message}</span>}
          </label>
        </div>
        <fieldset className="choice-row">
          <legend>Direction</legend>
          {CONTACT_DIRECTIONS.map((d) => (
            <label key={d} className="choice">
              <input type="radio" value={d} {...form.register('direction')} />
              {DIRECTION_WORDS[d]}
            </label>
          ))}
        </fieldset>
        <ToneChoice legend="Tone" registration={form.register('tone')} />
        <label className="field">
          <span>What was said</span>
          <textarea rows={3} {...form.register('summary')} aria-invalid={!!errors.summary} />
          {errors.summary && <span className="field-error">Summary {errors.summary.message}</span>}
        </label>
        <div className="row">
          <label className="field">
            <span>Language used</span>
            <select {...form.register('language', { setValueAs: (v: string) => v || null })}>
              <option value="">Not recorded</option>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          </label>
          <label className="choice">
            <input type="checkbox" {...form.register('interpreterUsed')} /> Interpreter used
          </label>
          {/* Only an administrator records a contact someone else made (the record says so). */}
          {viewer.role === 'administrator' && (
            <label className="field">
              <span>Made by</span>
              <select {...form.register('staffId')}>
                {(staff.data ?? [viewer]).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id === viewer.id ? `${s.displayName} (me)` : s.displayName}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {firstStudent && (
          <label className="choice">
            <input
              type="checkbox"
              checked={followUp !== null}
              onChange={(e) =>
                form.setValue(
                  'followUp',
                  e.target.checked
                    ? {
                        studentId: firstStudent,
                        title: '',
                        assigneeId: viewer.id,
                        dueOn: format(
                          addDays(new Date(`${schoolToday(timeZone)}T12:00:00`), 7),
                          'yyyy-MM-dd',
                        ),
                        visibility: 'staff',
                      }
                    : null,
                )
              }
            />{' '}
            This needs a follow-up
          </label>
        )}
        {followUp && (
          <div className="row subform" aria-label="Follow-up">
            <label className="field grow">
              <span>Follow-up</span>
              <input {...form.register('followUp.title')} aria-invalid={!!errors.followUp?.title} />
              {errors.followUp?.title && (
                <span className="field-error">Follow-up {errors.followUp.title.message}</span>
              )}
            </label>
            <label className="field">
              <span>For</span>
              <select {...form.register('followUp.studentId')}>
                {family.students.map(({ student }) => (
                  <option key={student.id} value={student.id}>
                    {fullName(student)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Assigned to</span>
              <select {...form.register('followUp.assigneeId')}>
                {(staff.data ?? [viewer]).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Due</span>
              <input
                type="date"
                {...form.register('followUp.dueOn')}
                aria-invalid={!!errors.followUp?.dueOn}
              />
              {errors.followUp?.dueOn && (
                <span className="field-error">Due date {errors.followUp.dueOn.message}</span>
              )}
            </label>
          </div>
        )}
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={correcting ? 'Log the correction' : 'Log contact'}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
