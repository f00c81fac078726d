import { useState } from 'react';
import { defineMessages } from 'react-intl';
import { ROLL_CALL_KINDS, type RollCallSummary, type RollCallView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { clockTime, purposeLabel, schoolDateTime } from '../../ui/format';

type Person = RollCallView['people'][number];

const KIND_WORDS = defineMessages<(typeof ROLL_CALL_KINDS)[number]>({
  emergency: { defaultMessage: 'A real emergency', id: 'QAurvZ' },
  drill: { defaultMessage: 'A drill', id: 'BBwp6X' },
});

/** People grouped by whom they came to see, in the order the first of each came in. */
function bySeeing(people: Person[]): [string | null, Person[]][] {
  const groups = new Map<string | null, Person[]>();
  for (const person of people) {
    const key = person.seeing?.trim() || null;
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return [...groups.entries()];
}

/**
 * Everyone in the building when the roll call began, grouped by whom they came to see, each
 * ticked off as they are found. It reads only this computer's data, so it works with no
 * connection; it prints on one page for whoever takes it outside.
 */
export function RollCall({ timeZone }: { timeZone: string }) {
  const [refresh, setRefresh] = useState(0);
  const current = useCall('rollCall.current', {}, refresh);
  const log = useCall('rollCall.list', {}, refresh);
  const [problem, setProblem] = useState<string | null>(null);
  const act = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        setProblem(null);
        setRefresh((n) => n + 1);
      },
      (e: unknown) => setProblem(errorMessage(e)),
    );
  const roll = current.data;

  return (
    <div className="roll-call" aria-busy={current.loading}>
      <h1>
        {roll?.kind === 'drill'
          ? t({ defaultMessage: 'Roll call: drill', id: 'QVclVz' })
          : t({ defaultMessage: 'Emergency roll call', id: 'NaqHHv' })}
      </h1>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {roll ? (
        <OpenRollCall roll={roll} act={act} />
      ) : (
        <>
          <p>
            {t({
              defaultMessage:
                'No roll call is under way. Starting one lists everyone signed in now.',
              id: 'IQU8Qg',
            })}
          </p>
          <div className="actions no-print">
            <button
              type="button"
              className="button danger"
              onClick={() => act(call('rollCall.start', { kind: 'emergency' }))}
            >
              {t({ defaultMessage: 'Start an emergency roll call', id: '6fOSLu' })}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => act(call('rollCall.start', { kind: 'drill' }))}
            >
              {t({ defaultMessage: 'Start a drill', id: 'oZy9p7' })}
            </button>
          </div>
        </>
      )}
      <RollCallLog calls={log.data ?? []} timeZone={timeZone} />
    </div>
  );
}

function OpenRollCall({
  roll,
  act,
}: {
  roll: RollCallView;
  act: (promise: Promise<unknown>) => Promise<void>;
}) {
  const accounted = roll.people.filter((p) => p.accounted).length;
  return (
    <>
      <p className="roll-call-count" role="status">
        {t(
          {
            defaultMessage:
              '{accounted, number} of {total, plural, one {# person} other {# people}} accounted for · began at {time} by {name}',
            id: 'GCdDaK',
          },
          {
            accounted,
            total: roll.people.length,
            time: clockTime(roll.startedAt),
            name: roll.startedByName,
          },
        )}
      </p>
      <div className="actions no-print">
        <fieldset className="inline-choice">
          <legend className="visually-hidden">
            {t({ defaultMessage: 'What this is', id: 'ZxUnMV' })}
          </legend>
          {ROLL_CALL_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="roll-call-kind"
                checked={roll.kind === kind}
                onChange={() => act(call('rollCall.setKind', { id: roll.id, kind }))}
              />{' '}
              {t(KIND_WORDS[kind])}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={() => window.print()}>
          {t({ defaultMessage: 'Print the list', id: 'fr3F7e' })}
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => act(call('rollCall.end', { id: roll.id }))}
        >
          {t({ defaultMessage: 'End the roll call', id: 'EFziuP' })}
        </button>
      </div>
      {roll.people.length === 0 && (
        <p className="empty">
          {t({ defaultMessage: 'No one was signed in when it began.', id: 'yRildZ' })}
        </p>
      )}
      <div className="roll-call-groups">
        {bySeeing(roll.people).map(([seeing, people]) => (
          <section key={seeing ?? ''} className="roll-call-group">
            <h2>
              {seeing
                ? t({ defaultMessage: 'Here to see {whom}', id: '+eKC3y' }, { whom: seeing })
                : t({ defaultMessage: 'Not here to see anyone named', id: 'djkey2' })}
            </h2>
            <ul className="roll-call-list">
              {people.map((p) => (
                <li key={p.visitId}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={p.accounted}
                      onChange={(event) =>
                        act(
                          call('rollCall.mark', {
                            id: roll.id,
                            visitId: p.visitId,
                            accounted: event.target.checked,
                          }),
                        )
                      }
                    />{' '}
                    <strong dir="auto">{p.visitorName}</strong>{' '}
                    <span className="muted">
                      {t(
                        { defaultMessage: 'in at {time} · {purpose}', id: 'gY0zQS' },
                        {
                          time: clockTime(p.signedInAt),
                          purpose: purposeLabel(p.purpose),
                        },
                      )}
                      {p.studentNames.length > 0 && ` · ${p.studentNames.join(', ')}`}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

/** The school's roll calls, drills and real events, for its safety records. */
function RollCallLog({ calls, timeZone }: { calls: RollCallSummary[]; timeZone: string }) {
  return (
    <section className="card roll-call-log no-print" aria-labelledby="roll-call-log-title">
      <h2 id="roll-call-log-title">{t({ defaultMessage: 'Past roll calls', id: 'zFtygl' })}</h2>
      {calls.length === 0 ? (
        <p className="empty">{t({ defaultMessage: 'None yet.', id: 'kWQ5/Y' })}</p>
      ) : (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'Began', id: 'Ak/TKd' })}</th>
              <th scope="col">{t({ defaultMessage: 'Ended', id: 'TP/cMX' })}</th>
              <th scope="col">{t({ defaultMessage: 'What', id: 'y9RWqI' })}</th>
              <th scope="col">{t({ defaultMessage: 'Run by', id: 'BiCRDT' })}</th>
              <th scope="col">{t({ defaultMessage: 'Accounted for', id: 'q0Aba8' })}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id}>
                <td>{schoolDateTime(c.startedAt, timeZone)}</td>
                <td>
                  {c.endedAt
                    ? schoolDateTime(c.endedAt, timeZone)
                    : t({ defaultMessage: 'Under way', id: 'heuBsB' })}
                </td>
                <td>{t(KIND_WORDS[c.kind])}</td>
                <td>{c.startedByName}</td>
                <td>
                  {t(
                    { defaultMessage: '{accounted, number} of {people, number}', id: '1wtJgg' },
                    { accounted: c.accounted, people: c.people },
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
