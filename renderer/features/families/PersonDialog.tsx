import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { API, INTERPRETER_NEEDS, PERSON_KINDS, type Person } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { fullName, INTERPRETER_CHOICES, PERSON_KIND_CHOICES } from '../../ui/format';
import { showIssues } from '../../ui/forms';
import { DuplicateWarning } from './DuplicateWarning';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { ChannelOptions } from '../../ui/options';

import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

/** The form keeps empty strings while typing; the contract wants nulls and no gaps. */
interface PersonForm {
  firstName: string;
  lastName: string;
  kind: Person['kind'];
  phones: string[];
  email: string;
  homeLanguage: string;
  interpreter: Person['interpreter'];
  channels: string[];
  bestTimes: string;
  doNotContact: string;
}

const orNull = (s: string) => (s.trim() ? s : null);
const clean = (v: PersonForm) => ({
  ...v,
  lastName: orNull(v.lastName),
  phones: v.phones.filter((p) => p.trim()),
  email: orNull(v.email),
  homeLanguage: orNull(v.homeLanguage),
  channels: v.channels.filter(Boolean),
  bestTimes: orNull(v.bestTimes),
  doNotContact: orNull(v.doNotContact),
});

// The contract's own schema decides what is valid; the form only tidies what was typed.
const personForm = z.preprocess(
  (v: PersonForm) => clean(v),
  API['person.create'].input.omit({ householdId: true }),
);

interface PersonDialogProps {
  householdId: string;
  /** Edit this person; without one, add someone to the family. */
  person?: Person;
  onDone: (saved: boolean) => void;
}

