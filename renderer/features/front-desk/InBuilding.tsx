import { useEffect, useRef, useState } from 'react';
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
import { CautionIcon } from '../../ui/icons';

interface Props {
  visits: VisitView[] | undefined;
  now: Date;
  onSignOut: (visit: VisitView) => void;
  onSignOutAll: () => void;
}

/** Everyone signed in and not yet out, oldest first, each one action from signed out. */
export function InBuilding({ visits, now, onSignOut, onSignOutAll }: Props) {
  const [confirming, setConfirming] = useState(false);
  // After a sign-out removes a row, focus moves to the row now in its place (or the heading),
  // so the keyboard user is never dropped back to the top of the page.
  const focusAfterChange = useRef<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const count = visits?.length ?? 0;
  useEffect(() => {
    const index = focusAfterChange.current;
    if (index === null) return;
    focusAfterChange.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? headingRef.current)?.focus();
  }, [visits]);
  return (
    <section className="card in-building" aria-labelledby="in-building-title">
      <header className="card-header">
        <h2 id="in-building-title" ref={headingRef} tabIndex={-1}>
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
      <ul className="visit-list" ref={listRef}>
        {visits?.map((v, index) => (
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
                  <CautionIcon /> Pickup checked
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
              onClick={() => {
                onSignOut(v);
                focusAfterChange.current = index;
              }}
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
                focusAfterChange.current = 0;
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
