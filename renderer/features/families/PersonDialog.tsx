import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { API, INTERPRETER_NEEDS, PERSON_KINDS, type Person } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { COMMON_LANGUAGES, fullName, INTERPRETER_CHOICES, languageName } from '../../ui/format';
import { showIssues } from '../../ui/forms';
import { DuplicateWarning } from './DuplicateWarning';
import { ChannelOptions } from '../../ui/options';

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

  const languages = [
    ...new Set([...(person?.homeLanguage ? [person.homeLanguage] : []), ...COMMON_LANGUAGES]),
  ];
  return (
    <Dialog
      size="wide"
      title={person ? `${fullName(person)}: details and preferences` : 'Add someone to this family'}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field">
            <span>First name</span>
            <input
              {...form.register('firstName')}
              data-autofocus
              aria-invalid={!!errors.firstName}
            />
            {errors.firstName && (
              <span className="field-error">First name {errors.firstName.message}</span>
            )}
          </label>
          <label className="field">
            <span>Last name</span>
            <input {...form.register('lastName')} aria-invalid={!!errors.lastName} />
            {errors.lastName && (
              <span className="field-error">Last name {errors.lastName.message}</span>
            )}
          </label>
          {!person && (
            <label className="field">
              <span>Who they are</span>
              <select {...form.register('kind')}>
                {PERSON_KINDS.filter((k) => k !== 'visitor').map((k) => (
                  <option key={k} value={k}>
                    {k === 'community_member'
                      ? 'Community member'
                      : k[0]?.toUpperCase() + k.slice(1)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div className="row">
          {[0, 1].map((i) => (
            <label className="field" key={i}>
              <span>{i === 0 ? 'Phone' : 'Other phone'}</span>
              <input
                type="tel"
                {...form.register(`phones.${i}`)}
                aria-invalid={!!errors.phones?.[i]}
              />
              {errors.phones?.[i] && (
                <span className="field-error">Phone {errors.phones[i]?.message}</span>
              )}
            </label>
          ))}
          <label className="field">
            <span>Email</span>
            <input type="email" {...form.register('email')} aria-invalid={!!errors.email} />
            {errors.email && <span className="field-error">Email {errors.email.message}</span>}
          </label>
        </div>
        {candidates.length > 0 && (
          <DuplicateWarning
            candidates={candidates}
            action={(c) =>
              c.person.householdId === householdId ? (
                <span className="tag">Already in this family</span>
              ) : (
                <button
                  type="button"
                  className="button small"
                  onClick={() => void chooseExisting(c.person.id)}
                >
                  Add {c.person.firstName} to this family instead
                </button>
              )
            }
          />
        )}
        <fieldset className="stack">
          <legend>How they like to hear from the school</legend>
          <div className="row">
            {[0, 1, 2].map((i) => (
              <label className="field" key={i}>
                <span>{['First choice', 'Then', 'Then'][i]}</span>
                <select {...form.register(`channels.${i}`)}>
                  <option value="">—</option>
                  <ChannelOptions />
                </select>
              </label>
            ))}
          </div>
          {errors.channels && (
            <span className="field-error">Channels: {errors.channels.message}</span>
          )}
          <div className="row">
            <label className="field">
              <span>Home language</span>
              <select {...form.register('homeLanguage')}>
                <option value="">Not recorded</option>
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Interpreter</span>
              <select {...form.register('interpreter')}>
                {INTERPRETER_NEEDS.map((n) => (
                  <option key={n} value={n}>
                    {INTERPRETER_CHOICES[n]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field grow">
              <span>Best times</span>
              <input
                {...form.register('bestTimes')}
                placeholder="e.g. after 5 pm"
                aria-invalid={!!errors.bestTimes}
              />
              {errors.bestTimes && (
                <span className="field-error">Best times {errors.bestTimes.message}</span>
              )}
            </label>
          </div>
          <label className="field">
            <span>Please do not… (do-not-contact notes)</span>
            <textarea
              rows={2}
              {...form.register('doNotContact')}
              placeholder="e.g. do not call at work"
            />
            {errors.doNotContact && (
              <span className="field-error">This note {errors.doNotContact.message}</span>
            )}
          </label>
        </fieldset>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={person ? 'Save' : 'Add to family'}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
