import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../../contract';
import { call } from '../api/client';
import { setDisplayTimeZone } from '../ui/format';
import { t, tRich } from '../i18n/intl';
import { defineMessages } from 'react-intl';
import { goTo, useLocationKey, useLocationPage, type Page } from './location';
import { useIdleLock } from './useIdleLock';
import { RollCall } from '../features/roll-call/RollCall';
import { ShortcutHelp } from './ShortcutHelp';
import { SideNav } from '../ui/SideNav';
import { FamilyPage } from '../features/families/FamilyPage';
import { Families } from '../features/families/Families';
import { StudentRecord } from '../features/families/StudentRecord';
import { FollowUps } from '../features/follow-ups/FollowUps';
import { FrontDesk } from '../features/front-desk/FrontDesk';
import { HomeVisitRecord } from '../features/home-visits/HomeVisitRecord';
import { HomeVisits } from '../features/home-visits/HomeVisits';
import { Settings } from '../features/settings/Settings';
import { Strengths } from '../features/strengths/Strengths';
import { SyncPage } from '../features/sync/SyncPage';
import { SyncStatusButton } from '../features/sync/SyncStatusButton';

const PAGE_NAMES = defineMessages({
  'front-desk': { defaultMessage: 'Front desk', id: 'oW6YIN' },
  'visitor-log': { defaultMessage: 'Visitor log', id: 'R9c8qb' },
  families: { defaultMessage: 'Families', id: 'bkeZ+E' },
  'home-visits': { defaultMessage: 'Home visits', id: '6HvnFs' },
  'follow-ups': { defaultMessage: 'Follow-ups', id: 'k26pcw' },
  health: { defaultMessage: 'Health', id: 'hlmkcL' },
  strengths: { defaultMessage: 'Strengths', id: 'mVJ357' },
  insights: { defaultMessage: 'Insights', id: 'xK7rmd' },
  settings: { defaultMessage: 'Settings', id: 'D3idYv' },
});

const PAGES: { id: Exclude<Page, 'sync' | 'roll-call'>; forTeam?: 'health' }[] = [
  { id: 'front-desk' },
  { id: 'visitor-log' },
  { id: 'families' },
  { id: 'home-visits' },
  { id: 'follow-ups' },
  { id: 'health', forTeam: 'health' },
  { id: 'strengths' },
  { id: 'insights' },
  { id: 'settings' },
];

/** Whether a key press is someone typing text (where "?" is a question mark, not a command). */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button'].includes(target.type)) ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

// Its charts load only when someone opens it, so the front desk's first load stays small.
const Insights = lazy(() => import('../features/insights/Insights'));
// Screens most staff open rarely or never (the health team's, the visitor log) load when opened.
const HealthScreen = lazy(() =>
  import('../features/health/HealthScreen').then((m) => ({ default: m.HealthScreen })),
);
const VisitorLog = lazy(() =>
  import('../features/visitor-log/VisitorLog').then((m) => ({ default: m.VisitorLog })),
);

const Opening = () => <p className="muted">{t({ defaultMessage: 'Opening…', id: 'obW+3Q' })}</p>;

/** A record opened over a page; Back returns to what was open before it. */
type Opened = { kind: 'student' | 'family' | 'visit'; id: string };

interface ShellProps {
  status: AppStatus;
  onStatusChange: (status: AppStatus) => void;
}

