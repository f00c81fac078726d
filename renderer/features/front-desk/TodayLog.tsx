import { useState } from 'react';
import type { Staff, VisitView } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { clockTime, exactDate, fullName, purposeLabel } from '../../ui/format';
import { WalkInFollowUpDialog } from './WalkInFollowUpDialog';
import { t } from '../../i18n/intl';

interface TodayLogProps {
  refreshKey: number;
  viewer: Staff;
  timeZone: string;
  onFollowUpAdded: (visit: VisitView) => void;
}

/**
 * Today's visits, newest first, with a filter over names, purposes and whom they saw. A visit
 * about students can start a follow-up ("call back about the bus form").
 */
export function TodayLog({ refreshKey, viewer, timeZone, onFollowUpAdded }: TodayLogProps) {
  const [filter, setFilter] = useState('');
  const [following, setFollowing] = useState<VisitView | null>(null);
  const today = useCall('visit.today', { text: filter }, refreshKey);
  const data = today.data;
  return (
    <section className="card today-log" aria-labelledby="today-title">
      <header className="card-header">
        <h2 id="today-title">
          {t({ defaultMessage: 'Today’s log', id: 'MKrnk6' })}{' '}
          <span className="count">{data?.total ?? 0}</span>
        </h2>
        <label className="filter">
          <span className="visually-hidden">
            {t({ defaultMessage: 'Search today’s visits', id: 'KHOjAs' })}
          </span>
          <input
            type="search"
            placeholder={t({ defaultMessage: 'Search today’s visits', id: 'KHOjAs' })}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
      </header>
      {today.error !== undefined && <p role="alert">{errorMessage(today.error)}</p>}
      {data && data.total === 0 && (
        <p className="empty">{t({ defaultMessage: 'No visits yet today.', id: '8golbE' })}</p>
      )}
      {data && data.total > 0 && data.visits.length === 0 && (
        <p className="empty">
          {t(
            { defaultMessage: 'No visit today matches “{text}”.', id: 'WqiTV1' },
            { text: filter },
          )}
        </p>
      )}
      {data && data.visits.length > 0 && (
        <div className="table-scroll">
          <table className="log-table today-log">
            <caption className="visually-hidden">
              {t({ defaultMessage: 'Visits today', id: '4S+PY0' })}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  {t({ defaultMessage: 'In', id: 'HiB0NY', description: 'time signed in' })}
                </th>
                <th scope="col">{t({ defaultMessage: 'Visitor', id: 'OGqTOQ' })}</th>
                <th scope="col">{t({ defaultMessage: 'Why', id: 'iEhh6m' })}</th>
                <th scope="col">
                  {t({ defaultMessage: 'Out', id: 'lGyV4g', description: 'time signed out' })}
                </th>
                <th scope="col" className="wide-only">
                  {t({ defaultMessage: 'Greeted by', id: 'ABZA3h' })}
                </th>
                <th scope="col">
                  <span className="visually-hidden">
                    {t({ defaultMessage: 'Actions', id: 'wL7VAE' })}
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.visits.map((v) => (
                <tr key={v.id}>
                  <td>
                    <time dateTime={v.signedInAt} title={exactDate(v.signedInAt)}>
                      {clockTime(v.signedInAt)}
                    </time>
                  </td>
                  <td>
                    {v.visitorName}
                    {v.students.length > 0 && (
                      <div className="muted small-text">
                        {t(
                          { defaultMessage: 'for {names}', id: 'b9rD1y' },
                          { names: v.students.map((s) => fullName(s)).join(', ') },
                        )}
                      </div>
                    )}
                  </td>
                  <td>
                    {purposeLabel(v.purpose)}
                    {v.seeing && (
                      <div className="muted small-text">
                        {t({ defaultMessage: 'to see {whom}', id: '76FCLD' }, { whom: v.seeing })}
                      </div>
                    )}
                  </td>
                  <td>
                    {v.signedOutAt ? (
                      clockTime(v.signedOutAt)
                    ) : (
                      <span className="still-here">
                        {t({ defaultMessage: 'Still here', id: '04/Zvy' })}
                      </span>
                    )}
                  </td>
                  <td className="wide-only muted small-text">
                    {t(
                      { defaultMessage: 'greeted by {name}', id: 'hOpO27' },
                      { name: v.greetedByName },
                    )}
                  </td>
                  <td>
                    {v.students.length > 0 && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t(
                          { defaultMessage: 'Follow-up from {name}’s visit', id: 'GJPadi' },
                          { name: v.visitorName },
                        )}
                        onClick={() => setFollowing(v)}
                      >
                        {t({ defaultMessage: 'Follow-up…', id: 'cubLIc' })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {following && (
        <WalkInFollowUpDialog
          visit={following}
          viewer={viewer}
          timeZone={timeZone}
          onDone={(saved) => {
            setFollowing(null);
            if (saved) onFollowUpAdded(following);
          }}
        />
      )}
    </section>
  );
}
