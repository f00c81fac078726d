import { useState } from 'react';
import type { Staff } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { dayWords } from '../../ui/format';
import { LockIcon } from '../../ui/icons';
import { HealthProfileDialog } from './HealthProfileDialog';
import { CONDITION_WORDS, FLAG_CONSENT_WORDS, SEVERITY_WORDS } from './healthWords';

/**
 * On a student's record: the health profile for the health team (each showing audited), and
 * for everyone else the one flag the family agreed they may see, or nothing at all.
 */
export function HealthProfilePanel({
  studentId,
  studentName,
  viewer,
}: {
  studentId: string;
  studentName: string;
  viewer: Staff;
}) {
  return viewer.teams.includes('health') ? (
    <ProfileForTeam studentId={studentId} studentName={studentName} />
  ) : (
    <CarePlanFlag studentId={studentId} />
  );
}

function CarePlanFlag({ studentId }: { studentId: string }) {
  const flag = useCall('health.flag', { studentId }).data;
  if (!flag?.carePlan) return null;
  return (
    <p className="caution-note" role="note">
      <LockIcon />{' '}
      {t({ defaultMessage: 'Has an emergency care plan: see the nurse.', id: 'yD+hOV' })}
    </p>
  );
}

function ProfileForTeam({ studentId, studentName }: { studentId: string; studentName: string }) {
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState(false);
  const profile = useCall('health.profile', { studentId }, refresh);
  const content = profile.data?.content;
  return (
    <section className="card health-profile" aria-labelledby="health-profile-title">
      <header className="card-header">
        <h2 id="health-profile-title">
          <LockIcon /> {t({ defaultMessage: 'Health profile', id: 'goBGBX' })}
        </h2>
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          {profile.data
            ? t({ defaultMessage: 'Edit the health profile', id: 'VqTele' })
            : t({ defaultMessage: 'Start a health profile', id: 'N8IgIW' })}
        </button>
      </header>
      {profile.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(profile.error)}
        </p>
      )}
      {profile.data === null && (
        <p className="empty">
          {t({
            defaultMessage: 'No allergies, conditions or care plan recorded for this student.',
            id: 'UKwz3h',
          })}
        </p>
      )}
      {content && (
        <dl className="facts">
          <dt>{t({ defaultMessage: 'Allergies', id: 'mWM48N' })}</dt>
          <dd>
            {content.allergies.length === 0
              ? t({ defaultMessage: 'None recorded', id: '/rk7c5' })
              : content.allergies
                  .map(
                    (a) =>
                      `${a.allergen} (${SEVERITY_WORDS[a.severity]}${a.reaction ? `: ${a.reaction}` : ''})`,
                  )
                  .join('; ')}
          </dd>
          <dt>{t({ defaultMessage: 'Conditions', id: 'S8kqP9' })}</dt>
          <dd>
            {content.conditions.length === 0
              ? t({ defaultMessage: 'None recorded', id: '/rk7c5' })
              : content.conditions
                  .map((c) => `${CONDITION_WORDS[c.kind]}${c.note ? ` (${c.note})` : ''}`)
                  .join('; ')}
          </dd>
          <dt>{t({ defaultMessage: 'Emergency care plan', id: 'izywCo' })}</dt>
          <dd>
            {content.carePlan ? (
              <>
                <span className="free-text">{content.carePlan.summary}</span>
                {content.carePlan.keptAt && (
                  <span className="muted">
                    {' · '}
                    {t(
                      { defaultMessage: 'Kept at {place}', id: 'Wcu3lp' },
                      { place: content.carePlan.keptAt },
                    )}
                  </span>
                )}
                {content.carePlan.prescriber && (
                  <span className="muted"> · {content.carePlan.prescriber}</span>
                )}
                {content.carePlan.reviewOn && (
                  <span className="muted">
                    {' · '}
                    {t(
                      { defaultMessage: 'Review by {day}', id: 'FE0uGF' },
                      { day: dayWords(content.carePlan.reviewOn) },
                    )}
                  </span>
                )}
              </>
            ) : (
              t({ defaultMessage: 'None', id: '450Fty' })
            )}
          </dd>
          <dt>{t({ defaultMessage: 'Family’s consent to the flag', id: '1iTNqH' })}</dt>
          <dd>{FLAG_CONSENT_WORDS[content.consent]}</dd>
        </dl>
      )}
      {profile.data && content === null && (
        <p className="muted">
          {t({
            defaultMessage:
              'This profile cannot be opened on this computer yet: the health team’s key has not arrived. Sync, then try again.',
            id: 'l/lh0v',
          })}
        </p>
      )}
      {editing && (
        <HealthProfileDialog
          studentId={studentId}
          studentName={studentName}
          profile={profile.data ?? null}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setRefresh((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
