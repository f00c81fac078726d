import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { GradeOptions } from '../../ui/options';
import type { StudentForm } from './familyForm';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

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
  const error = (field: keyof StudentForm, label: string) => (
    <FieldError field={label} message={errors?.[field]?.message} />
  );
  return (
    <>
      {rosterOwned && (
        <p className="small-text muted">
          {t({
            defaultMessage:
              'The district’s roster keeps this student’s name and grade, so they are changed there, not here.',
            id: 'OFktOI',
          })}
        </p>
      )}
      <div className="row">
        <label className="field">
          <span>{t({ defaultMessage: 'First name', id: 'pONqz8' })}</span>
          <input
            {...register('firstName')}
            readOnly={rosterOwned}
            aria-invalid={!!errors?.firstName}
            data-autofocus={autoFocus ? true : undefined}
          />
          {error('firstName', t({ defaultMessage: 'First name', id: 'pONqz8' }))}
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Last name', id: 'txUL0F' })}</span>
          <input
            {...register('lastName')}
            readOnly={rosterOwned}
            aria-invalid={!!errors?.lastName}
          />
          {error('lastName', t({ defaultMessage: 'Last name', id: 'txUL0F' }))}
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Goes by (optional)', id: 'L0eAMo' })}</span>
          <input {...register('preferredName')} aria-invalid={!!errors?.preferredName} />
          {error('preferredName', t({ defaultMessage: 'Preferred name', id: 'bY5h3E' }))}
        </label>
      </div>
      <div className="row">
        <label className="field">
          <span>{t({ defaultMessage: 'Grade', id: 'qXTiEd' })}</span>
          <select {...register('grade')} disabled={rosterOwned} aria-invalid={!!errors?.grade}>
            <option value="">{t({ defaultMessage: 'Choose…', id: '8tJfYE' })}</option>
            <GradeOptions />
          </select>
          {error('grade', t({ defaultMessage: 'Grade', id: 'qXTiEd' }))}
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Date of birth (optional)', id: 'BFWp+f' })}</span>
          <input
            type="date"
            min="1900-01-01"
            {...register('dateOfBirth')}
            aria-invalid={!!errors?.dateOfBirth}
          />
          {error('dateOfBirth', t({ defaultMessage: 'Date of birth', id: 'GFTdXw' }))}
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Pronouns (optional)', id: 'EsIO6u' })}</span>
          <input
            {...register('pronouns')}
            placeholder={t({ defaultMessage: 'e.g. she/her', id: 'jUF6CC' })}
            aria-invalid={!!errors?.pronouns}
          />
          {error('pronouns', t({ defaultMessage: 'Pronouns', id: '5OM2ez' }))}
        </label>
      </div>
    </>
  );
}
