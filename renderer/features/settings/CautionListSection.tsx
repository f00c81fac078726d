import { useState } from 'react';
import type { CautionView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { Outcome, type OutcomeMessage } from '../../ui/Outcome';
import { dayWords } from '../../ui/format';
import { CautionDialog } from './CautionDialog';

/**
 * The school's caution list, for administrators: people who are not family whom the office
 * must know before letting in. Opened on request, since each showing is audited.
 */
export function CautionListSection() {
  const [open, setOpen] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<CautionView | 'new' | null>(null);
  const [message, setMessage] = useState<OutcomeMessage | null>(null);
  const list = useCall('caution.list', open ? {} : null, refresh);

  const retire = (entry: CautionView) =>
    call('caution.retire', { id: entry.id }).then(
      () => {
        setMessage({
          ok: true,
          text: t(
            { defaultMessage: '{name} is off the caution list.', id: 'mKm8XL' },
            { name: entry.fullName },
          ),
        });
        setRefresh((n) => n + 1);
      },
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );

  return (
    <section className="card caution-list" aria-labelledby="caution-list-title">
      <h2 id="caution-list-title">{t({ defaultMessage: 'Caution list', id: 'aY8O5U' })}</h2>
      <p className="muted">
        {t({
          defaultMessage:
            'People who are not family whom the office must know about before letting them in (a trespass notice, “see the principal”). The desk sees a match by name or phone at sign-in. Each time the list or an entry is shown, the audit log records it.',
          id: 'T6ELC/',
        })}
      </p>
      <div className="row compact wrap">
        {!open && (
          <button type="button" className="button small" onClick={() => setOpen(true)}>
            {t({ defaultMessage: 'Show the caution list', id: 'TSAvj3' })}
          </button>
        )}
        <button type="button" className="button small" onClick={() => setEditing('new')}>
          {t({ defaultMessage: 'Add someone', id: 'LyQse5' })}
        </button>
        <Outcome message={message} />
      </div>
      {open && list.data?.length === 0 && (
        <p className="empty">
          {t({ defaultMessage: 'No one is on the caution list.', id: 'fTHcLZ' })}
        </p>
      )}
      {open && list.data && list.data.length > 0 && (
        <ul>
          {list.data.map((entry) => (
            <li key={entry.id} className={entry.current ? undefined : 'retired'}>
              {entry.photo && (
                <img
                  src={entry.photo}
                  alt={t(
                    { defaultMessage: 'Photo of {name}', id: '4o1LYi' },
                    { name: entry.fullName },
                  )}
                />
              )}
              <div className="grow">
                <strong>{entry.fullName}</strong>
                {entry.phones.length > 0 && (
                  <span className="muted"> · {entry.phones.join(', ')}</span>
                )}
                <p className="free-text">{entry.reason}</p>
                <p className="muted small-text">
                  {t(
                    {
                      defaultMessage:
                        '{state, select, retired {Taken off the list} expired {Ended} other {In force}}{until, select, none {} other { until {until}}}. Added by {name} on {added}.',
                      id: 'A574nE',
                    },
                    {
                      state: entry.retiredAt ? 'retired' : entry.current ? 'current' : 'expired',
                      until: entry.expiresOn ? dayWords(entry.expiresOn) : 'none',
                      name: entry.addedByName,
                      added: dayWords(entry.addedAt.slice(0, 10)),
                    },
                  )}
                </p>
              </div>
              {!entry.retiredAt && (
                <div className="row compact">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setEditing(entry)}
                    aria-label={t(
                      { defaultMessage: 'Change the caution for {name}', id: '5pOQKa' },
                      { name: entry.fullName },
                    )}
                  >
                    {t({ defaultMessage: 'Change', id: 'BY343C' })}
                  </button>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => void retire(entry)}
                    aria-label={t(
                      { defaultMessage: 'Take off the list: {name}', id: 'zIzgh/' },
                      { name: entry.fullName },
                    )}
                  >
                    {t({ defaultMessage: 'Take off the list', id: 'Ka92i9' })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <CautionDialog
          entry={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (!saved) return;
            setMessage({
              ok: true,
              text: t(
                { defaultMessage: '{name} is on the caution list.', id: 'matdRQ' },
                { name: saved.fullName },
              ),
            });
            setOpen(true);
            setRefresh((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
