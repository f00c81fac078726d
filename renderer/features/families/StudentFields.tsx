import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { GradeOptions } from '../../ui/options';
import type { StudentForm } from './familyForm';

interface StudentFieldsProps {
  /** Registers one field by its name within the student (the caller adds any prefix). */
  register: (field: keyof StudentForm) => UseFormRegisterReturn;
  errors: FieldErrors<StudentForm> | undefined;
  /** The roster keeps names and grade (a joined computer): shown, not editable. */
  rosterOwned?: boolean;
  autoFocus?: boolean;
}

/** A student's details, in the new-family form and the student dialog alike. */
export function StudentFields({ register, errors, rosterOwned, autoFocus }: StudentFieldsProps) {
  const error = (field: keyof StudentForm, label: string) =>
    errors?.[field] && (
      <span className="field-error">
        {label} {errors[field]?.message}
      </span>
    );
  return (
    <>
      {rosterOwned && (
        <p className="small-text muted">
          The district’s roster keeps this student’s name and grade, so they are changed there, not
          here.
        </p>
      )}
      <div className="row">
        <label className="field">
          <span>First name</span>
          <input
            {...register('firstName')}
            readOnly={rosterOwned}
            aria-invalid={!!errors?.firstName}
            data-autofocus={autoFocus ? true : undefined}
          />
          {error('firstName', 'First name')}
        </label>
        <label className="field">
          <span>Last name</span>
          <input
            {...register('lastName')}
            readOnly={rosterOwned}
            aria-invalid={!!errors?.lastName}
          />
          {error('lastName', 'Last name')}
        </label>
        <label className="field">
          <span>Goes by (optional)</span>
          <input {...register('preferredName')} aria-invalid={!!errors?.preferredName} />
          {error('preferredName', 'Preferred name')}
        </label>
      </div>
      <div className="row">
        <label className="field">
          <span>Grade</span>
          <select {...register('grade')} disabled={rosterOwned} aria-invalid={!!errors?.grade}>
            <option value="">Choose…</option>
            <GradeOptions />
          </select>
          {error('grade', 'Grade')}
        </label>
        <label className="field">
          <span>Date of birth (optional)</span>
          <input
            type="date"
            min="1900-01-01"
            {...register('dateOfBirth')}
            aria-invalid={!!errors?.dateOfBirth}
          />
          {error('dateOfBirth', 'Date of birth')}
        </label>
        <label className="field">
          <span>Pronouns (optional)</span>
          <input
            {...register('pronouns')}
            placeholder="e.g. she/her"
            aria-invalid={!!errors?.pronouns}
          />
          {error('pronouns', 'Pronouns')}
        </label>
      </div>
    </>
  );
}
