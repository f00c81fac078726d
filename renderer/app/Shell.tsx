import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../../contract';
import { call } from '../api/client';
import { useIdleLock } from './useIdleLock';
import { Families } from '../features/families/Families';
import { StudentRecord } from '../features/families/StudentRecord';
import { FrontDesk } from '../features/front-desk/FrontDesk';
import { HealthScreen } from '../features/health/HealthScreen';
import { Settings } from '../features/settings/Settings';

type Page = 'front-desk' | 'families' | 'health' | 'settings';

const PAGES: { id: Page; label: string; forTeam?: 'health' }[] = [
  { id: 'front-desk', label: 'Front desk' },
  { id: 'families', label: 'Families' },
  { id: 'health', label: 'Health', forTeam: 'health' },
  { id: 'settings', label: 'Settings' },
];

interface ShellProps {
  status: AppStatus;
  onStatusChange: (status: AppStatus) => void;
}

/** The window frame: left navigation, top bar, and the page. Ctrl+K goes to search from anywhere. */
export function Shell({ status, onStatusChange }: ShellProps) {
  const [page, setPageState] = useState<Page>('front-desk');
  /** A student's record open over the page it was opened from; Back returns there. */
  const [studentId, setStudentId] = useState<string | null>(null);
  const setPage = useCallback((next: Page) => {
    setStudentId(null);
    setPageState(next);
  }, []);
  const staff = status.staff;
  const pages = PAGES.filter((p) => !p.forTeam || staff?.teams.includes(p.forTeam));
  const [searchRequest, setSearchRequest] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  // Locking drops this whole tree, so no family data stays in the page behind the lock.
  const lock = useCallback(() => {
    call('session.lock', {}).then(onStatusChange, () => undefined);
  }, [onStatusChange]);
  useIdleLock(status.idleLockMinutes, lock);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPage('front-desk');
        setSearchRequest((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPage]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={() => mainRef.current?.focus()}>
        Skip to main content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="wordmark" aria-hidden="true">
          Hearth
        </div>
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={page === p.id && !studentId ? 'page' : undefined}
                onClick={() => setPage(p.id)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main-column">
        <header className="topbar">
          <div className="school">
            <span className="school-name">{status.school?.name}</span>
            {status.setup === 'demo' && (
              <span
                className="badge badge-demo"
                title="Practice data: nothing here is a real family"
              >
                Demo school
              </span>
            )}
          </div>
          <kbd className="shortcut-hint" title="Search from anywhere">
            Ctrl+K search
          </kbd>
          <span
            className="sync-status"
            title="Sync with a district server is not set up on this computer"
          >
            <span aria-hidden="true">●</span> Saved on this computer
          </span>
          <span className="signed-in">
            Signed in: <strong>{status.staff?.displayName}</strong>
          </span>
          <button type="button" className="button" onClick={lock}>
            Lock
          </button>
        </header>
        <main id="main" ref={mainRef} tabIndex={-1} className="page">
          {studentId && staff && status.school ? (
            <StudentRecord
              key={studentId}
              studentId={studentId}
              viewer={staff}
              timeZone={status.school.timeZone}
              onBack={() => setStudentId(null)}
            />
          ) : (
            <>
              {page === 'front-desk' && <FrontDesk focusSearchSignal={searchRequest} />}
              {page === 'families' && <Families onOpenStudent={setStudentId} />}
              {page === 'health' && (
                <HealthScreen
                  timeZone={status.school?.timeZone ?? 'UTC'}
                  onOpenStudent={setStudentId}
                />
              )}
              {page === 'settings' && <Settings status={status} />}
            </>
          )}
        </main>
      </div>
    </div>
  );
}