/** The window frame: left navigation, top bar, and the page. Ctrl+K goes to search from anywhere. */
export function Shell({ status, onStatusChange }: ShellProps) {
  const staff = status.staff;
  const pages = PAGES.filter((p) => !p.forTeam || staff?.teams.includes(p.forTeam));
  const asked = useLocationPage() ?? 'front-desk';
  // A team's page left in the address (a nurse locked on Health and the desk signed in) opens
  // the front desk for someone not on that team, not a screen of refusals.
  const page = PAGES.some((p) => p.id === asked && !pages.includes(p)) ? 'front-desk' : asked;
  setDisplayTimeZone(status.school?.timeZone);
  // Records open over the page without an address of their own, so any move of the
  // address (a page chosen, Back, a filter) closes them.
  const where = useLocationKey();
  const [records, setRecords] = useState<{ where: string; stack: Opened[] }>({
    where,
    stack: [],
  });
  const opened = records.where === where ? records.stack : [];
  const setOpened = useCallback(
    (change: (stack: Opened[]) => Opened[]) =>
      setRecords((old) => ({
        where: window.location.hash,
        stack: change(old.where === window.location.hash ? old.stack : []),
      })),
    [],
  );
  const setPage = useCallback(
    (next: Page) => {
      setOpened(() => []);
      goTo(next);
    },
    [setOpened],
  );
  const openRecord = useCallback(
    (kind: Opened['kind']) => (id: string) => setOpened((stack) => [...stack, { kind, id }]),
    [setOpened],
  );
  const openStudent = openRecord('student');
  const openFamily = openRecord('family');
  const openVisit = openRecord('visit');
  const back = () => setOpened((stack) => stack.slice(0, -1));
  const current = opened.at(-1);
  const [searchRequest, setSearchRequest] = useState(0);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  // Locking drops this whole tree, so no family data stays in the page behind the lock.
  const lock = useCallback(() => {
    call('session.lock', {}).then(onStatusChange, () => undefined);
  }, [onStatusChange]);
  useIdleLock(status.idleLockMinutes, lock);

  // An emergency: one press lists everyone in the building, from any screen.
  const rollCall = useCallback(() => {
    call('rollCall.start', { kind: 'emergency' }).then(
      () => setPage('roll-call'),
      () => setPage('roll-call'),
    );
  }, [setPage]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        rollCall();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPage('front-desk');
        setSearchRequest((n) => n + 1);
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTyping(event)) {
        event.preventDefault();
        setShowingShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPage, rollCall]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={() => mainRef.current?.focus()}>
        {t({ defaultMessage: 'Skip to main content', id: '2sRCsy' })}
      </a>
      <SideNav
        items={pages.map((p) => ({ id: p.id, label: t(PAGE_NAMES[p.id]) }))}
        current={current ? null : page}
        onChoose={setPage}
      />
      <div className="main-column">
        <header className="topbar">
          <div className="school">
            <span className="school-name">{status.school?.name}</span>
            {status.setup === 'demo' && (
              <span
                className="badge badge-demo"
                title={t({
                  defaultMessage: 'Practice data: nothing here is a real family',
                  id: 'LwnRKS',
                })}
              >
                {t({ defaultMessage: 'Demo school', id: '89vjjh' })}
              </span>
            )}
          </div>
          <kbd
            className="shortcut-hint"
            title={t({ defaultMessage: 'Search from anywhere', id: 't5pdIJ' })}
          >
            {t({ defaultMessage: 'Ctrl+K search', id: 'DHXptd' })}
          </kbd>
          <button
            type="button"
            className="button small shortcuts-button"
            aria-keyshortcuts="?"
            aria-label={t({ defaultMessage: 'Keyboard shortcuts (?)', id: '8byupd' })}
            title={t({ defaultMessage: 'Keyboard shortcuts (?)', id: '8byupd' })}
            onClick={() => setShowingShortcuts(true)}
          >
            ?
          </button>

          <button
            type="button"
            className="button small danger roll-call-button"
            aria-keyshortcuts="Control+Shift+E"
            title={t({ defaultMessage: 'Emergency roll call (Ctrl+Shift+E)', id: '3Tjier' })}
            onClick={rollCall}
          >
            {t({ defaultMessage: 'Roll call', id: 'jt+BWt' })}
          </button>
          <SyncStatusButton onOpen={() => setPage('sync')} />
          <span className="signed-in">
            {tRich(
              { defaultMessage: 'Signed in: <b>{name}</b>', id: '6ajMdT' },
              {
                name: status.staff?.displayName ?? '',
                b: (chunks) => <strong>{chunks}</strong>,
              },
            )}
          </span>
          <button type="button" className="button" onClick={lock}>
            {t({ defaultMessage: 'Lock', id: 'YMyjgS', description: 'lock the app now' })}
          </button>
        </header>
        <main id="main" ref={mainRef} tabIndex={-1} className="page">
          {current && staff && status.school ? (
            <div key={`${current.kind}-${current.id}`}>
              {current.kind === 'student' && (
                <StudentRecord
                  studentId={current.id}
                  viewer={staff}
                  timeZone={status.school.timeZone}
                  onBack={back}
                  onOpenFamily={openFamily}
                />
              )}
              {current.kind === 'family' && (
                <FamilyPage
                  householdId={current.id}
                  viewer={staff}
                  school={status.school.name}
                  timeZone={status.school.timeZone}
                  onBack={back}
                  onOpenFamily={openFamily}
                  onOpenStudent={openStudent}
                  onOpenVisit={openVisit}
                />
              )}
              {current.kind === 'visit' && (
                <HomeVisitRecord
                  visitId={current.id}
                  viewer={staff}
                  school={status.school.name}
                  timeZone={status.school.timeZone}
                  onBack={back}
                  onOpenFamily={openFamily}
                />
              )}
            </div>
          ) : (
            <>
              {page === 'front-desk' && staff && (
                <FrontDesk
                  focusSearchSignal={searchRequest}
                  viewer={staff}
                  school={status.school?.name ?? ''}
                  timeZone={status.school?.timeZone ?? 'UTC'}
                  badges={status.badges}
                  onOpenFamily={openFamily}
                />
              )}
              {page === 'visitor-log' && status.school && (
                <Suspense fallback={<Opening />}>
                  <VisitorLog timeZone={status.school.timeZone} />
                </Suspense>
              )}
              {page === 'families' && (
                <Families onOpenFamily={openFamily} onOpenStudent={openStudent} />
              )}
              {page === 'home-visits' && (
                <HomeVisits timeZone={status.school?.timeZone ?? 'UTC'} onOpenVisit={openVisit} />
              )}
              {page === 'follow-ups' && (
                <FollowUps
                  timeZone={status.school?.timeZone ?? 'UTC'}
                  onOpenStudent={openStudent}
                />
              )}
              {page === 'health' && staff && (
                <Suspense fallback={<Opening />}>
                  <HealthScreen
                    viewerId={staff.id}
                    school={status.school?.name ?? ''}
                    timeZone={status.school?.timeZone ?? 'UTC'}
                    onOpenStudent={openStudent}
                  />
                </Suspense>
              )}
              {page === 'strengths' && <Strengths onOpenFamily={openFamily} />}
              {page === 'insights' && (
                <Suspense
                  fallback={
                    <p className="muted">
                      {t({ defaultMessage: 'Opening Insights…', id: 'luzPRs' })}
                    </p>
                  }
                >
                  <Insights
                    timeZone={status.school?.timeZone ?? 'UTC'}
                    school={status.school?.name ?? ''}
                    canSetGoals={staff?.role === 'administrator' || staff?.role === 'coordinator'}
                  />
                </Suspense>
              )}
              {page === 'settings' && <Settings status={status} onStatusChange={onStatusChange} />}
              {page === 'roll-call' && status.school && (
                <RollCall timeZone={status.school.timeZone} />
              )}
              {page === 'sync' && (
                <SyncPage
                  isAdmin={status.staff?.role === 'administrator'}
                  onStatusChange={onStatusChange}
                />
              )}
            </>
          )}
        </main>
      </div>
      {showingShortcuts && <ShortcutHelp onClose={() => setShowingShortcuts(false)} />}
    </div>
  );
}
