import { useState } from 'react';
import type { DoseView, MedOrderView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { clockTime, dayWords, timeOfDay } from '../../ui/format';
import { LockIcon } from '../../ui/icons';
import { Outcome, type OutcomeMessage } from '../../ui/Outcome';
import { DOSE_OUTCOME_WORDS, MED_ROUTE_WORDS } from './healthWords';
import { MedOrderDialog } from './MedOrderDialog';
import { RecordDoseDialog, type DoseToRecord } from './RecordDoseDialog';

/**
 * On a student's record, for the health team: the medication orders, the supply left, and
 * the last two weeks of the administration record. An entry is never changed: "Correct"
 * records a new entry that points at it, and the old one stays, struck through.
 */
export function MedicationOrders({
  studentId,
  studentName,
  viewerId,
  today,
}: {
  studentId: string;
  studentName: string;
  viewerId: string;
  today: string;
}) {
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState<MedOrderView | 'new' | null>(null);
  const [recording, setRecording] = useState<DoseToRecord | null>(null);
  const [message, setMessage] = useState<OutcomeMessage | null>(null);
  const orders = useCall('health.medOrders', { studentId }, refresh);
  const changed = () => setRefresh((n) => n + 1);

  const doseFor = (order: MedOrderView, corrects: DoseView | null): DoseToRecord | null =>
    order.content && {
      orderId: order.id,
      studentName,
      medication: order.content.medication,
      dose: order.content.dose,
      slot: corrects ? (corrects.content?.slot ?? null) : (order.content.times[0] ?? null),
      // A correction is for the time of the entry it corrects.
      slots: corrects
        ? [corrects.content?.slot ?? null]
        : [...order.content.times, ...(order.content.asNeeded ? [null] : [])],
      secondCheck: order.content.secondCheck,
      outcome: 'given',
      corrects,
    };

  const stop = (order: MedOrderView) =>
    call('health.stopMedOrder', { id: order.id }).then(
      () => {
        setMessage({
          ok: true,
          text: t({ defaultMessage: 'The order is stopped.', id: 'kJscpp' }),
        });
        changed();
      },
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );

  return (
    <section className="card" aria-labelledby="med-orders-title">
      <header className="card-header">
        <h2 id="med-orders-title">
          <LockIcon /> {t({ defaultMessage: 'Medications at school', id: 'Ev8ABc' })}
        </h2>
        <button type="button" className="button small" onClick={() => setEditing('new')}>
          {t({ defaultMessage: 'New order', id: '0OqCZG' })}
        </button>
      </header>
      <Outcome message={message} />
      {orders.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(orders.error)}
        </p>
      )}
      {orders.data?.length === 0 && (
        <p className="empty">
          {t({ defaultMessage: 'No medication is given at school.', id: 'qXudRY' })}
        </p>
      )}
      {orders.data?.map((order) => (
        <article key={order.id} className="med-order" aria-label={order.content?.medication}>
          {order.content ? (
            <>
              <h3>
                {order.content.medication} · {order.content.dose}{' '}
                <span className="muted">{MED_ROUTE_WORDS[order.content.route]}</span>
                {order.status === 'stopped' && (
                  <span className="tag">{t({ defaultMessage: 'Stopped', id: '1LBny5' })}</span>
                )}
              </h3>
              <p className="muted small-text">
                {[
                  order.content.times.map(timeOfDay).join(', '),
                  order.content.asNeeded && t({ defaultMessage: 'as needed', id: '1R2I3v' }),
                  order.content.endOn
                    ? t(
                        { defaultMessage: '{from} to {to}', id: 'tXYVJd' },
                        {
                          from: dayWords(order.content.startOn),
                          to: dayWords(order.content.endOn),
                        },
                      )
                    : t(
                        { defaultMessage: 'from {from}', id: 'HeZ+Q/' },
                        { from: dayWords(order.content.startOn) },
                      ),
                  t(
                    {
                      defaultMessage: '{count, plural, one {# dose} other {# doses}} left',
                      id: '/gEQJy',
                    },
                    { count: order.supplyLeft ?? 0 },
                  ),
                  order.content.authorisedBy,
                  order.content.secondCheck &&
                    t({ defaultMessage: 'second check for each dose', id: 'd4MAWR' }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {order.content.instructions && <p>{order.content.instructions}</p>}
              {order.status === 'active' && (
                <div className="row compact wrap">
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      setMessage(null);
                      setRecording(doseFor(order, null));
                    }}
                  >
                    {t({ defaultMessage: 'Record a dose', id: 'ZpcQyy' })}
                  </button>
                  <button type="button" className="button small" onClick={() => setEditing(order)}>
                    {t({ defaultMessage: 'Change', id: 'BY343C' })}
                  </button>
                  <button type="button" className="button small" onClick={() => void stop(order)}>
                    {t({ defaultMessage: 'Stop the order', id: 'HiQgrp' })}
                  </button>
                </div>
              )}
              {order.doses.length > 0 && (
                <ul className="plain-list small-text">
                  {order.doses.map((d) => (
                    <li key={d.id} className="row wrap">
                      <span className={d.correctedById ? 'entry-corrected' : undefined}>
                        {dayWords(d.forDay)} {d.content?.slot ? timeOfDay(d.content.slot) : ''}:{' '}
                        {d.content ? DOSE_OUTCOME_WORDS[d.content.outcome] : '…'} ·{' '}
                        {clockTime(d.content?.at ?? d.recordedAt)} · {d.recordedByName}
                        {d.checkedByName &&
                          ` · ${t({ defaultMessage: 'checked by {name}', id: 'O4F2bg' }, { name: d.checkedByName })}`}
                        {d.content?.note && ` · ${d.content.note}`}
                      </span>
                      {d.correctedById && (
                        <span className="muted">
                          {t({ defaultMessage: '(corrected)', id: '4RCccR' })}
                        </span>
                      )}
                      {d.correctsId && (
                        <span className="muted">
                          {t({ defaultMessage: '(a correction)', id: 'YliTuI' })}
                        </span>
                      )}
                      {!d.correctedById && d.content && (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setRecording(doseFor(order, d))}
                        >
                          {t({ defaultMessage: 'Correct', id: '6NoIUl' })}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="muted">
              {t({
                defaultMessage:
                  'This order cannot be opened on this computer yet: the health team’s key has not arrived. Sync, then try again.',
                id: 'faoSsx',
              })}
            </p>
          )}
        </article>
      ))}
      {editing && (
        <MedOrderDialog
          studentId={studentId}
          studentName={studentName}
          order={editing === 'new' ? null : editing}
          today={today}
          onDone={(saved) => {
            setEditing(null);
            if (saved) changed();
          }}
        />
      )}
      {recording && (
        <RecordDoseDialog
          dose={recording}
          viewerId={viewerId}
          onDone={(saved) => {
            setRecording(null);
            if (saved) changed();
          }}
        />
      )}
    </section>
  );
}