/** Add someone to a family (warning about likely duplicates first), or edit their details. */
export function PersonDialog({ householdId, person, onDone }: PersonDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<PersonForm, unknown, z.output<typeof personForm>>({
    resolver: zodResolver(personForm),
    defaultValues: {
      firstName: person?.firstName ?? '',
      lastName: person?.lastName ?? '',
      kind: person?.kind ?? 'caregiver',
      phones: [person?.phones[0] ?? '', person?.phones[1] ?? ''],
      email: person?.email ?? '',
      homeLanguage: person?.homeLanguage ?? '',
      interpreter: person?.interpreter ?? 'none',
      channels: [0, 1, 2].map((i) => person?.channels[i] ?? ''),
      bestTimes: person?.bestTimes ?? '',
      doNotContact: person?.doNotContact ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const typed = useWatch({
    control: form.control,
    name: ['firstName', 'lastName', 'phones', 'email'],
  });
  const [lookup, setLookup] = useState<string | null>(null);
  // Ask about duplicates once typing pauses, only when adding someone new.
  useEffect(() => {
    if (person) return;
    const timer = setTimeout(() => setLookup(JSON.stringify(typed)), 300);
    return () => clearTimeout(timer);
  }, [person, typed]);
  const [firstName, lastName, phones, email] = lookup
    ? (JSON.parse(lookup) as [string, string, string[], string])
    : ['', '', [], ''];
  const phonesTyped = phones.filter((p) => /\d{3}/.test(p.replace(/\D/g, '')));
  const emailTyped = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()) ? email.trim() : null;
  const duplicates = useCall(
    'person.findDuplicates',
    firstName.trim()
      ? {
          firstName: firstName.trim(),
          lastName: orNull(lastName)?.trim() ?? null,
          phones: phonesTyped,
          email: emailTyped,
        }
      : null,
  );
  const candidates = (duplicates.data ?? []).filter((c) => c.person.id !== person?.id);

  const chooseExisting = async (id: string) => {
    try {
      await call('person.update', { id, householdId });
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      if (person) {
        const { kind, ...patch } = values;
        await call('person.update', { id: person.id, ...patch });
      } else await call('person.create', { ...values, householdId });
      onDone(true);
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <Dialog
      size="wide"
      title={
        person
          ? t(
              { defaultMessage: '{name}: details and preferences', id: 'NLORdz' },
              { name: fullName(person) },
            )
          : t({ defaultMessage: 'Add someone to this family', id: '5Yz362' })
      }
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'First name', id: 'pONqz8' })}</span>
            <input
              {...form.register('firstName')}
              data-autofocus
              aria-invalid={!!errors.firstName}
            />
            <FieldError
              field={t({ defaultMessage: 'First name', id: 'pONqz8' })}
              message={errors.firstName?.message}
            />
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Last name', id: 'txUL0F' })}</span>
            <input {...form.register('lastName')} aria-invalid={!!errors.lastName} />
            <FieldError
              field={t({ defaultMessage: 'Last name', id: 'txUL0F' })}
              message={errors.lastName?.message}
            />
          </label>
          {!person && (
            <label className="field">
              <span>{t({ defaultMessage: 'Who they are', id: 'pggqDe' })}</span>
              <select {...form.register('kind')}>
                {PERSON_KINDS.filter((k) => k !== 'visitor').map((k) => (
                  <option key={k} value={k}>
                    {PERSON_KIND_CHOICES[k]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div className="row">
          {[0, 1].map((i) => (
            <label className="field" key={i}>
              <span>
                {i === 0
                  ? t({ defaultMessage: 'Phone', id: 'O95R3Z' })
                  : t({ defaultMessage: 'Other phone', id: '6wWJYo' })}
              </span>
              <input
                type="tel"
                {...form.register(`phones.${i}`)}
                aria-invalid={!!errors.phones?.[i]}
              />
              <FieldError
                field={t({ defaultMessage: 'Phone', id: 'O95R3Z' })}
                message={errors.phones?.[i]?.message}
              />
            </label>
          ))}
          <label className="field">
            <span>{t({ defaultMessage: 'Email', id: 'sy+pv5' })}</span>
            <input type="email" {...form.register('email')} aria-invalid={!!errors.email} />
            <FieldError
              field={t({ defaultMessage: 'Email', id: 'sy+pv5' })}
              message={errors.email?.message}
            />
          </label>
        </div>
        {candidates.length > 0 && (
          <DuplicateWarning
            candidates={candidates}
            action={(c) =>
              c.person.householdId === householdId ? (
                <span className="tag">
                  {t({ defaultMessage: 'Already in this family', id: 'xzJ2FS' })}
                </span>
              ) : (
                <button
                  type="button"
                  className="button small"
                  onClick={() => void chooseExisting(c.person.id)}
                >
                  {t(
                    { defaultMessage: 'Add {name} to this family instead', id: 'iHEwzR' },
                    { name: c.person.firstName },
                  )}
                </button>
              )
            }
          />
        )}
        <fieldset className="stack">
          <legend>
            {t({ defaultMessage: 'How they like to hear from the school', id: '8UD0as' })}
          </legend>
          <div className="row">
            {[0, 1, 2].map((i) => (
              <label className="field" key={i}>
                <span>
                  {i === 0
                    ? t({ defaultMessage: 'First choice', id: 'hL39Mc' })
                    : t({
                        defaultMessage: 'Then',
                        id: 'OiZ7mP',
                        description: 'the next way to reach someone',
                      })}
                </span>
                <select {...form.register(`channels.${i}`)}>
                  <option value="">—</option>
                  <ChannelOptions />
                </select>
              </label>
            ))}
          </div>
          <FieldError
            field={t({ defaultMessage: 'Channels', id: 'LUrJwE' })}
            message={errors.channels?.message}
          />
          <div className="row">
            <Controller
              control={form.control}
              name="homeLanguage"
              render={({ field }) => (
                <LanguagePicker
                  label={t({ defaultMessage: 'Home language', id: 'ItVlvf' })}
                  value={field.value}
                  onChange={field.onChange}
                  emptyLabel={t({ defaultMessage: 'Not recorded', id: 'ff61Po' })}
                />
              )}
            />
            <label className="field">
              <span>{t({ defaultMessage: 'Interpreter', id: '95+HgF' })}</span>
              <select {...form.register('interpreter')}>
                {INTERPRETER_NEEDS.map((n) => (
                  <option key={n} value={n}>
                    {INTERPRETER_CHOICES[n]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field grow">
              <span>{t({ defaultMessage: 'Best times', id: 'cyXbEe' })}</span>
              <input
                {...form.register('bestTimes')}
                placeholder={t({ defaultMessage: 'e.g. after 5 pm', id: 'op6cIA' })}
                aria-invalid={!!errors.bestTimes}
              />
              <FieldError
                field={t({ defaultMessage: 'Best times', id: 'cyXbEe' })}
                message={errors.bestTimes?.message}
              />
            </label>
          </div>
          <label className="field">
            <span>
              {t({ defaultMessage: 'Please do not… (do-not-contact notes)', id: 'I0xuzP' })}
            </span>
            <textarea
              rows={2}
              {...form.register('doNotContact')}
              placeholder={t({ defaultMessage: 'e.g. do not call at work', id: 'FMeYGZ' })}
            />
            <FieldError
              field={t({ defaultMessage: 'This note', id: 'sDP+xA' })}
              message={errors.doNotContact?.message}
            />
          </label>
        </fieldset>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={
            person
              ? t({ defaultMessage: 'Save', id: 'jvo0vs' })
              : t({ defaultMessage: 'Add to family', id: '1SG4wX' })
          }

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
