import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { schoolInput, serverSchoolSchema, type ServerStaff } from '../../contract/server';
import { t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { FieldError } from '../ui/FieldError';
import { showIssues } from '../ui/forms';
import { TimeZoneField } from '../ui/TimeZoneField';
import { request } from './api';
import { useSchools } from './SchoolPicker';

type SchoolForm = z.input<typeof schoolInput>;

/** The district's schools, and (district administrators) adding one. */
export function Schools({ admin }: { admin: ServerStaff }) {
  const { schools, error: listError, reload } = useSchools(admin);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const district = admin.schoolId === null;
  const form = useForm<SchoolForm>({
    resolver: zodResolver(schoolInput),
    defaultValues: { name: '', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setDone(null);
    try {
      const school = await request('POST', '/v1/admin/schools', serverSchoolSchema, values);
      form.reset({ name: '', timeZone: values.timeZone });
      // Said once the list shows it.
      await reload();
      setDone(t({ defaultMessage: 'Added {name}.', id: 'S+inAJ' }, { name: school.name }));
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <>
      <h1>{t({ defaultMessage: 'Schools', id: 'ofuGfT' })}</h1>
      {(listError ?? error) && (
        <p role="alert" className="error-text">
          {listError ?? error}
        </p>
      )}
      {done && (
        <p role="status" className="notice notice-ok">
          {done}
        </p>
      )}
      {schools && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</th>
              <th scope="col">{t({ defaultMessage: 'Time zone', id: 'IcUakl' })}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => (
              <tr key={school.id}>
                <th scope="row">{school.name}</th>
                <td>{school.timeZone.replaceAll('_', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {district && (
        <section className="card add-school" aria-labelledby="add-school-title">
          <h2 id="add-school-title">{t({ defaultMessage: 'Add a school', id: 'Tr1V9V' })}</h2>
          <p className="muted">
            {t({
              defaultMessage:
                'A school the roster does not bring. Its staff and computers are added here once it exists.',
              id: 'Prc0hS',
            })}
          </p>
          <form onSubmit={submit} noValidate className="staff-form">
            <label className="field">
              <span>{t({ defaultMessage: 'School name', id: 'bkH0vI' })}</span>
              <input {...form.register('name')} aria-invalid={!!errors.name} autoComplete="off" />
              <FieldError
                field={t({ defaultMessage: 'School name', id: 'bkH0vI' })}
                message={errors.name?.message}
              />
            </label>
            <TimeZoneField
              registration={form.register('timeZone')}
              error={errors.timeZone?.message}
            />
            <div className="dialog-actions">
              <button type="submit" className="button primary" disabled={isSubmitting}>
                {t({ defaultMessage: 'Add the school', id: '2ZH0dy' })}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
