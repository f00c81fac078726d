import { useState } from 'react';
import type {
  ContactView,
  FamilyRecord,
  LinkedPerson,
  Person,
  Staff,
  StudentSummary,
  TimelineEntry,
} from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import {
  CONTACT_KIND_WORDS,
  exactDate,
  fullName,
  PLACE_WORDS,
  relative,
  schoolDateTime,
  schoolToday,
  STRENGTH_CATEGORY_WORDS,
  TONE_WORDS,
} from '../../ui/format';
import { PickupMark } from '../../ui/PickupMark';
import { PlanVisitDialog } from '../home-visits/PlanVisitDialog';
import { ContactPreferences } from './ContactPreferences';
import { EntryDialog } from './EntryDialog';
import { FamilyPeople } from './FamilyPeople';
import { FollowUpItem } from './FollowUpsPanel';
import { HouseholdDialog } from './HouseholdDialog';
import { LinkDialog } from './LinkDialog';
import { LogContactDialog } from './LogContactDialog';
import { GoalHint } from '../insights/GoalHint';
import { StrengthSteps } from './StrengthSteps';
import { ExportDialog } from './ExportDialog';
import { MergeDialog } from './MergeDialog';
import { PrintableRecord } from './PrintableRecord';
import { StudentMergeDialog } from './StudentMergeDialog';
import { PersonDialog } from './PersonDialog';
import { StrengthDialog } from './StrengthDialog';
import { EditStudentDialog, StudentDialog } from './StudentDialog';
import { Timeline } from './Timeline';
import { VoicePanel } from './VoicePanel';
import { CheckIcon, LockIcon, NotYetIcon, ToneIcon } from '../../ui/icons';
import { FamilyPaper } from '../../papers/FamilyPaper';
import { t } from '../../i18n/intl';

export type FamilyDialog =
  | {
      dialog:
        'contact' | 'visit' | 'strength' | 'add-person' | 'household' | 'add-student' | 'export';
    }
  | { dialog: 'edit-person' | 'merge'; person: Person }
  | { dialog: 'edit-student' | 'merge-student'; studentId: string }
  | { dialog: 'link'; student: StudentSummary; link: LinkedPerson }
  | { dialog: 'entry'; entry: TimelineEntry }
  | { dialog: 'correct'; contact: ContactView };

interface FamilyPageProps {
  householdId: string;
  viewer: Staff;
  /** The school's name, as its papers print it. */
  school: string;
  timeZone: string;
  onBack: () => void;
  onOpenFamily: (householdId: string) => void;
  onOpenStudent: (studentId: string) => void;
  onOpenVisit: (visitId: string) => void;
}

/**
 * A family's page: how they like to be contacted at the top, then the timeline beside their
 * people and students, strengths, follow-ups, planned visits and family voice.
 */
