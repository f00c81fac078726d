import { useEffect, useState } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { INTERPRETER_NEEDS, PICKUP_PERMISSIONS } from '../../../contract';
import { useCall } from '../../api/useCall';
import { fullName, INTERPRETER_CHOICES, PICKUP_WORDS } from '../../ui/format';
import { DuplicateWarning } from './DuplicateWarning';
import type { FamilyForm } from './familyForm';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { ChannelOptions } from '../../ui/options';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

interface MemberFieldsProps {
  form: UseFormReturn<FamilyForm, unknown, unknown>;
  index: number;
  onRemove: () => void;
  /** The duplicate check found people this one may be; the form asks to choose or confirm. */
  onWarned: (warned: boolean) => void;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** One person of a new family: who they are, how to reach them, and how they stand to the students. */
export function MemberFields({ form, index, onRemove, onWarned }: MemberFieldsProps) {
  const base = `members.${index}` as const;
  const errors = form.formState.errors.members?.[index];
  const [existing, pickup, firstName, lastName, phone, email] = useWatch({
    control: form.control,
    name: [
      `${base}.existing`,
      `${base}.pickup`,
      `${base}.person.firstName`,
      `${base}.person.lastName`,
      `${base}.person.phones.0`,
      `${base}.person.email`,
    ],
  });
  // Ask about duplicates once typing pauses, as the family page's "Add someone" does.
  const [lookup, setLookup] = useState<string | null>(null);
  useEffect(() => {
    const typed = JSON.stringify({ firstName, lastName, phone, email });
    const timer = setTimeout(() => setLookup(typed), 300);
    return () => clearTimeout(timer);
  }, [firstName, lastName, phone, email]);
  const asked = lookup
    ? (JSON.parse(lookup) as { firstName: string; lastName: string; phone: string; email: string })
    : null;
  const duplicates = useCall(
    'person.findDuplicates',
    !existing && asked?.firstName.trim()
      ? {
          firstName: asked.firstName.trim(),
          lastName: asked.lastName.trim() || null,
          phones: digits(asked.phone).length >= 3 ? [asked.phone] : [],
          email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(asked.email.trim()) ? asked.email.trim() : null,
        }
      : null,
  );
  const candidates = existing ? [] : (duplicates.data ?? []);
  const warned = candidates.length > 0;
  useEffect(() => onWarned(warned), [warned, onWarned]);

  const legend = existing
    ? existing.name
    : t({ defaultMessage: 'Person {number}', id: 'dgG0RJ' }, { number: index + 1 });
  return (
    <fieldset className="stack member-fields">
      <legend>{legend}</legend>
      {existing ? (
        <p className="small-text">
          {t({
            defaultMessage: 'Already in Hearth. They join this family as a caregiver.',
            id: 'FQOcoO',
          })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => form.setValue(`${base}.existing`, null)}
          >
            {t({ defaultMessage: 'Enter someone new instead', id: 'YdV/Jz' })}
          </button>
        </p>
      ) : (
        <>
          <div className="row">
            <label className="field">
              <span>{t({ defaultMessage: 'First name', id: 'pONqz8' })}</span>
              <input
                {...form.register(`${base}.person.firstName`)}
                aria-invalid={!!errors?.person?.firstName}
                data-autofocus={index === 0 ? true : undefined}
              />
              <FieldError
                field={t({ defaultMessage: 'First name', id: 'pONqz8' })}
                message={errors?.person?.firstName?.message}
              />
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Last name', id: 'txUL0F' })}</span>
              <input {...form.register(`${base}.person.lastName`)} />
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Who they are', id: 'pggqDe' })}</span>
              <select {...form.register(`${base}.person.kind`)}>
                <option value="caregiver">
                  {t({ defaultMessage: 'Caregiver', id: 'dz1JYi' })}
                </option>
                <option value="relative">{t({ defaultMessage: 'Relative', id: 'csFahs' })}</option>
                <option value="community_member">
                  {t({ defaultMessage: 'Community member', id: 'YTiTpT' })}
                </option>
              </select>
            </label>
          </div>
          <div className="row">
            <label className="field">
              <span>{t({ defaultMessage: 'Phone', id: 'O95R3Z' })}</span>
              <input
                type="tel"
                {...form.register(`${base}.person.phones.0`)}
                aria-invalid={!!errors?.person?.phones?.[0]}
              />
              <FieldError
                field={t({ defaultMessage: 'Phone', id: 'O95R3Z' })}
                message={errors?.person?.phones?.[0]?.message}
              />
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Email', id: 'sy+pv5' })}</span>
              <input
                type="email"
                {...form.register(`${base}.person.email`)}
                aria-invalid={!!errors?.person?.email}
              />
              <FieldError
                field={t({ defaultMessage: 'Email', id: 'sy+pv5' })}
                message={errors?.person?.email?.message}
              />
            </label>
          </div>
          <div className="row">
            <Controller
              control={form.control}
              name={`${base}.person.homeLanguage`}
              render={({ field }) => (
                <LanguagePicker
                  label={t({ defaultMessage: 'Home language', id: 'ItVlvf' })}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  emptyLabel={t({ defaultMessage: 'Not recorded', id: 'ff61Po' })}
                />
              )}
            />
            <label className="field">
              <span>{t({ defaultMessage: 'Interpreter', id: '95+HgF' })}</span>
              <select {...form.register(`${base}.person.interpreter`)}>
                {INTERPRETER_NEEDS.map((n) => (
                  <option key={n} value={n}>
                    {INTERPRETER_CHOICES[n]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t({ defaultMessage: 'Best way to reach them', id: '0TcPpK' })}</span>
              <select {...form.register(`${base}.person.channels.0`)}>
                <option value="">{t({ defaultMessage: 'Not recorded', id: 'ff61Po' })}</option>
                <ChannelOptions />
              </select>
            </label>
          </div>
          {warned && (
            <DuplicateWarning
              candidates={candidates}
              action={(c) =>
                c.person.householdId ? (
                  <span className="tag">
                    {t({ defaultMessage: 'Already in a family', id: '63zTub' })}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      form.setValue(`${base}.existing`, {
                        id: c.person.id,
                        name: fullName(c.person),
                      })
                    }
                  >
                    {t(
                      { defaultMessage: 'Use {name} instead', id: 'gP/swX' },
                      { name: c.person.firstName },
                    )}
                  </button>
                )
              }
            >
              <label className="check">
                <input type="checkbox" {...form.register(`${base}.confirmedNew`)} />{' '}
                {t({ defaultMessage: 'This is someone new: add them anyway', id: 'aC6Jo7' })}
              </label>
              {errors?.confirmedNew && (
                <span className="field-error" role="alert">
                  {errors.confirmedNew.message}
                </span>
              )}
            </DuplicateWarning>
          )}
        </>
      )}
      <div className="row">
        <label className="field">
          <span>{t({ defaultMessage: 'Relationship to the students', id: 'hJa/Uk' })}</span>
          <input
            {...form.register(`${base}.relationship`)}
            list="relationships"
            aria-invalid={!!errors?.relationship}
          />
          <FieldError
            field={t({ defaultMessage: 'Relationship', id: '/OEORY' })}
            message={errors?.relationship?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Pickup', id: '7uP+Kl' })}</span>
          <select {...form.register(`${base}.pickup`)}>
            {PICKUP_PERMISSIONS.map((p) => (
              <option key={p} value={p}>
                {PICKUP_WORDS[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {pickup !== 'allowed' && (
        <label className="field">
          <span>{t({ defaultMessage: 'What the office needs to know', id: 'LBsrN8' })}</span>
          <input
            {...form.register(`${base}.officeNote`)}
            placeholder={t({
              defaultMessage: 'e.g. court order on file; call the guardian first',
              id: 'dCWtvq',
            })}
          />
        </label>
      )}
      <div className="row compact wrap">
        <label className="check">
          <input type="checkbox" {...form.register(`${base}.legalGuardian`)} />{' '}
          {t({ defaultMessage: 'Legal guardian', id: 'zvol9j' })}
        </label>
        <label className="check">
          <input type="checkbox" {...form.register(`${base}.livesWith`)} />{' '}
          {t({ defaultMessage: 'Lives with the students', id: 'jkdl1j' })}
        </label>
        <label className="check">
          <input type="checkbox" {...form.register(`${base}.emergencyContact`)} />{' '}
          {t({ defaultMessage: 'Emergency contact', id: 'Q5Sr4w' })}
        </label>
        <button type="button" className="link-button" onClick={onRemove}>
          {t({ defaultMessage: 'Remove this person', id: 'C9Rimm' })}
        </button>
      </div>
    </fieldset>
  );
}
