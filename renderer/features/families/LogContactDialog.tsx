import { zodResolver } from '@hookform/resolvers/zod';
import { addDays, format } from 'date-fns';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
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
  CONTACT_KIND_WORDS,
  DIRECTION_WORDS,
  fromSchoolLocal,
  fullName,
  schoolToday,
  toSchoolLocal,
} from '../../ui/format';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';
import { LanguagePicker } from '../../ui/LanguagePicker';
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
  const familyLanguages = family.members.map((m) => m.homeLanguage);

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
          ? t({
              defaultMessage: 'Correct this entry (the original stays, marked as corrected)',
              id: 'YemJ1i',
            })
          : t(
              { defaultMessage: 'Log a contact with the {family}', id: '2uTPOw' },
              { family: family.household.name },
            )
      }
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div
          className="prefs-banner"
          aria-label={t({
            defaultMessage: 'How this family prefers to be contacted',
            id: 'CxwnTX',
          })}
        >
          {shownPeople.map((m) => (
            <ContactPreferences key={m.id} person={m} />
          ))}
        </div>
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'With', id: 'E8dH1q' })}</span>
            <select
              {...form.register('personId', { setValueAs: (v: string) => v || null })}
              data-autofocus
            >
              {family.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {fullName(m)}
                </option>
              ))}
              <option value="">
                {t({ defaultMessage: 'The family as a whole', id: '9ZaqsE' })}
              </option>
            </select>
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Kind', id: 'e5x8FT' })}</span>
            <select {...form.register('kind')}>
              {CONTACT_KINDS.filter((k) => k !== 'walk_in').map((k) => (
                <option key={k} value={k}>
                  {CONTACT_KIND_WORDS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'When', id: 'McnLsx' })}</span>
            <input
              type="datetime-local"
              max={toSchoolLocal(now.toISOString(), timeZone)}
              {...form.register('when')}
              aria-invalid={!!errors.when}
            />
            <FieldError
              field={t({ defaultMessage: 'When', id: 'McnLsx' })}
              message={errors.when?.message}
            />
          </label>
        </div>
        <fieldset className="choice-row">
          <legend>{t({ defaultMessage: 'Direction', id: 'DZ2Koj' })}</legend>
          {CONTACT_DIRECTIONS.map((d) => (
            <label key={d} className="choice">
              <input type="radio" value={d} {...form.register('direction')} />
              {DIRECTION_WORDS[d]}
            </label>
          ))}
        </fieldset>
        <ToneChoice
          legend={t({ defaultMessage: 'Tone', id: 'ai/75G' })}
          registration={form.register('tone')}
        />
        <label className="field">
          <span>{t({ defaultMessage: 'What was said', id: 'FMkiH9' })}</span>
          <textarea
            rows={3}
            dir="auto"
            {...form.register('summary')}
            aria-invalid={!!errors.summary}
          />
          <FieldError
            field={t({ defaultMessage: 'Summary', id: 'RrCui3' })}
            message={errors.summary?.message}
          />
        </label>
        <div className="row">
          <Controller
            control={form.control}
            name="language"
            render={({ field }) => (
              <LanguagePicker
                label={t({ defaultMessage: 'Language used', id: 'VYAQrS' })}
                value={field.value ?? ''}
                onChange={(code) => field.onChange(code || null)}
                also={familyLanguages}
                emptyLabel={t({ defaultMessage: 'Not recorded', id: 'ff61Po' })}
              />
            )}
          />
          <label className="choice">
            <input type="checkbox" {...form.register('interpreterUsed')} />{' '}
            {t({ defaultMessage: 'Interpreter used', id: '49dDgv' })}
          </label>
          {/* Only an administrator records a contact someone else made (the record says so). */}
          {viewer.role === 'administrator' && (
            <label className="field">
              <span>{t({ defaultMessage: 'Made by', id: 'DH9P+z' })}</span>
              <select {...form.register('staffId')}>
                {(staff.data ?? [viewer]).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id === viewer.id
                      ? t({ defaultMessage: '{name} (me)', id: 'zd3uOY' }, { name: s.displayName })
                      : s.displayName}
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
            {t({ defaultMessage: 'This needs a follow-up', id: 'KE7EUM' })}
          </label>
        )}
        {followUp && (
          <div
            className="row subform"
            aria-label={t({ defaultMessage: 'Follow-up', id: 'CzkhrD' })}
          >
            <label className="field grow">
              <span>{t({ defaultMessage: 'Follow-up', id: 'CzkhrD' })}</span>
              <input {...form.register('followUp.title')} aria-invalid={!!errors.followUp?.title} />
              <FieldError
                field={t({ defaultMessage: 'Follow-up', id: 'CzkhrD' })}
                message={errors.followUp?.title?.message}
              />
            </label>
            <label className="field">
              <span>
                {t({
                  defaultMessage: 'For',
                  id: 'ZC7Xic',
                  description: 'the student a follow-up is for',
                })}
              </span>
              <select {...form.register('followUp.studentId')}>
                {family.students.map(({ student }) => (
                  <option key={student.id} value={student.id}>
                    {fullName(student)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Assigned to', id: 'ONVN5F' })}</span>
              <select {...form.register('followUp.assigneeId')}>
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
                {...form.register('followUp.dueOn')}
                aria-invalid={!!errors.followUp?.dueOn}
              />
              <FieldError
                field={t({ defaultMessage: 'Due date', id: 'l3AfOI' })}
                message={errors.followUp?.dueOn?.message}
              />
            </label>
          </div>
        )}
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={
            correcting
              ? t({ defaultMessage: 'Log the correction', id: 'yFnt6l' })
              : t({ defaultMessage: 'Log contact', id: 'ng14p+' })
          }

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
