import { useState } from 'react';
import type { VisitView } from '../../../contract';
import { Dialog } from '../../ui/Dialog';
import {
  clockTime,
  elapsed,
  exactDate,
  fullName,
  languageName,
  purposeLabel,
} from '../../ui/format';

interface Props {
  visits: VisitView[] | undefined;
  now: Date;
  onSignOut: (visit: VisitView) => void;
  onSignOutAll: () => void;
}

/** Everyone signed in and not yet out, oldest first, each one action from signed out. */
export function InBuilding({ visits, now, onSignOut, onSignOutAll }: Props) {
  const [confirming, setConfirming] = useState(false);
  const count = visits?.length ?? 0;
  return (
    <section className="card in-building" aria-labelledby="in-building-title">
      <header className="card-header">
        <h2 id="in-building-title">
          In the building now <span className="count">{count}</span>
        </h2>
        <button
          type="button"
          className="button small"
          disabled={count === 0}
          onClick={() => setConfirming(true)}
        >
          Sign out everyone
        </button>
      </header>
      {visits === undefined && <p className="muted">Loading…</p>}
      {visits?.length === 0 && (
        <p className="empty">No visitors in the building. Anyone you sign in shows up here.</p>
      )}
      <ul className="visit-list">
        {visits?.map((v) => (
          <li key={v.id} className="visit">
            <div className="visit-main">
              <strong>{v.visitorName}</strong>
              {v.visitorKind === 'visitor' && <span className="tag">new visitor</span>}
              <span className="tag">{purposeLabel(v.purpose)}</span>
              {v.pickupWarnings.length > 0 && (
                <span
                  className="pickup-mark pickup-see_office"
                  title="The pickup warning was shown and acknowledged"
                >
                  <span aria-hidden="true">⚠</span> Pickup checked
                </span>
              )}
              <div className="visit-detail muted">
                {v.students.length > 0 && (
                  <>For {v.students.map((s) => fullName(s)).join(', ')} · </>
                )}
                {v.seeing && <>To see {v.seeing} · </>}
                {v.language && v.language !== 'en' && <>{languageName(v.language)} · </>}
                <time dateTime={v.signedInAt} title={exactDate(v.signedInAt)}>
                  In at {clockTime(v.signedInAt)} ({elapsed(v.signedInAt, now)})
                </time>
              </div>
            </div>
            <button
              type="button"
              className="button small"
              onClick={() => onSignOut(v)}
              aria-label={`Sign out ${v.visitorName}`}
            >
              Sign out
            </button>
          </li>
        ))}
      </ul>
      {confirming && (
        <Dialog title={`Sign out all ${count} visitors?`} onCancel={() => setConfirming(false)}>
          <p>Use this at the end of the day. Each visit gets this time as its sign-out time.</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              data-autofocus
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setConfirming(false);
                onSignOutAll();
              }}
            >
              Sign out everyone
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
