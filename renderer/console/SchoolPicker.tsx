import { useState } from 'react';
import { z } from 'zod';
import { serverSchoolSchema, type ServerSchool, type ServerStaff } from '../../contract/server';
import { t } from '../i18n/intl';
import { useAnswer } from './useAnswer';

const SCHOOL_LIST = z.array(serverSchoolSchema);

/**
 * The schools an administrator manages, and the one chosen: their own for a school's
 * administrator, the first by name for a district administrator until they choose.
 * `reload` asks again (a school was added).
 */
export function useSchools(admin: ServerStaff) {
  const { data: schools, error, reload } = useAnswer('/v1/admin/schools', SCHOOL_LIST);
  const [chosen, setSchoolId] = useState('');
  const schoolId = chosen || (admin.schoolId ?? schools?.[0]?.id ?? '');
  const school = schools?.find((s) => s.id === schoolId) ?? null;
  return { schools, school, schoolId, setSchoolId, error, reload };
}

/** Which school a screen is about; fixed (shown, not offered) when there is only one. */
export function SchoolPicker({
  schools,
  schoolId,
  onChoose,
}: {
  schools: ServerSchool[] | null;
  schoolId: string;
  onChoose: (id: string) => void;
}) {
  return (
    <label className="field">
      <span>{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</span>
      <select
        value={schoolId}
        onChange={(event) => onChoose(event.target.value)}
        disabled={!schools || schools.length < 2}
      >
        {schools?.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Which school a list is narrowed to: a district administrator may leave it at all schools
 * (''); a school's administrator sees their own, fixed.
 */
export function SchoolFilter({
  admin,
  schools,
  value,
  onChange,
}: {
  admin: ServerStaff;
  schools: ServerSchool[] | null;
  value: string;
  onChange: (schoolId: string) => void;
}) {
  const district = admin.schoolId === null;
  return (
    <label className="field">
      <span>{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</span>
      <select value={value} disabled={!district} onChange={(e) => onChange(e.target.value)}>
        {district && <option value="">{t({ defaultMessage: 'All schools', id: 'oYqwXs' })}</option>}
        {schools?.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </select>
    </label>
  );
}
