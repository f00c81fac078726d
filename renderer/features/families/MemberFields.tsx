import { useEffect, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { INTERPRETER_NEEDS, PICKUP_PERMISSIONS } from '../../../contract';
import { useCall } from '../../api/useCall';
import { fullName, INTERPRETER_CHOICES, PICKUP_WORDS } from '../../ui/format';
import { DuplicateWarning } from './DuplicateWarning';
import type { FamilyForm } from './familyForm';
import { ChannelOptions, LanguageOptions } from '../../ui/options';

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

  const legend = existing ? existing.name : `Person ${index + 1}`;
  return (
    <fieldset className="stack member-fields">
      <legend>{legend}</legend>
      {existing ? (
        <p className="small-text">
          Already in Hearth. They join this family as a caregiver.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => form.setValue(`${base}.existing`, null)}
          >
            Enter someone new instead
          </button>
        </p>
      ) : (
        <>
          <div className="row">
            <label className="field">
              <span>First name</span>
              <input
                {...form.register(`${base}.person.firstName`)}
                aria-invalid={!!errors?.person?.firstName}
                data-autofocus={index === 0 ? true : undefined}
              />
              {errors?.person?.firstName && (
                <span className="field-error">First name {errors.person.firstName.message}</span>
              )}
            </label>
            <label className="field">
              <span>Last name</span>
              <input {...form.register(`${base}.person.lastName`)} />
            </label>
            <label className="field">
              <span>Who they are</span>
              <select {...form.register(`${base}.person.kind`)}>
                <option value="caregiver">Caregiver</option>
                <option value="relative">Relative</option>
                <option value="community_member">Community member</option>
              </select>
            </label>
          </div>
          <div className="row">
            <label className="field">
              <span>Phone</span>
              <input
                type="tel"
                {...form.register(`${base}.person.phones.0`)}
                aria-invalid={!!errors?.person?.phones?.[0]}
              />
              {errors?.person?.phones?.[0] && (
                <span className="field-error">Phone {errors.person.phones[0].message}</span>
              )}
            </label>
            <label className="field">
              <span>Email</span>
              <input
                type="email"
                {...form.register(`${base}.person.email`)}
                aria-invalid={!!errors?.person?.email}
              />
              {errors?.person?.email && (
                <span className="field-error">Email {errors.person.email.message}</span>
              )}
            </label>
          </div>
          <div className="row">
            <label className="field">
              <span>Home language</span>
              <select {...form.register(`${base}.person.homeLanguage`)}>
                <option value="">Not recorded</option>
                <LanguageOptions />
              </select>
            </label>
            <label className="field">
              <span>Interpreter</span>
              <select {...form.register(`${base}.person.interpreter`)}>
                {INTERPRETER_NEEDS.map((n) => (
                  <option key={n} value={n}>
                    {INTERPRETER_CHOICES[n]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Best way to reach them</span>
              <select {...form.register(`${base}.person.channels.0`)}>
                <option value="">Not recorded</option>
                <ChannelOptions />
              </select>
            </label>
          </div>
          {warned && (
            <DuplicateWarning
              candidates={candidates}
              action={(c) =>
                c.person.householdId ? (
                  <span className="tag">Already in a family</span>
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
                    Use {c.person.firstName} instead
                  </button>
                )
              }
            >
              <label className="check">
                <input type="checkbox" {...form.register(`${base}.confirmedNew`)} /> This is someone
                new: add them anyway
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
          <span>Relationship to the students</span>
          <input
            {...form.register(`${base}.relationship`)}
            list="relationships"
            aria-invalid={!!errors?.relationship}
          />
          {errors?.relationship && (
            <span className="field-error">Relationship {errors.relationship.message}</span>
          )}
        </label>
        <label className="field">
          <span>Pickup</span>
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
          <span>What the office needs to know</span>
          <input
            {...form.register(`${base}.officeNote`)}
            placeholder="e.g. court order on file; call the guardian first"
          />
        </label>
      )}
      <div className="row compact wrap">
        <label className="check">
          <input type="checkbox" {...form.register(`${base}.legalGuardian`)} /> Legal guardian
        </label>
        <label className="check">
          <input type="checkbox" {...form.register(`${base}.livesWith`)} /> Lives with the students
        </label>
        <label className="check">
          <input type="checkbox" {...form.register(`${base}.emergencyContact`)} /> Emergency contact
        </label>
        <button type="button" className="link-button" onClick={onRemove}>
          Remove this person
        </button>
      </div>
    </fieldset>
  );
}
