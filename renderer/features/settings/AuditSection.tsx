import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { logTime } from '../../ui/format';
import { plural } from '../../../contract';

const ACTION_WORDS: Record<AuditAction, string> = {
  read: 'Read',
  create: 'Wrote',
  revise: 'Edited',
  status: 'Changed status of',
  export: 'Exported',
  merge: 'Merged',
};

const NOUNS: Record<AuditEntry['recordType'], string> = {
  note: 'note',
  follow_up: 'follow-up',
  person: 'duplicate person record',
  student: 'duplicate student record',
  family_list: 'families list',
};

const PAGE = 100;

/** "a note", "3 follow-ups"; a merge names the two records it joined as one. */
function records(entry: AuditEntry): string {
  const noun = NOUNS[entry.recordType];
  if (entry.action === 'merge') return `a ${noun} into this one`;
  if (entry.recordType === 'family_list') return `the ${noun}`;
  const count = entry.recordIds.length;
  return count === 1 ? `a ${noun}` : plural(count, noun, `${noun}s`);
}

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
      <h2 id="audit-title">Audit log</h2>
      <p className="muted">
        Every read and change of a confidential note or follow-up, and every merge of duplicate
        people, on this computer. Nobody can edit or delete these entries.
      </p>
      <div className="row">
        <label className="field">
          <span>Staff member</span>
          <select value={staffId ?? ''} onChange={(e) => setStaffId(e.target.value || null)}>
            <option value="">Everyone</option>
            {staff.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Action</span>
          <select
            value={action ?? ''}
            onChange={(e) => setAction((e.target.value || null) as AuditAction | null)}
          >
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_WORDS[a]}
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
      {first.data && entries.length === 0 && <p className="empty">No entries match.</p>}
      {entries.length > 0 && (
        <table className="log-table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">About</th>
              <th scope="col">Device</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{logTime(e.at)}</td>
                <td>{e.staffName}</td>
                <td>
                  {ACTION_WORDS[e.action]} {records(e)}
                </td>
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
          Show older entries
        </button>
      )}
    </section>
  );
}
