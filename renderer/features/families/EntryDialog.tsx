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
  dayWords,
  FOLLOW_UP_STATUS_WORDS,
  CONTACT_KIND_WORDS,
  DIRECTION_WORDS,
  fullName,
  languageName,
  GUARDIAN_CALL_WORDS,
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
import { t } from '../../i18n/intl';

interface EntryDialogProps {
  householdId: string;
  entry: TimelineEntry;
  viewer: Staff;
  timeZone: string;
  /** Log a correction of this contact (contacts are never edited). */
  onCorrect: (contact: ContactView) => void;
  /** Print a good-news contact as a note for the family to keep. */
  onGoodNewsNote: (contact: ContactView) => void;
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
          [
            t({ defaultMessage: 'When', id: 'McnLsx' }),
            schoolDateTime(contact.occurredAt, timeZone),
          ],
          [t({ defaultMessage: 'How', id: 'hmZz9H' }), CONTACT_KIND_WORDS[contact.kind]],
          [t({ defaultMessage: 'Direction', id: 'DZ2Koj' }), DIRECTION_WORDS[contact.direction]],
          [t({ defaultMessage: 'Tone', id: 'ai/75G' }), TONE_WORDS[contact.tone]],
          [t({ defaultMessage: 'By', id: 'SgToND' }), contact.staffName],
          [t({ defaultMessage: 'Recorded by', id: 'oynEFC' }), contact.recordedByName],
          [t({ defaultMessage: 'With', id: 'E8dH1q' }), contact.personName],
          [t({ defaultMessage: 'About', id: 'g5pX+a' }), contact.studentNames.join(', ')],
          [t({ defaultMessage: 'Language', id: 'y1Z3or' }), languageName(contact.language)],
          [
            t({ defaultMessage: 'Interpreter', id: '95+HgF' }),
            contact.interpreterUsed &&
              t({ defaultMessage: 'An interpreter was used', id: 'xryog/' }),
          ],
        ]}
      />
      <p className="full-text" dir="auto">
        {contact.summary}
      </p>
    </>
  );
}

