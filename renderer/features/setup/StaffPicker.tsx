import type { AppStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useState } from 'react';

const ROLE_WORDS: Record<string, string> = {
  front_office: 'Front office',
  liaison: 'Family liaison',
  coordinator: 'Family engagement coordinator',
  nurse: 'Nurse',
  student_support: 'Student support',
  teacher: 'Teacher',
  administrator: 'Administrator',
};

export function roleName(role: string): string {
  return ROLE_WORDS[role] ?? role;
}

/** "Who is at the desk?" Every contact and visit is attributed to the person chosen here. */
export function StaffPicker({ onChosen }: { onChosen: (status: AppStatus) => void }) {
  const staff = useCall('staff.list', {});
  const [error, setError] = useState<string | null>(null);
  return (
    <main className="center-page">
      <section className="card narrow" aria-labelledby="picker-title">
        <h1 id="picker-title">Who is at the desk?</h1>
        <p className="muted">Visits and contacts you log are recorded under your name.</p>
        {staff.loading && !staff.data && <p className="muted">Loading staff…</p>}
        {staff.error !== undefined && <p role="alert">{errorMessage(staff.error)}</p>}
        <ul className="choice-list">
          {staff.data?.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="choice"
                autoFocus={i === 0}
                onClick={() =>
                  call('session.choose', { staffId: s.id }).then(onChosen, (e: unknown) =>
                    setError(errorMessage(e)),
                  )
                }
              >
                <strong>{s.displayName}</strong> <span className="muted">{roleName(s.role)}</span>
              </button>
            </li>
          ))}
        </ul>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}