export function FamilyPage(props: FamilyPageProps) {
  const { householdId, viewer, timeZone } = props;
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<FamilyDialog | null>(null);
  const [printing, setPrinting] = useState<FamilyRecord[] | null>(null);
  const [goodNews, setGoodNews] = useState<ContactView | null>(null);
  const [pickupPaper, setPickupPaper] = useState<{
    student: StudentSummary;
    link: LinkedPerson;
  } | null>(null);
  const profile = useCall('family.get', { householdId }, version);
  const followUps = useCall('followUp.forFamily', { householdId }, version);
  const changed = () => setVersion((n) => n + 1);
  const close = (saved: boolean) => {
    setOpen(null);
    if (saved) changed();
  };

  if (profile.error !== undefined)
    return (
      <p role="alert" className="error-text">
        {errorMessage(profile.error)}
      </p>
    );
  if (!profile.data)
    return <p className="muted">{t({ defaultMessage: 'Opening the family…', id: '/QStXh' })}</p>;
  const family = profile.data;
  const { household, members, students, lastContact } = family;
  if (printing) return <PrintableRecord records={printing} onClose={() => setPrinting(null)} />;
  if (pickupPaper)
    return (
      <FamilyPaper
        kind="pickup_permission"
        familyLanguage={members.find((m) => m.homeLanguage)?.homeLanguage ?? null}
        values={{
          school: props.school,
          person: fullName(pickupPaper.link.person),
          student: fullName(pickupPaper.student),
          permission: pickupPaper.link.pickup,
        }}
        when={{ at: new Date().toISOString(), timeZone }}
        onClose={() => setPickupPaper(null)}
      />
    );
  if (goodNews)
    return (
      <FamilyPaper
        kind="good_news"
        familyLanguage={
          members.find((m) => m.id === goodNews.personId)?.homeLanguage ??
          goodNews.language ??
          members.find((m) => m.homeLanguage)?.homeLanguage ??
          null
        }
        values={{
          school: props.school,
          family: household.name,
          student: goodNews.studentNames.join(', ') || household.name,
          staff: goodNews.staffName,
        }}
        texts={{ news: goodNews.summary }}
        onClose={() => setGoodNews(null)}
      />
    );
  const alerts = students.flatMap(({ student, links }) =>
    links.filter((l) => l.pickup !== 'allowed').map((l) => ({ student, link: l })),
  );

  return (
    <div className="record family">
      <div className="record-header">
        <div>
          <button type="button" className="link-button" onClick={props.onBack}>
            {t({ defaultMessage: '← Back', id: '7aican' })}
          </button>
          <h1>{household.name}</h1>
          <p className="muted">
            {household.address ?? t({ defaultMessage: 'No address recorded', id: '4/dBZU' })} ·{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setOpen({ dialog: 'household' })}
            >
              {t({ defaultMessage: 'Edit name and address', id: 'DtmVr8' })}
            </button>
            {students.length > 0 && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setOpen({ dialog: 'export' })}
                >
                  {t({ defaultMessage: 'Print or export the family’s record…', id: 'qhfOYf' })}
                </button>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => setOpen({ dialog: 'contact' })}
          >
            {t({ defaultMessage: 'Log contact', id: 'ng14p+' })}
          </button>
          <button type="button" className="button" onClick={() => setOpen({ dialog: 'visit' })}>
            {t({ defaultMessage: 'Plan home visit', id: 'UiIHGT' })}
          </button>
          <button type="button" className="button" onClick={() => setOpen({ dialog: 'strength' })}>
            {t({ defaultMessage: 'Add strength', id: 'FivG9p' })}
          </button>
        </div>
      </div>

      <GoalHint householdId={householdId} refresh={version} />
      <section
        className="prefs-banner"
        aria-label={t({ defaultMessage: 'How this family prefers to be contacted', id: 'CxwnTX' })}
      >
        {members.length === 0 && (
          <p className="empty">
            {t({ defaultMessage: 'No one is recorded in this household yet.', id: 'mTFQr2' })}
          </p>
        )}
        {members.map((m) => (
          <ContactPreferences key={m.id} person={m} />
        ))}
        {alerts.map(({ student, link }) => (
          <p key={`${student.id}-${link.person.id}`} className="small-text">
            <PickupMark pickup={link.pickup} />{' '}
            {t(
              { defaultMessage: '{person} for {student}', id: '9YiAeN' },
              { person: fullName(link.person), student: fullName(student) },
            )}
            {link.officeNote ? ` — ${link.officeNote}` : ''}
          </p>
        ))}
      </section>

      <div className="status-strip">
        <span>
          {t({ defaultMessage: 'Last contact:', id: 'NYpebf' })}{' '}
          {lastContact ? (
            <>
              <span className={`tone tone-${lastContact.tone}`}>
                <ToneIcon tone={lastContact.tone} /> {TONE_WORDS[lastContact.tone]}
              </span>{' '}
              {CONTACT_KIND_WORDS[lastContact.kind]},{' '}
              <time dateTime={lastContact.at} title={exactDate(lastContact.at)}>
                {relative(lastContact.at)}
              </time>
            </>
          ) : (
            t({ defaultMessage: 'none yet', id: 'yPacDQ' })
          )}
        </span>
        <span className={family.positiveThisYear ? 'positive-yes' : 'positive-no'}>
          {family.positiveThisYear ? (
            <>
              <CheckIcon />{' '}
              {t({ defaultMessage: 'Positive contact this school year', id: 'mLzK5M' })}
            </>
          ) : (
            <>
              <NotYetIcon />{' '}
              {t({
                defaultMessage: 'No positive contact yet this school year — start with good news',
                id: 'LAlFpM',
              })}
            </>
          )}
        </span>
      </div>

      <div className="family-columns">
        <div className="stack">
          <Timeline
            householdId={householdId}
            viewer={viewer}
            refresh={version}
            onOpenStudent={props.onOpenStudent}
            onOpenEntry={(entry) => setOpen({ dialog: 'entry', entry })}
          />
          <VoicePanel
            householdId={householdId}
            school={props.school}
            members={members}
            items={family.voice}
            onChanged={changed}
          />
        </div>
        <div className="stack">
          <FamilyPeople
            family={family}
            onOpen={setOpen}
            onOpenStudent={props.onOpenStudent}
            onOpenFamily={props.onOpenFamily}
          />

          <section className="card" aria-labelledby="strengths-title">
            <h2 id="strengths-title">{t({ defaultMessage: 'Strengths', id: 'mVJ357' })}</h2>
            {family.strengths.length === 0 && (
              <p className="empty">
                {t({
                  defaultMessage:
                    'No strengths recorded yet. Every family has them: ask what they enjoy and know.',
                  id: 'w2Y4Lz',
                })}
              </p>
            )}
            <ul className="strength-list">
              {family.strengths.map((s) => (
                <li key={s.id}>
                  <span className="tag">{STRENGTH_CATEGORY_WORDS[s.category]}</span> {s.description}
                  <p className="small-text muted">
                    {[
                      s.personName,
                      t(
                        { defaultMessage: 'recorded by {name}', id: 'oPHoiB' },
                        { name: s.recordedByName },
                      ),
                      relative(s.recordedAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    {s.consent === 'recorder_only' && (
                      <>
                        {' '}
                        · <LockIcon size={14} />{' '}
                        {t({ defaultMessage: 'kept with you only', id: 'x9057n' })}
                      </>
                    )}
                  </p>
                  <StrengthSteps strength={s} onChanged={changed} />
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="visits-title">
            <h2 id="visits-title">{t({ defaultMessage: 'Planned home visits', id: 'u8YkhI' })}</h2>
            {family.visits.length === 0 && (
              <p className="empty">{t({ defaultMessage: 'No visit planned.', id: '0flUCF' })}</p>
            )}
            <ul className="member-list">
              {family.visits.map((v) => (
                <li key={v.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onOpenVisit(v.id)}
                  >
                    <strong>{schoolDateTime(v.scheduledAt, timeZone)}</strong>
                  </button>{' '}
                  <span className="muted">
                    {PLACE_WORDS[v.place]} · {v.staffNames.join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="family-follow-ups-title">
            <h2 id="family-follow-ups-title">
              {t({ defaultMessage: 'Follow-ups', id: 'k26pcw' })}
            </h2>
            {followUps.data?.length === 0 && (
              <p className="empty">
                {t({ defaultMessage: 'Nothing to follow up.', id: 'XEbIzh' })}
              </p>
            )}

            <ul className="note-list">
              {followUps.data?.map((f) => (
                <FollowUpItem
                  key={f.id}
                  followUp={f}
                  today={schoolToday(timeZone)}
                  onChanged={changed}
                />
              ))}
            </ul>
          </section>
        </div>
      </div>

      {open?.dialog === 'contact' && (
        <LogContactDialog family={family} viewer={viewer} timeZone={timeZone} onDone={close} />
      )}
      {open?.dialog === 'entry' && (
        <EntryDialog
          householdId={householdId}
          entry={open.entry}
          viewer={viewer}
          timeZone={timeZone}
          onCorrect={(contact) => setOpen({ dialog: 'correct', contact })}
          onGoodNewsNote={(contact) => {
            setOpen(null);
            setGoodNews(contact);
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.dialog === 'correct' && (
        <LogContactDialog
          family={family}
          viewer={viewer}
          timeZone={timeZone}
          correcting={open.contact}
          onDone={close}
        />
      )}
      {open?.dialog === 'visit' && (
        <PlanVisitDialog
          householdId={householdId}
          familyName={household.name}
          viewer={viewer}
          timeZone={timeZone}
          onDone={close}
        />
      )}
      {open?.dialog === 'strength' && (
        <StrengthDialog householdId={householdId} members={members} onDone={close} />
      )}
      {open?.dialog === 'add-person' && <PersonDialog householdId={householdId} onDone={close} />}
      {open?.dialog === 'edit-person' && (
        <PersonDialog householdId={householdId} person={open.person} onDone={close} />
      )}
      {open?.dialog === 'merge' && <MergeDialog person={open.person} onDone={close} />}
      {open?.dialog === 'export' && (
        <ExportDialog
          target={{ householdId, name: household.name }}
          onPrint={setPrinting}
          onDone={() => close(true)}
        />
      )}
      {open?.dialog === 'merge-student' && (
        <StudentMergeDialog studentId={open.studentId} onDone={close} />
      )}
      {open?.dialog === 'household' && <HouseholdDialog household={household} onDone={close} />}
      {open?.dialog === 'add-student' && <StudentDialog members={members} onDone={close} />}
      {open?.dialog === 'edit-student' && (
        <EditStudentDialog studentId={open.studentId} onDone={close} />
      )}
      {open?.dialog === 'link' && (
        <LinkDialog
          student={open.student}
          link={open.link}
          onDone={close}
          onConfirmation={() => {
            setOpen(null);
            setPickupPaper({ student: open.student, link: open.link });
          }}
        />
      )}
    </div>
  );
}
