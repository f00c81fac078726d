import type {
  ContactView,
  FollowUpView,
  HomeVisitView,
  Staff,
  StrengthView,
  TimelineEntry,
  VisitView,
} from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import {
  CONTACT_KIND_WORDS,
  DIRECTION_WORDS,
  fullName,
  languageName,
  PICKUP_WORDS,
  PLACE_WORDS,
  purposeLabel,
  schoolDateTime,
  STRENGTH_CATEGORY_WORDS,
  TONE_WORDS,
  VOICE_KIND_WORDS,
} from '../../ui/format';
import { restrictedLabel } from '../../ui/visibility';
import { NoteEntry } from './NoteEntry';
import { headline } from './Timeline';

interface EntryDialogProps {
  householdId: string;
  entry: TimelineEntry;
  viewer: Staff;
  timeZone: string;
  /** Log a correction of this contact (contacts are never edited). */
  onCorrect: (contact: ContactView) => void;
  onClose: () => void;
}

function Facts({ rows }: { rows: [string, string | null | false | undefined][] }) {
  const shown = rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
  return (
    <dl className="facts">
      {shown.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ContactFacts({ contact, timeZone }: { contact: ContactView; timeZone: string }) {
  return (
    <>
      <Facts
        rows={[
          ['When', schoolDateTime(contact.occurredAt, timeZone)],
          ['How', CONTACT_KIND_WORDS[contact.kind]],
          ['Direction', DIRECTION_WORDS[contact.direction]],
          ['Tone', TONE_WORDS[contact.tone]],
          ['By', contact.staffName],
          ['Recorded by', contact.recordedByName],
          ['With', contact.personName],
          ['About', contact.studentNames.join(', ')],
          ['Language', languageName(contact.language)],
          ['Interpreter', contact.interpreterUsed && 'An interpreter was used'],
        ]}
      />
      <p className="full-text">{contact.summary}</p>
    </>
  );
}

function WalkIn({ visit, timeZone }: { visit: VisitView; timeZone: string }) {
  return (
    <section aria-label="The walk-in">
      <h3>The walk-in</h3>
      <Facts
        rows={[
          ['Came for', purposeLabel(visit.purpose)],
          ['To see', visit.seeing],
          ['Signed in', schoolDateTime(visit.signedInAt, timeZone)],
          ['Signed out', visit.signedOutAt && schoolDateTime(visit.signedOutAt, timeZone)],
          ['Greeted by', visit.greetedByName],
          ['Students', visit.students.map((s) => fullName(s)).join(', ')],
          [
            'Pickup warnings',
            visit.pickupWarnings
              .map((w) => `${w.studentName}: ${PICKUP_WORDS[w.status]}`)
              .join('; '),
          ],
        ]}
      />
    </section>
  );
}

function VisitRecord(props: {
  visit: HomeVisitView;
  strengths: StrengthView[];
  followUps: FollowUpView[];
  timeZone: string;
}) {
  const { visit, strengths, followUps, timeZone } = props;
  return (
    <section aria-label="The home visit">
      <h3>The home visit</h3>
      <Facts
        rows={[
          ['When', schoolDateTime(visit.scheduledAt, timeZone)],
          [
            'Where',
            `${PLACE_WORDS[visit.place]}${visit.placeDetail ? `, ${visit.placeDetail}` : ''}`,
          ],
          ['Why', visit.purpose],
          ['Staff', visit.staffNames.join(', ')],
          ['Who was there', visit.present],
        ]}
      />
      {visit.hopes && (
        <>
          <h4>Hopes and dreams</h4>
          <p className="full-text">{visit.hopes}</p>
        </>
      )}
      {visit.concerns && (
        <>
          <h4>Concerns</h4>
          <p className="full-text">{visit.concerns}</p>
        </>
      )}
      {visit.outcomeNote && <p className="full-text">{visit.outcomeNote}</p>}
      <h4>Strengths learned</h4>
      {strengths.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul>
          {strengths.map((s) => (
            <li key={s.id}>
              {STRENGTH_CATEGORY_WORDS[s.category]}: {s.description}
            </li>
          ))}
        </ul>
      )}
      <FollowUps followUps={followUps} />
    </section>
  );
}

function FollowUps({ followUps }: { followUps: FollowUpView[] }) {
  if (followUps.length === 0) return null;
  return (
    <>
      <h4>Follow-ups it asked for</h4>
      <ul>
        {followUps.map((f) =>
          f.access === 'open' ? (
            <li key={f.id}>
              {f.title} · {f.assigneeName} · due {f.dueOn} · {f.status}
            </li>
          ) : (
            <li key={f.id}>{restrictedLabel(f.visibility, 'follow-up')}</li>
          ),
        )}
      </ul>
    </>
  );
}

/** One timeline entry read back in full, as the viewer may see it. */
export function EntryDialog(props: EntryDialogProps) {
  const { householdId, entry, viewer, timeZone, onCorrect, onClose } = props;
  const opened = useCall(
    'timeline.open',
    entry.source === 'note' ? null : { householdId, source: entry.source, id: entry.id },
  );
  const record = opened.data;
  return (
    <Dialog size="wide" title={headline(entry, viewer)} onCancel={onClose}>
      <div className="stack entry">
        {opened.error !== undefined && (
          <p role="alert" className="error-text">
            {errorMessage(opened.error)}
          </p>
        )}
        {entry.source === 'note' && <NoteEntry entry={entry} viewer={viewer} timeZone={timeZone} />}
        {record?.source === 'contact' && (
          <>
            {record.corrects && (
              <div className="notice">
                This corrects the entry of {schoolDateTime(record.corrects.occurredAt, timeZone)}: “
                {record.corrects.summary}”
              </div>
            )}
            <ContactFacts contact={record.contact} timeZone={timeZone} />
            {record.walkIn && <WalkIn visit={record.walkIn} timeZone={timeZone} />}
            {record.homeVisit && (
              <VisitRecord
                visit={record.homeVisit}
                strengths={record.strengths}
                followUps={record.followUps}
                timeZone={timeZone}
              />
            )}
            {!record.homeVisit && <FollowUps followUps={record.followUps} />}
            {record.corrections.length > 0 && (
              <section aria-label="Corrections">
                <h3>Corrected since</h3>
                {record.corrections.map((c) => (
                  <div key={c.id} className="correction">
                    <ContactFacts contact={c} timeZone={timeZone} />
                  </div>
                ))}
              </section>
            )}
          </>
        )}
        {record?.source === 'home_visit' && (
          <VisitRecord
            visit={record.homeVisit}
            strengths={record.strengths}
            followUps={record.followUps}
            timeZone={timeZone}
          />
        )}
        {record?.source === 'strength' && (
          <Facts
            rows={[
              ['Strength', STRENGTH_CATEGORY_WORDS[record.strength.category]],
              ['Whose', record.strength.personName ?? 'The whole family'],
              ['Recorded', schoolDateTime(record.strength.recordedAt, timeZone)],
              ['By', record.strength.recordedByName],
              [
                'Shared with',
                record.strength.consent === 'staff'
                  ? 'All staff of the school'
                  : 'Only the person who recorded it',
              ],
              ['What', record.strength.description],
            ]}
          />
        )}
        {record?.source === 'voice' && (
          <Facts
            rows={[
              ['Raised', schoolDateTime(record.voice.raisedAt, timeZone)],
              ['By', record.voice.personName],
              ['Kind', VOICE_KIND_WORDS[record.voice.kind]],
              ['What they raised', record.voice.summary],
              ['Recorded by', record.voice.recordedByName],
              [
                'Heard',
                record.voice.heardAt &&
                  `${schoolDateTime(record.voice.heardAt, timeZone)} by ${record.voice.heardByName ?? ''}`,
              ],
              [
                'What we did',
                record.voice.actedAt &&
                  `${record.voice.actedNote ?? ''} (${schoolDateTime(record.voice.actedAt, timeZone)}, ${record.voice.actedByName ?? ''})`,
              ],
              [
                'Family told',
                record.voice.toldAt &&
                  `${record.voice.toldNote ?? ''} (${schoolDateTime(record.voice.toldAt, timeZone)}, ${record.voice.toldByName ?? ''})`,
              ],
            ]}
          />
        )}
        <div className="dialog-actions">
          {record?.source === 'contact' && (
            <button type="button" className="button" onClick={() => onCorrect(record.contact)}>
              Correct this entry
            </button>
          )}
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
