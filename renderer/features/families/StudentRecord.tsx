import { Suspense, lazy, useState } from 'react';
import type { FamilyRecord, Staff } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import {
  CHANNEL_WORDS,
  exactDate,
  fullName,
  gradeLabel,
  interpreterWords,
  languageName,
  schoolToday,
} from '../../ui/format';
import { PickupMark } from '../../ui/PickupMark';
import { ExportDialog } from './ExportDialog';
import { FollowUpsPanel } from './FollowUpsPanel';
import { NotesPanel } from './NotesPanel';
import { PrintableRecord } from './PrintableRecord';
import { t } from '../../i18n/intl';
import { HealthProfilePanel } from '../health/HealthProfilePanel';

// The health team's medication record loads only for them.
const MedicationOrders = lazy(() =>
  import('../health/MedicationOrders').then((m) => ({ default: m.MedicationOrders })),
);

interface StudentRecordProps {
  studentId: string;
  viewer: Staff;
  timeZone: string;
  onBack: () => void;
  onOpenFamily: (householdId: string) => void;
}

/** The family page, centred on one student: family, notes, follow-ups and disclosures. */
export function StudentRecord({
  studentId,
  viewer,
  timeZone,
  onBack,
  onOpenFamily,
}: StudentRecordProps) {
  const detail = useCall('student.get', { id: studentId });
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState<FamilyRecord[] | null>(null);
  const [disclosed, setDisclosed] = useState(0);
  const disclosures = useCall('disclosure.forStudent', { studentId }, disclosed);

  if (detail.error !== undefined)
    return (
      <p role="alert" className="error-text">
        {errorMessage(detail.error)}
      </p>
    );
  if (!detail.data)
    return <p className="muted">{t({ defaultMessage: 'Opening the record…', id: '0qq90G' })}</p>;
  const { student, caregivers, families } = detail.data;
  const name = fullName(student);
  if (printing) return <PrintableRecord records={printing} onClose={() => setPrinting(null)} />;

  return (
    <div className="record">
      <div className="record-header">
        <div>
          <button type="button" className="link-button" onClick={onBack}>
            {t({ defaultMessage: '← Back', id: '7aican' })}
          </button>
          <h1>{name}</h1>
          <p className="muted">
            {gradeLabel(student.grade)}
            {student.homeroom ? ` · ${student.homeroom}` : ''}
          </p>
        </div>
        <button type="button" className="button" onClick={() => setExporting(true)}>
          {t({ defaultMessage: 'Print or export…', id: 'znEeCi' })}
        </button>
      </div>
      <section className="card" aria-labelledby="family-title">
        <div className="card-header">
          <h2 id="family-title">{t({ defaultMessage: 'Family', id: 'rzCvRt' })}</h2>
          <span>
            {families.map((f) => (
              <button
                key={f.id}
                type="button"
                className="button small"
                onClick={() => onOpenFamily(f.id)}
              >
                {t({ defaultMessage: '{family} page', id: '2EVf9m' }, { family: f.name })}
              </button>
            ))}
          </span>
        </div>
        {caregivers.length === 0 && (
          <p className="empty">
            {t({ defaultMessage: 'No caregivers linked yet.', id: 'g4VXNb' })}
          </p>
        )}
        <ul className="caregiver-list">
          {caregivers.map((c) => {
            const language = languageName(c.person.homeLanguage);
            const interpreter = interpreterWords(c.person.interpreter);
            return (
              <li key={c.person.id}>
                <strong>{fullName(c.person)}</strong>{' '}
                <span className="muted">{c.relationship}</span> <PickupMark pickup={c.pickup} />
                <p className="small-text">
                  {[
                    language &&
                      t({ defaultMessage: 'Speaks {language}', id: 'wvc+CT' }, { language }),
                    interpreter,
                    c.person.channels.length > 0 &&
                      t(
                        { defaultMessage: 'Prefers {channels}', id: 't2wDrb' },
                        {
                          channels: c.person.channels.map((ch) => CHANNEL_WORDS[ch]).join(' → '),
                        },
                      ),
                    c.person.phones.join(', '),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
      <HealthProfilePanel studentId={studentId} studentName={name} viewer={viewer} />
      {viewer.teams.includes('health') && (
        <Suspense fallback={null}>
          <MedicationOrders
            studentId={studentId}
            studentName={name}
            viewerId={viewer.id}
            today={schoolToday(timeZone)}
          />
        </Suspense>
      )}
      <div className="record-columns">
        <NotesPanel studentId={studentId} viewer={viewer} />
        <FollowUpsPanel student={{ id: studentId, name }} viewer={viewer} timeZone={timeZone} />
      </div>
      <section className="card" aria-labelledby="disclosures-title">
        <h2 id="disclosures-title">
          {t({ defaultMessage: 'Record of disclosures', id: '7YVJHH' })}
        </h2>
        {disclosures.data?.length === 0 && (
          <p className="empty">
            {t({ defaultMessage: 'This record has not been printed or shared.', id: 'eRLjje' })}
          </p>
        )}

        <ul className="disclosure-list">
          {disclosures.data?.map((d) => (
            <li key={d.id}>
              <strong>{d.recipient}</strong> — {d.purpose}
              <p className="muted small-text">
                {exactDate(d.disclosedAt)} · {d.disclosedByName} · {d.description}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {exporting && (
        <ExportDialog
          target={{ studentId, name }}
          onPrint={setPrinting}
          onDone={() => {
            setExporting(false);
            setDisclosed((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
