import { useState } from 'react';
import type { Staff, VisitView } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { clockTime, exactDate, fullName, purposeLabel } from '../../ui/format';
import { WalkInFollowUpDialog } from './WalkInFollowUpDialog';

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
          Today’s log <span className="count">{data?.total ?? 0}</span>
        </h2>
        <label className="filter">
          <span className="visually-hidden">Search today’s visits</span>
          <input
            type="search"
            placeholder="Search today’s visits"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
      </header>
      {today.error !== undefined && <p role="alert">{errorMessage(today.error)}</p>}
      {data && data.total === 0 && <p className="empty">No visits yet today.</p>}
      {data && data.total > 0 && data.visits.length === 0 && (
        <p className="empty">No visit today matches “{filter}”.</p>
      )}
      {data && data.visits.length > 0 && (
        <div className="table-scroll">
          <table className="log-table today-log">
            <caption className="visually-hidden">Visits today</caption>
            <thead>
              <tr>
                <th scope="col">In</th>
                <th scope="col">Visitor</th>
                <th scope="col">Why</th>
                <th scope="col">Out</th>
                <th scope="col" className="wide-only">
                  Greeted by
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
                        for {v.students.map((s) => fullName(s)).join(', ')}
                      </div>
                    )}
                  </td>
                  <td>
                    {purposeLabel(v.purpose)}
                    {v.seeing && <div className="muted small-text">to see {v.seeing}</div>}
                  </td>
                  <td>
                    {v.signedOutAt ? (
                      clockTime(v.signedOutAt)
                    ) : (
                      <span className="still-here">Still here</span>
                    )}
                  </td>
                  <td className="wide-only muted small-text">greeted by {v.greetedByName}</td>
                  <td>
                    {v.students.length > 0 && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Follow-up from ${v.visitorName}’s visit`}
                        onClick={() => setFollowing(v)}
                      >
                        Follow-up…
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
