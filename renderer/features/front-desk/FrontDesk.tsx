import { lazy, Suspense, useCallback, useState } from 'react';
import { defineMessages } from 'react-intl';
import {
  HearthError,
  personSummarySchema,
  readBadgeCode,
  type AppStatus,
  type PickupWarning,
  type Staff,
  type VisitView,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { clockTime } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { CaregiverChooser } from './CaregiverChooser';
import { Enrollment } from './Enrollment';
import { InBuilding } from './InBuilding';
import { PickupWarningDialog } from './PickupWarningDialog';
import { SignInForm, type Visitor } from './SignInForm';
import { TodayLog } from './TodayLog';
import { WithNurse } from './WithNurse';
import { VisitorSearch, type Pick } from './VisitorSearch';
import { t, tRich } from '../../i18n/intl';
import { CautionIcon, CheckIcon } from '../../ui/icons';

const VisitorBadge = lazy(() => import('./VisitorBadge'));

/** Places a visitor often comes to see; what is typed is saved as typed. */
const PLACES = Object.values(
  defineMessages({
    office: { defaultMessage: 'Main office', id: 'AsANO/' },
    counselor: { defaultMessage: 'Counselor', id: 'CFDBTo' },
    nurse: {
      defaultMessage: 'Nurse',
      id: 'GsKnVh',
      description: 'the school nurse, as someone a visitor sees',
    },
    principal: { defaultMessage: 'Principal', id: 'SRhWkB' },
    familyCenter: { defaultMessage: 'Family center', id: 'R7/Rx+' },
  }),
);

type Stage =
  | { kind: 'search' }
  | { kind: 'caregiver'; pick: Extract<Pick, { type: 'student' }> }
  | { kind: 'details'; visitor: Visitor };

/** Sign visitors in on the left; who is in the building and today's log on the right. */
export function FrontDesk({
  focusSearchSignal,
  viewer,
  school,
  timeZone,
  badges,
  onOpenFamily,
}: {
  focusSearchSignal: number;
  viewer: Staff;
  /** The school's name, as its papers print it. */
  school: string;
  timeZone: string;
  /** This computer's badge choices (Settings). */
  badges: AppStatus['badges'];
  onOpenFamily: (householdId: string) => void;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'search' });
  const [enrolling, setEnrolling] = useState<VisitView | null>(null);
  const [text, setText] = useState('');
  const [refreshKey, setRefreshKey] = useState(0);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [searchFocus, setSearchFocus] = useState(0);
  const now = useNow();
  const inBuilding = useCall('visit.inBuilding', {}, refreshKey);
  const staff = useCall('staff.list', {});
  const seeingSuggestions = [
    ...PLACES.map((place) => t(place)),
    ...(staff.data?.map((s) => s.displayName) ?? []),
  ];

  const backToSearch = useCallback((clear: boolean) => {
    if (clear) setText('');
    setStage({ kind: 'search' });
    setSearchFocus((n) => n + 1);
  }, []);

  const [lastSignal, setLastSignal] = useState(focusSearchSignal);
  if (focusSearchSignal !== lastSignal) {
    // Ctrl+K is a fresh search: what was typed for the last visitor is gone.
    setLastSignal(focusSearchSignal);
    setText('');
    setStage({ kind: 'search' });
    setSearchFocus((n) => n + 1);
  }

  const onPick = (pick: Pick) => {
    setNotice(null);
    if (pick.type === 'person') {
      setStage({
        kind: 'details',
        visitor: {
          type: 'known',
          person: pick.hit.person,
          students: pick.hit.students,
          preselected: pick.hit.students.map((s) => s.student.id),
        },
      });
    } else if (pick.type === 'student') setStage({ kind: 'caregiver', pick });
    else setStage({ kind: 'details', visitor: { type: 'new', name: pick.name, students: [] } });
  };

  const signInExisting = (personId: string) =>
    call('person.get', { id: personId }).then(
      ({ person, students }) =>
        setStage({
          kind: 'details',
          visitor: {
            type: 'known',
            person: personSummarySchema.parse(person),
            students,
            preselected: students.map((s) => s.student.id),
          },
        }),
      (e: unknown) => setNotice({ tone: 'error', text: errorMessage(e) }),
    );

  const afterChange = (message: string) => {
    setNotice({ tone: 'ok', text: message });
    setRefreshKey((k) => k + 1);
  };

  // A restricted visitor leaving while their student is dismissed: the warning, again.
  const [leaving, setLeaving] = useState<{
    visitorName: string;
    warnings: PickupWarning[];
    acknowledge: () => void;
  } | null>(null);
  const [badge, setBadge] = useState<VisitView | null>(null);
  const signedOut = (v: VisitView) => {
    setLeaving(null);
    afterChange(
      t(
        { defaultMessage: '{name} signed out at {time}.', id: 'ILd7Ij' },
        { name: v.visitorName, time: clockTime(v.signedOutAt ?? new Date().toISOString()) },
      ),
    );
  };
  const signOut = (visit: VisitView, acknowledgeWarnings = false): Promise<void> =>
    call('visit.signOut', { visitId: visit.id, acknowledgeWarnings }).then(
      signedOut,
      (e: unknown) => {
        if (e instanceof HearthError && e.code === 'PICKUP_ACK_REQUIRED')
          setLeaving({
            visitorName: visit.visitorName,
            warnings: e.details as PickupWarning[],
            acknowledge: () => void signOut(visit, true),
          });
        else setNotice({ tone: 'error', text: errorMessage(e) });
      },
    );
  const signOutByCode = (code: string, acknowledgeWarnings = false): Promise<boolean> =>
    call('visit.signOutByCode', { code, acknowledgeWarnings }).then(
      (v) => {
        signedOut(v);
        return true;
      },
      (e: unknown) => {
        if (e instanceof HearthError && e.code === 'PICKUP_ACK_REQUIRED')
          setLeaving({
            visitorName:
              inBuilding.data?.find((v) => v.badgeCode === readBadgeCode(code))?.visitorName ??
              code,
            warnings: e.details as PickupWarning[],
            acknowledge: () => void signOutByCode(code, true),
          });
        else setNotice({ tone: 'error', text: errorMessage(e) });
        return false;
      },
    );

  const signOutAll = () =>
    call('visit.signOutAll', {}).then(
      ({ count }) =>
        afterChange(
          t(
            {
              defaultMessage: 'Signed out {count, plural, one {# visitor} other {# visitors}}.',
              id: 'mhrdmX',
            },
            { count },
          ),
        ),
      (e: unknown) => setNotice({ tone: 'error', text: errorMessage(e) }),
    );

  return (
    <div className="front-desk">
      <h1 className="visually-hidden">{t({ defaultMessage: 'Front desk', id: 'oW6YIN' })}</h1>

      <div className="desk-summary" aria-live="polite">
        <span>
          {tRich(
            { defaultMessage: '<b>{count}</b> in the building', id: 'biru3E' },
            { count: inBuilding.data?.length ?? 0, b: (chunks) => <strong>{chunks}</strong> },
          )}
        </span>
        {notice && (
          <span
            className={`notice notice-${notice.tone}`}
            role={notice.tone === 'error' ? 'alert' : 'status'}
          >
            {notice.tone === 'ok' ? <CheckIcon /> : <CautionIcon />} {notice.text}
          </span>
        )}
      </div>
      {leaving && (
        <PickupWarningDialog
          leaving
          visitorName={leaving.visitorName}
          warnings={leaving.warnings}
          onCancel={() => setLeaving(null)}
          onAcknowledge={leaving.acknowledge}
        />
      )}
      {badge && (
        <Suspense fallback={null}>
          <VisitorBadge
            visit={badge}
            school={school}
            layout={badges.layout}
            onClose={() => {
              setBadge(null);
              setSearchFocus((n) => n + 1);
            }}
          />
        </Suspense>
      )}
      <div className="desk-columns">
        <section
          className="card sign-in"
          aria-label={t({ defaultMessage: 'Sign in a visitor', id: 'Kl+JrH' })}
        >
          {enrolling && (
            <Enrollment
              visit={enrolling}
              viewer={viewer}
              timeZone={timeZone}
              onOpenFamily={onOpenFamily}
              onDone={(message) => {
                setEnrolling(null);
                if (message) afterChange(message);
                setSearchFocus((n) => n + 1);
              }}
            />
          )}
          {stage.kind === 'search' && (
            <VisitorSearch
              text={text}
              onTextChange={setText}
              onPick={onPick}
              focusSignal={searchFocus}
            />
          )}
          {stage.kind === 'caregiver' && (
            <CaregiverChooser
              student={stage.pick.hit.student}
              caregivers={stage.pick.hit.caregivers}
              onBack={() => backToSearch(false)}
              onChoose={(caregiver) =>
                setStage({
                  kind: 'details',
                  visitor: caregiver
                    ? {
                        type: 'known',
                        person: caregiver.person,
                        students: [
                          {
                            student: stage.pick.hit.student,
                            relationship: caregiver.relationship,
                            legalGuardian: caregiver.legalGuardian,
                            livesWith: caregiver.livesWith,
                            emergencyContact: caregiver.emergencyContact,
                            pickup: caregiver.pickup,
                            officeNote: caregiver.officeNote,
                          },
                        ],
                        preselected: [stage.pick.hit.student.id],
                      }
                    : { type: 'new', name: '', students: [stage.pick.hit.student] },
                })
              }
            />
          )}
          {stage.kind === 'details' && (
            <SignInForm
              key={stage.visitor.type === 'known' ? stage.visitor.person.id : 'new'}
              visitor={stage.visitor}
              seeingSuggestions={seeingSuggestions}
              printBadgeByDefault={badges.printAtSignIn}
              onBack={() => backToSearch(false)}
              onUseExisting={(personId) => void signInExisting(personId)}
              onSignedIn={(visit, printBadge) => {
                afterChange(
                  t(
                    { defaultMessage: '{name} signed in at {time}.', id: 'Mn90mf' },
                    { name: visit.visitorName, time: clockTime(visit.signedInAt) },
                  ),
                );
                backToSearch(true);
                if (visit.purpose === 'enrollment') setEnrolling(visit);
                if (printBadge) setBadge(visit);
              }}
            />
          )}
        </section>
        <div className="desk-side">
          <InBuilding
            visits={inBuilding.data}
            now={now}
            school={school}
            timeZone={timeZone}
            onSignOut={(v) => void signOut(v)}
            onSignOutAll={() => void signOutAll()}
            onSignOutByCode={signOutByCode}
            onBadge={setBadge}
          />
          <WithNurse refreshKey={refreshKey} />
          <TodayLog
            refreshKey={refreshKey}
            viewer={viewer}
            timeZone={timeZone}
            onFollowUpAdded={(visit) =>
              afterChange(
                t(
                  { defaultMessage: 'Follow-up added from {name}’s visit.', id: 'XCSsDX' },
                  { name: visit.visitorName },
                ),
              )
            }
          />
        </div>
      </div>
    </div>
  );
}
