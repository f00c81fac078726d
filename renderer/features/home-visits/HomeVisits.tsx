import { useCall } from '../../api/useCall';
import { useNow } from '../../ui/useNow';
import { errorMessage } from '../../api/client';
import { PLACE_WORDS, relative, schoolDateTime } from '../../ui/format';
import { t } from '../../i18n/intl';

/** "My upcoming visits": planned visits the signed-in staff member is going on. */
export function HomeVisits({
  timeZone,
  onOpenVisit,
}: {
  timeZone: string;
  onOpenVisit: (visitId: string) => void;
}) {
  const mine = useCall('homeVisit.mine', {});
  const now = useNow().getTime();
  return (
    <div className="families">
      <h1>{t({ defaultMessage: 'Home visits', id: '6HvnFs' })}</h1>
      <section className="card" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t({ defaultMessage: 'My upcoming visits', id: 'ez9CRn' })}</h2>
        <p className="muted small-text">
          {t({
            defaultMessage:
              'Everything here works with no connection: plans and notes are kept on this computer. Plan a visit from a family’s page.',
            id: 'MWRWtN',
          })}
        </p>
        {mine.error !== undefined && (
          <p role="alert" className="error-text">
            {errorMessage(mine.error)}
          </p>
        )}
        {mine.data?.length === 0 && (
          <p className="empty">
            {t({ defaultMessage: 'No visits planned for you.', id: 'DxisMP' })}
          </p>
        )}
        <ul className="finder-results" aria-labelledby="upcoming-title">
          {mine.data?.map((v) => (
            <li key={v.id}>
              <button type="button" className="finder-result" onClick={() => onOpenVisit(v.id)}>
                <strong>
                  {v.familyName} — {schoolDateTime(v.scheduledAt, timeZone)}
                </strong>
                <span className="muted">
                  {Date.parse(v.scheduledAt) < now
                    ? t(
                        { defaultMessage: 'Not recorded yet ({when})', id: 'zmpunG' },
                        { when: relative(v.scheduledAt) },
                      )
                    : relative(v.scheduledAt)}{' '}
                  · {PLACE_WORDS[v.place]} · {v.purpose}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
