import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import type { z } from 'zod';
import { enrollmentCodeSchema, type ServerStaff } from '../../contract/server';
import { t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { exactDate } from '../ui/format';
import { request } from './api';
import { SchoolPicker, useSchools } from './SchoolPicker';

/** How long a code works: an hour for a computer set up now, longer for one shipped. */
const VALID_FOR = [
  { minutes: 60, words: () => t({ defaultMessage: 'One hour', id: '9ig68x' }) },
  { minutes: 24 * 60, words: () => t({ defaultMessage: 'One day', id: 'IrhJa0' }) },
  { minutes: 7 * 24 * 60, words: () => t({ defaultMessage: 'One week', id: 'SXeJMf' }) },
] as const;

type Made = z.infer<typeof enrollmentCodeSchema> & { school: string };

/**
 * A one-time code for one new computer of a school: shown large, to be read across a desk or
 * typed from paper, and as a QR code, which a barcode scanner types into Hearth's join screen.
 */
export function EnrollComputer({ admin }: { admin: ServerStaff }) {
  const { schools, school, schoolId, setSchoolId, error: schoolsError } = useSchools(admin);
  const [minutes, setMinutes] = useState<number>(VALID_FOR[0].minutes);
  const [made, setMade] = useState<Made | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const make = () => {
    setError(null);
    setBusy(true);
    request('POST', '/v1/admin/enrollment-codes', enrollmentCodeSchema, {
      schoolId,
      validMinutes: minutes,
    }).then(
      (code) => {
        setMade({ ...code, school: school?.name ?? '' });
        setBusy(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };

  return (
    <section className="card enroll" aria-labelledby="enroll-title">
      <h2 id="enroll-title">{t({ defaultMessage: 'Enroll a computer', id: '4VdcGx' })}</h2>
      <div className="enroll-choices">
        <SchoolPicker schools={schools} schoolId={schoolId} onChoose={setSchoolId} />
        <label className="field">
          <span>{t({ defaultMessage: 'The code works for', id: 'Fpd/Tr' })}</span>
          <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
            {VALID_FOR.map((choice) => (
              <option key={choice.minutes} value={choice.minutes}>
                {choice.words()}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button primary"
          onClick={make}
          disabled={busy || !schoolId}
        >
          {t({ defaultMessage: 'Make an enrollment code', id: 'gT3/u2' })}
        </button>
      </div>
      {(error ?? schoolsError) && (
        <p role="alert" className="error-text">
          {error ?? schoolsError}
        </p>
      )}
      {made && (
        <div className="enroll-code" role="status">
          <QRCodeSVG value={made.code} size={160} level="M" marginSize={2} title={made.code} />
          <div>
            <p className="muted">
              {t(
                { defaultMessage: 'Enrollment code for a computer at {school}', id: 'l2Qhfa' },
                { school: made.school },
              )}
            </p>
            <p className="code-large">{made.code}</p>
            <p>
              {t(
                {
                  defaultMessage:
                    'Type it into Hearth’s “Join your district” screen, or scan it there. It works once, until {when}.',
                  id: 'A9hGI+',
                },
                { when: exactDate(made.expiresAt) },
              )}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
