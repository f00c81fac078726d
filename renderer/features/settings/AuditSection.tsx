import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { ACTION_WORDS, whatWasDone } from '../../ui/auditWords';
import { logTime } from '../../ui/format';
import { t } from '../../i18n/intl';

const PAGE = 100;

/** Who read or changed restricted records. Administrators only; read only. */
export function AuditSection() {
  const staff = useCall('staff.list', {});
  const [staffId, setStaffId] = useState<string | null>(null);
  const [action, setAction] = useState<AuditAction | null>(null);
  const first = useCall('audit.list', { staffId, action, limit: PAGE });
  const [older, setOlder] = useState<{ key: string; entries: AuditEntry[] }>({
    key: '',
    entries: [],
  });
  const [error, setError] = useState<string | null>(null);
  const key = `${staffId}|${action}`;
  const entries = [...(first.data ?? []), ...(older.key === key ? older.entries : [])];

  const loadOlder = async () => {
    const last = entries.at(-1);
    if (!last) return;
    try {
      const more = await call('audit.list', { staffId, action, before: last.at, limit: PAGE });
      setOlder({ key, entries: [...(older.key === key ? older.entries : []), ...more] });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t({ defaultMessage: 'Audit log', id: 'ED9RG5' })}</h2>
      <p className="muted">
        {t({
          defaultMessage:
            'Every read and change of a confidential note or follow-up, and every merge of duplicate people, on this computer. Nobody can edit or delete these entries.',
          id: 'vMWhNd',
        })}
      </p>
      <div className="row">
        <label className="field">
          <span>{t({ defaultMessage: 'Staff member', id: '66D0h/' })}</span>
          <select value={staffId ?? ''} onChange={(e) => setStaffId(e.target.value || null)}>
            <option value="">{t({ defaultMessage: 'Everyone', id: '2XDuH4' })}</option>
            {staff.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Action', id: 'QlsDcr' })}</span>
          <select
            value={action ?? ''}
            onChange={(e) => setAction((e.target.value || null) as AuditAction | null)}
          >
            <option value="">{t({ defaultMessage: 'Any', id: 'ToO3/h' })}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(ACTION_WORDS[a])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {(first.error ?? error) && (
        <p role="alert" className="error-text">
          {error ?? errorMessage(first.error)}
        </p>
      )}
      {first.data && entries.length === 0 && (
        <p className="empty">{t({ defaultMessage: 'No entries match.', id: 'DhD56I' })}</p>
      )}
      {entries.length > 0 && (
        <table className="log-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'When', id: 'McnLsx' })}</th>
              <th scope="col">{t({ defaultMessage: 'Who', id: 'o8KenS' })}</th>
              <th scope="col">{t({ defaultMessage: 'What', id: 'y9RWqI' })}</th>
              <th scope="col">{t({ defaultMessage: 'About', id: 'g5pX+a' })}</th>
              <th scope="col">{t({ defaultMessage: 'Device', id: 'c3VJQo' })}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{logTime(e.at)}</td>
                <td>{e.staffName}</td>
                <td>{whatWasDone(e)}</td>
                <td>{e.aboutName}</td>
                <td>
                  <code title={e.deviceId}>{e.deviceId.slice(0, 8)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {first.data?.length === PAGE && (
        <button type="button" className="button small" onClick={() => void loadOlder()}>
          {t({ defaultMessage: 'Show older entries', id: 'dZ6+Bj' })}
        </button>
      )}
    </section>
  );
}
