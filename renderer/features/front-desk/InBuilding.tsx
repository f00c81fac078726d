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
import { t } from '../../i18n/intl';
import { FamilyPaper } from '../../papers/FamilyPaper';
import { BadgeSignOut } from './BadgeSignOut';

interface Props {
  visits: VisitView[] | undefined;
  now: Date;
  school: string;
  timeZone: string;
  onSignOut: (visit: VisitView) => void;
  onSignOutAll: () => void;
  /** Sign out by a badge's code; true once done, so the field empties for the next scan. */
  onSignOutByCode: (code: string) => Promise<boolean>;
  onBadge: (visit: VisitView) => void;
}

/** Everyone signed in and not yet out, oldest first, each one action from signed out. */
export function InBuilding({
  visits,
  now,
  school,
  timeZone,
  onSignOut,
  onSignOutAll,
  onSignOutByCode,
  onBadge,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pass, setPass] = useState<VisitView | null>(null);
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
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.sign-out') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? headingRef.current)?.focus();
  }, [visits]);
  return (
    <section className="card in-building" aria-labelledby="in-building-title">
      <header className="card-header">
        <h2 id="in-building-title" ref={headingRef} tabIndex={-1}>
          {t({ defaultMessage: 'In the building now', id: 'Nx/vtV' })}{' '}
          <span className="count">{count}</span>
        </h2>
        <button
          type="button"
          className="button small"
          disabled={count === 0}
          onClick={() => setConfirming(true)}
        >
          {t({ defaultMessage: 'Sign out everyone', id: '3ZJf37' })}
        </button>
      </header>
      <BadgeSignOut onSignOutByCode={onSignOutByCode} />
      {visits === undefined && (
        <p className="muted">{t({ defaultMessage: 'Loading…', id: 'T4VxQN' })}</p>
      )}
      {visits?.length === 0 && (
        <p className="empty">
          {t({
            defaultMessage: 'No visitors in the building. Anyone you sign in shows up here.',
            id: 'IuO2JZ',
          })}
        </p>
      )}
      <ul className="visit-list" ref={listRef}>
        {visits?.map((v, index) => (
          <li key={v.id} className="visit">
            <div className="visit-main">
              <strong>{v.visitorName}</strong>
              {v.visitorKind === 'visitor' && (
                <span className="tag">{t({ defaultMessage: 'new visitor', id: 'nIFJH/' })}</span>
              )}
              <span className="tag">{purposeLabel(v.purpose)}</span>
              {v.cautions.length > 0 && (
                <span className="pickup-mark pickup-not_allowed caution-mark">
                  <CautionIcon />{' '}
                  {t(
                    {
                      defaultMessage: 'Caution: may not take {students} without the office',
                      id: 'KKLZk9',
                    },
                    { students: v.cautions.map((c) => c.studentName).join(', ') },
                  )}
                </span>
              )}
              {(v.cautionIds?.length ?? 0) > 0 && (
                <span className="pickup-mark pickup-not_allowed caution-mark">
                  <CautionIcon /> {t({ defaultMessage: 'On the caution list', id: 'vHefsG' })}
                </span>
              )}
              {v.pickupWarnings.length > 0 && (
                <span
                  className="pickup-mark pickup-see_office"
                  title={t({
                    defaultMessage: 'The pickup warning was shown and acknowledged',
                    id: '8sha0c',
                  })}
                >
                  <CautionIcon /> {t({ defaultMessage: 'Pickup checked', id: '91OOHv' })}
                </span>
              )}
              <div className="visit-detail muted">
                {v.students.length > 0 && (
                  <>
                    {t(
                      { defaultMessage: 'For {names}', id: 'qnEWAY' },
                      { names: v.students.map((s) => fullName(s)).join(', ') },
                    )}
                    {' · '}
                  </>
                )}
                {v.seeing && (
                  <>
                    {t({ defaultMessage: 'To see {whom}', id: 'mEG02J' }, { whom: v.seeing })}
                    {' · '}
                  </>
                )}
                {v.language && v.language !== 'en' && <>{languageName(v.language)} · </>}
                <time dateTime={v.signedInAt} title={exactDate(v.signedInAt)}>
                  {t(
                    { defaultMessage: 'In at {time} ({elapsed})', id: '2/llBf' },
                    { time: clockTime(v.signedInAt), elapsed: elapsed(v.signedInAt, now) },
                  )}
                </time>
              </div>
            </div>
            <div className="visit-actions">
              <button
                type="button"
                className="link-button small-text"
                onClick={() => onBadge(v)}
                aria-label={t(
                  { defaultMessage: 'Badge for {name}', id: 'PrMe0l' },
                  { name: v.visitorName },
                )}
              >
                {t({ defaultMessage: 'Badge', id: 'yG6fKd' })}
              </button>
              <button
                type="button"
                className="link-button small-text"
                onClick={() => setPass(v)}
                aria-label={t(
                  { defaultMessage: 'Visitor pass for {name}', id: 'zE6Gbk' },
                  { name: v.visitorName },
                )}
              >
                {t({ defaultMessage: 'Visitor pass', id: 'ioJZMX' })}
              </button>
              <button
                type="button"
                className="button small sign-out"
                onClick={() => {
                  onSignOut(v);
                  focusAfterChange.current = index;
                }}
                aria-label={t(
                  { defaultMessage: 'Sign out {name}', id: '2/0ivt' },
                  { name: v.visitorName },
                )}
              >
                {t({ defaultMessage: 'Sign out', id: 'xXbJso' })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {pass && (
        <FamilyPaper
          kind="visitor_pass"
          familyLanguage={pass.language}
          values={{
            school,
            name: pass.visitorName,
            seeing: pass.seeing ?? '',
            purpose: pass.purpose,
          }}
          when={{ at: pass.signedInAt, timeZone }}
          onClose={() => setPass(null)}
        />
      )}
      {confirming && (
        <Dialog
          title={t(
            {
              defaultMessage:
                '{count, plural, one {Sign out the # visitor?} other {Sign out all # visitors?}}',
              id: 'bKnk95',
            },
            { count },
          )}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {t({
              defaultMessage:
                'Use this at the end of the day. Each visit gets this time as its sign-out time.',
              id: 'jNLbHE',
            })}
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              data-autofocus
              onClick={() => setConfirming(false)}
            >
              {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
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
              {t({ defaultMessage: 'Sign out everyone', id: '3ZJf37' })}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
