import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { consoleSessionSchema, type ConsoleSession } from '../../contract/console';
import { computerLanguage, t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { useWindowLanguage } from '../i18n/useWindowLanguage';
import { SideNav } from '../ui/SideNav';
import { keepCsrfToken, request, whenSessionEnds } from './api';
import { AuditLog } from './AuditLog';
import { Computers } from './Computers';
import { Disclosures } from './Disclosures';
import { ConsoleSignIn } from './ConsoleSignIn';
import { Roster } from './Roster';
import { SchoolInsights } from './SchoolInsights';
import { Schools } from './Schools';
import { Staff } from './Staff';
import { SyncHealth } from './SyncHealth';

const AREAS = [
  'schools',
  'computers',
  'staff',
  'roster',
  'audit',
  'disclosures',
  'insights',
  'sync-health',
] as const;
type Area = (typeof AREAS)[number];

const AREA_NAMES: Record<Area, () => string> = {
  schools: () => t({ defaultMessage: 'Schools', id: 'ofuGfT' }),
  computers: () => t({ defaultMessage: 'Computers', id: 'oRzcvq' }),
  staff: () => t({ defaultMessage: 'Staff', id: 'gFJ4sU' }),
  roster: () => t({ defaultMessage: 'Roster', id: '9nSjCz' }),
  audit: () => t({ defaultMessage: 'Audit log', id: 'ED9RG5' }),
  disclosures: () => t({ defaultMessage: 'Disclosures', id: 'nUl+Od' }),
  insights: () => t({ defaultMessage: 'Insights', id: 'xK7rmd' }),
  'sync-health': () => t({ defaultMessage: 'Sync health', id: '4Q5BPI' }),
};

/**
 * The district console: sign-in, then the areas an administrator manages. The session lives
 * in a cookie this page cannot read; it asks the server who is signed in when it opens.
 */
export function ConsoleApp() {
  const shown = useWindowLanguage(computerLanguage());
  const [session, setSession] = useState<ConsoleSession | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [area, setArea] = useState<Area>('computers');
  const mainRef = useRef<HTMLElement>(null);

  const adopt = (next: ConsoleSession | null) => {
    keepCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  };

  useEffect(() => {
    whenSessionEnds(() => adopt(null));
    request('GET', '/v1/console/session', consoleSessionSchema.nullable()).then(
      adopt,
      (e: unknown) => setProblem(errorMessage(e)),
    );
  }, []);

  useEffect(() => {
    document.title = session
      ? `${AREA_NAMES[area]()} · ${t({ defaultMessage: 'Hearth district console', id: '7cDnbD' })}`
      : t({ defaultMessage: 'Hearth district console', id: '7cDnbD' });
  }, [session, area, shown]);

  const signOut = (everywhere: boolean) => {
    request(
      everywhere ? 'POST' : 'DELETE',
      everywhere ? '/v1/console/sign-out-everywhere' : '/v1/console/session',
      z.undefined(),
    ).then(
      () => adopt(null),
      (e: unknown) => setProblem(errorMessage(e)),
    );
  };

  if (session === undefined)
    return (
      <main className="center-page" aria-busy={!problem}>
        <p className={problem ? 'error-text' : 'muted'} role={problem ? 'alert' : undefined}>
          {problem ?? t({ defaultMessage: 'Opening the console…', id: '80GPwx' })}
        </p>
      </main>
    );
  if (session === null) return <ConsoleSignIn onSignedIn={adopt} />;

  return (
    <div className="app console">
      <a className="skip-link" href="#main" onClick={() => mainRef.current?.focus()}>
        {t({ defaultMessage: 'Skip to main content', id: '2sRCsy' })}
      </a>
      <SideNav
        items={AREAS.map((id) => ({ id, label: AREA_NAMES[id]() }))}
        current={area}
        onChoose={setArea}
      />
      <div className="main-column">
        <header className="topbar">
          <div className="school">
            <span className="school-name">
              {t({ defaultMessage: 'District console', id: 'nNwlJ7' })}
            </span>
          </div>
          <span className="signed-in">{session.staff.displayName}</span>
          <button type="button" className="button" onClick={() => signOut(false)}>
            {t({ defaultMessage: 'Sign out', id: 'xXbJso' })}
          </button>
          <button type="button" className="button" onClick={() => signOut(true)}>
            {t({ defaultMessage: 'Sign out everywhere', id: 'ZmIH8d' })}
          </button>
        </header>
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <main id="main" ref={mainRef} tabIndex={-1} className="page">
          {area === 'schools' && <Schools admin={session.staff} />}
          {area === 'computers' && <Computers admin={session.staff} />}
          {area === 'staff' && <Staff admin={session.staff} />}
          {area === 'roster' && <Roster admin={session.staff} />}
          {area === 'audit' && <AuditLog admin={session.staff} />}
          {area === 'disclosures' && <Disclosures admin={session.staff} />}
          {area === 'insights' && <SchoolInsights admin={session.staff} />}
          {area === 'sync-health' && <SyncHealth />}
        </main>
      </div>
    </div>
  );
}