function WalkIn({ visit, timeZone }: { visit: VisitView; timeZone: string }) {
  return (
    <section aria-label={t({ defaultMessage: 'The walk-in', id: 'ZKn6t9' })}>
      <h3>{t({ defaultMessage: 'The walk-in', id: 'ZKn6t9' })}</h3>
      <Facts
        rows={[
          [t({ defaultMessage: 'Came for', id: 'a79Wf4' }), purposeLabel(visit.purpose)],
          [t({ defaultMessage: 'To see', id: 'ozr0R3' }), visit.seeing],
          [
            t({ defaultMessage: 'Signed in', id: '77MbQy' }),
            schoolDateTime(visit.signedInAt, timeZone),
          ],
          [
            t({ defaultMessage: 'Signed out', id: 'lbpe3v' }),
            visit.signedOutAt && schoolDateTime(visit.signedOutAt, timeZone),
          ],
          [t({ defaultMessage: 'Greeted by', id: 'ABZA3h' }), visit.greetedByName],
          [
            t({ defaultMessage: 'Students', id: 'uhwf+D' }),
            visit.students.map((s) => fullName(s)).join(', '),
          ],
          [
            t({ defaultMessage: 'Pickup warnings', id: 'WgnzKO' }),
            visit.pickupWarnings
              .map((w) => `${w.studentName}: ${PICKUP_WORDS[w.status]}`)
              .join('; '),
          ],
          [
            t({ defaultMessage: 'Guardian who said yes', id: '44Ukk+' }),
            visit.guardianConfirmation &&
              t(
                { defaultMessage: '{name}, by {how}', id: '6Dk8Gx' },
                {
                  name: visit.guardianConfirmation.name,
                  how: GUARDIAN_CALL_WORDS[visit.guardianConfirmation.how],
                },
              ),
          ],
          [
            t({ defaultMessage: 'Warned again at sign-out', id: '13Ugyu' }),
            visit.signOutWarnings
              ?.map((w) => `${w.studentName}: ${PICKUP_WORDS[w.status]}`)
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
    <section aria-label={t({ defaultMessage: 'The home visit', id: '1QsfSA' })}>
      <h3>{t({ defaultMessage: 'The home visit', id: '1QsfSA' })}</h3>
      <Facts
        rows={[
          [
            t({ defaultMessage: 'When', id: 'McnLsx' }),
            schoolDateTime(visit.scheduledAt, timeZone),
          ],
          [
            t({ defaultMessage: 'Where', id: 'ujaB7H' }),
            `${PLACE_WORDS[visit.place]}${visit.placeDetail ? `, ${visit.placeDetail}` : ''}`,
          ],
          [t({ defaultMessage: 'Why', id: 'iEhh6m' }), visit.purpose],
          [t({ defaultMessage: 'Staff', id: 'gFJ4sU' }), visit.staffNames.join(', ')],
          [t({ defaultMessage: 'Who was there', id: 'mH4G94' }), visit.present],
        ]}
      />
      {visit.hopes && (
        <>
          <h4>{t({ defaultMessage: 'Hopes and dreams', id: 'HzMgho' })}</h4>
          <p className="full-text" dir="auto">
            {visit.hopes}
          </p>
        </>
      )}
      {visit.concerns && (
        <>
          <h4>{t({ defaultMessage: 'Concerns', id: 'xg6/fp' })}</h4>
          <p className="full-text" dir="auto">
            {visit.concerns}
          </p>
        </>
      )}
      {visit.outcomeNote && (
        <p className="full-text" dir="auto">
          {visit.outcomeNote}
        </p>
      )}
      <h4>{t({ defaultMessage: 'Strengths learned', id: '2G5VcM' })}</h4>
      {strengths.length === 0 ? (
        <p className="muted">{t({ defaultMessage: 'None recorded.', id: 'VZDtUx' })}</p>
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
      <h4>{t({ defaultMessage: 'Follow-ups it asked for', id: 'WbPI+o' })}</h4>
      <ul>
        {followUps.map((f) =>
          f.access === 'open' ? (
            <li key={f.id}>
              {t(
                { defaultMessage: '{title} · {assignee} · due {day} · {status}', id: '5A6t72' },
                {
                  title: f.title,
                  assignee: f.assigneeName,
                  day: dayWords(f.dueOn),
                  status: FOLLOW_UP_STATUS_WORDS[f.status],
                },
              )}
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
  const { householdId, entry, viewer, timeZone, onCorrect, onGoodNewsNote, onClose } = props;
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
                {t(
                  {
                    defaultMessage: 'This corrects the entry of {time}: “{summary}”',
                    id: 'y+L3nT',
                  },
                  {
                    time: schoolDateTime(record.corrects.occurredAt, timeZone),
                    summary: record.corrects.summary,
                  },
                )}
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
              <section aria-label={t({ defaultMessage: 'Corrections', id: 'vthFhQ' })}>
                <h3>{t({ defaultMessage: 'Corrected since', id: 'DeNzm6' })}</h3>
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
              [
                t({ defaultMessage: 'Strength', id: 'C2lUBe' }),
                STRENGTH_CATEGORY_WORDS[record.strength.category],
              ],
              [
                t({ defaultMessage: 'Whose', id: 'b8TaZQ' }),
                record.strength.personName ??
                  t({ defaultMessage: 'The whole family', id: 'vIGCd+' }),
              ],
              [
                t({ defaultMessage: 'Recorded', id: 'pGCLGL' }),
                schoolDateTime(record.strength.recordedAt, timeZone),
              ],
              [t({ defaultMessage: 'By', id: 'SgToND' }), record.strength.recordedByName],
              [
                t({ defaultMessage: 'Shared with', id: '/wa1Sd' }),
                record.strength.consent === 'staff'
                  ? t({ defaultMessage: 'All staff of the school', id: 'ihxbFY' })
                  : t({ defaultMessage: 'Only the person who recorded it', id: 'MA25lP' }),
              ],
              [t({ defaultMessage: 'What', id: 'y9RWqI' }), record.strength.description],
            ]}
          />
        )}
        {record?.source === 'voice' && (
          <Facts
            rows={[
              [
                t({ defaultMessage: 'Raised', id: 'VKEyNC' }),
                schoolDateTime(record.voice.raisedAt, timeZone),
              ],
              [t({ defaultMessage: 'By', id: 'SgToND' }), record.voice.personName],
              [t({ defaultMessage: 'Kind', id: 'e5x8FT' }), VOICE_KIND_WORDS[record.voice.kind]],
              [t({ defaultMessage: 'What they raised', id: 'bDK/b/' }), record.voice.summary],
              [t({ defaultMessage: 'Recorded by', id: 'oynEFC' }), record.voice.recordedByName],
              [
                t({ defaultMessage: 'Heard', id: 'UEUUka' }),
                record.voice.heardAt &&
                  t(
                    { defaultMessage: '{time} by {name}', id: '78aUWD' },
                    {
                      time: schoolDateTime(record.voice.heardAt, timeZone),
                      name: record.voice.heardByName ?? '',
                    },
                  ),
              ],
              [
                t({ defaultMessage: 'What we did', id: 'S80Kk4' }),
                record.voice.actedAt &&
                  `${record.voice.actedNote ?? ''} (${schoolDateTime(record.voice.actedAt, timeZone)}, ${record.voice.actedByName ?? ''})`,
              ],
              [
                t({ defaultMessage: 'Family told', id: '5GJu0M' }),
                record.voice.toldAt &&
                  `${record.voice.toldNote ?? ''} (${schoolDateTime(record.voice.toldAt, timeZone)}, ${record.voice.toldByName ?? ''})`,
              ],
            ]}
          />
        )}
        <div className="dialog-actions">
          {record?.source === 'contact' && record.contact.tone === 'good_news' && (
            <button type="button" className="button" onClick={() => onGoodNewsNote(record.contact)}>
              {t({ defaultMessage: 'Print a good-news note for the family', id: 'whNsqc' })}
            </button>
          )}
          {record?.source === 'contact' && (
            <button type="button" className="button" onClick={() => onCorrect(record.contact)}>
              {t({ defaultMessage: 'Correct this entry', id: '5/sJgz' })}
            </button>
          )}
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            {t({ defaultMessage: 'Close', id: 'rbrahO' })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
