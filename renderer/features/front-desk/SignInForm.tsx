import { useRef, useState, type KeyboardEvent } from 'react';
import {
  HearthError,
  type LinkedStudent,
  type PersonSummary,
  type GuardianConfirmation,
  type PickupWarning,
  type StudentSummary,
  type VisitPurpose,
  type VisitView,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { issueText } from '../../i18n/issues';
import { t } from '../../i18n/intl';
import {
  CHANNEL_WORDS,
  fullName,
  gradeLabel,
  interpreterWords,
  languageName,
  PURPOSES,
} from '../../ui/format';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { GoalHint } from '../insights/GoalHint';
import { CautionListNotice, useCautionMatches } from './CautionListNotice';
import { KnownVisitorHint } from './KnownVisitorHint';
import { PickupWarningDialog } from './PickupWarningDialog';
import { PickupMark } from '../../ui/PickupMark';
import { CautionIcon } from '../../ui/icons';
import { StudentFinder } from '../families/StudentFinder';

export type Visitor =
  | { type: 'known'; person: PersonSummary; students: LinkedStudent[]; preselected: string[] }
  /** Someone not in Hearth yet; `students` when they came about a student found first. */
  | { type: 'new'; name: string; students: StudentSummary[] };

interface SignInFormProps {
  visitor: Visitor;
  seeingSuggestions: string[];
  /** This computer's choice: a badge prints at sign-in unless the desk unticks it. */
  printBadgeByDefault: boolean;
  onSignedIn: (visit: VisitView, printBadge: boolean) => void;
  onBack: () => void;
  /** A "new" visitor turned out to be someone already in Hearth. */
  onUseExisting: (personId: string) => void;
}

const TEXT_TARGETS = new Set(['text', 'search', 'tel', 'email']);

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLInputElement
    ? TEXT_TARGETS.has(target.type)
    : target instanceof HTMLSelectElement;
}

/**
 * Why they came and what the desk needs: digits 1–8 choose the purpose, Enter signs in,
 * Esc goes back. Language and interpreter come prefilled from the family's preferences.
 */
export function SignInForm({
  visitor,
  seeingSuggestions,
  printBadgeByDefault,
  onSignedIn,
  onBack,
  onUseExisting,
}: SignInFormProps) {
  const known = visitor.type === 'known' ? visitor : null;
  const [purpose, setPurposeState] = useState<VisitPurpose | null>(null);
  // Students found by search rather than on the visitor's own list (a pickup for anyone).
  const [otherStudents, setOtherStudents] = useState<StudentSummary[]>(
    visitor.type === 'new' ? visitor.students : [],
  );
  const [studentIds, setStudentIds] = useState<string[]>(
    known ? known.preselected : otherStudents.map((s) => s.id),
  );
  const [seeing, setSeeing] = useState('');
  const [language, setLanguage] = useState(known?.person.homeLanguage ?? '');
  const [interpreterUsed, setInterpreterUsed] = useState(
    known ? known.person.interpreter === 'spoken' || known.person.interpreter === 'both' : false,
  );
  const [newName, setNewName] = useState(visitor.type === 'new' ? visitor.name : '');
  const [newPhone, setNewPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<PickupWarning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [printBadge, setPrintBadge] = useState(printBadgeByDefault);
  const cautionMatches = useCautionMatches(
    known ? fullName(known.person) : newName,
    known ? known.person.phones : [newPhone],
  );
  const [cautionSeen, setCautionSeen] = useState<string | null>(null);
  const [cautionProblem, setCautionProblem] = useState<string | null>(null);
  const cautionCheck = useRef<HTMLInputElement>(null);
  // What was ticked holds for the entries shown then; a new match needs reading again.
  const cautionKey = cautionMatches.map((m) => m.id).join();
  const purposeRefs = useRef<(HTMLInputElement | null)[]>([]);
  const setPurpose = (value: VisitPurpose) => {
    setPurposeState(value);
    setError(null);
  };

  const displayName = known
    ? fullName(known.person)
    : newName.trim() || t({ defaultMessage: 'this visitor', id: '/JjC1w' });

  const submit = async (
    acknowledge: boolean,
    guardianConfirmation: GuardianConfirmation | null = null,
  ) => {
    if (!purpose) {
      setError(t({ defaultMessage: 'Choose why they came in (press 1 to 8).', id: 'DJpEgE' }));
      purposeRefs.current[0]?.focus();
      return;
    }
    // Every pickup is checked against each student's list, so it must name them.
    if (purpose === 'pickup' && studentIds.length === 0) {
      setError(
        t({
          defaultMessage: 'Name the students being picked up: tick them, or find them.',
          id: 'db/ZKM',
        }),
      );
      return;
    }
    if (cautionMatches.length > 0 && cautionSeen !== cautionKey) {
      setCautionProblem(
        t({ defaultMessage: 'Read the caution and tick the box before signing in.', id: 'vrvAnw' }),
      );
      cautionCheck.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const visit = await call('visit.signIn', {
        visitor: known
          ? { personId: known.person.id }
          : {
              newVisitor: newPhone.trim()
                ? { fullName: newName, phone: newPhone }
                : { fullName: newName },
            },
        studentIds,
        purpose,
        seeing: seeing.trim() || null,
        language: language || null,
        interpreterUsed,
        acknowledgePickupWarnings: acknowledge,
        guardianConfirmation,
        seenCautionIds: cautionSeen === cautionKey ? cautionMatches.map((m) => m.id) : [],
      });
      setWarnings(null);
      onSignedIn(visit, printBadge);
    } catch (e) {
      if (e instanceof HearthError && e.code === 'PICKUP_ACK_REQUIRED')
        setWarnings(e.details as PickupWarning[]);
      else if (e instanceof HearthError && e.issues?.length) {
        setError(
          e.issues
            .map((i) =>
              t(
                {
                  defaultMessage:
                    '{field, select, phone {Phone} name {Name} other {A detail}} {problem}',
                  id: 'aanDub',
                },
                {
                  field: i.path.includes('phone')
                    ? 'phone'
                    : i.path.includes('fullName')
                      ? 'name'
                      : 'other',
                  problem: issueText(i.message),
                },
              ),
            )
            .join('. '),
        );
      } else setError(errorMessage(e));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    } else if (
      /^[1-8]$/.test(event.key) &&
      !isTyping(event.target) &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      event.preventDefault();
      const index = Number(event.key) - 1;
      setPurpose((PURPOSES[index] as (typeof PURPOSES)[number]).value);
      purposeRefs.current[index]?.focus();
    } else if (
      event.key === 'Enter' &&
      !(event.target instanceof HTMLButtonElement) &&
      !(event.target instanceof HTMLSelectElement) &&
      // Enter in the student search looks for a student; it does not sign anyone in.
      !(event.target instanceof HTMLInputElement && event.target.type === 'search')
    ) {
      event.preventDefault();
      void submit(false);
    }
  };

  const toggleStudent = (id: string) =>
    setStudentIds((ids) => (ids.includes(id) ? ids.filter((s) => s !== id) : [...ids, id]));

  const addStudent = (student: StudentSummary) => {
    if (!known?.students.some((s) => s.student.id === student.id))
      setOtherStudents((list) =>
        list.some((s) => s.id === student.id) ? list : [...list, student],
      );
    setStudentIds((ids) => (ids.includes(student.id) ? ids : [...ids, student.id]));
  };
  // Whatever they came for, the desk sees whom this person may not take.
  const cautions =
    useCall('visit.cautions', known ? { personId: known.person.id } : null).data ?? [];

  const interpreterNeed = known ? interpreterWords(known.person.interpreter) : null;
  return (
    <>
      <form
        className="sign-in-form"
        aria-labelledby="sign-in-title"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(false);
        }}
      >
        <div className="visitor-card">
          <h2 id="sign-in-title">
            {t({ defaultMessage: 'Signing in {name}', id: '1TgUhH' }, { name: displayName })}
          </h2>
          {known && (
            <p className="preferences">
              {languageName(known.person.homeLanguage) && (
                <span className="tag tag-language">
                  {t(
                    { defaultMessage: 'Speaks {language}', id: 'wvc+CT' },
                    { language: languageName(known.person.homeLanguage) ?? '' },
                  )}
                </span>
              )}
              {interpreterNeed && <span className="tag tag-interpreter">{interpreterNeed}</span>}
              {known.person.channels.length > 0 && (
                <span className="muted">
                  {t(
                    { defaultMessage: 'Prefers {channels}', id: 't2wDrb' },
                    {
                      channels: known.person.channels.map((c) => CHANNEL_WORDS[c]).join(' → '),
                    },
                  )}
                </span>
              )}
            </p>
          )}
          {cautions.length > 0 && (
            <p className="caution-note" role="note">
              <CautionIcon />{' '}
              {t(
                {
                  defaultMessage:
                    'Caution: check with the office before releasing {students} to {name}.',
                  id: 'KLR2Vc',
                },
                {
                  students: cautions.map((c) => c.studentName).join(', '),
                  name: displayName,
                },
              )}
            </p>
          )}
          <CautionListNotice
            matches={cautionMatches}
            seen={cautionSeen === cautionKey}
            onSeenChange={(seen) => {
              setCautionSeen(seen ? cautionKey : null);
              setCautionProblem(null);
            }}
            problem={cautionProblem}
            checkRef={cautionCheck}
          />
          {known && <GoalHint householdId={known.person.householdId} />}
          {!known && (
            <div className="new-visitor-fields">
              <label className="field">
                <span>{t({ defaultMessage: 'Name', id: 'HAlOn1' })}</span>
                <input
                  value={newName}
                  onChange={(event) => setNewName(event.target.value)}
                  autoComplete="off"
                />
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'Phone (optional)', id: 'qcNo8k' })}</span>
                <input
                  type="tel"
                  value={newPhone}
                  onChange={(event) => setNewPhone(event.target.value)}
                  autoComplete="off"
                />
              </label>
            </div>
          )}
          {!known && (
            <KnownVisitorHint name={newName} phone={newPhone} onUseExisting={onUseExisting} />
          )}
        </div>

        <fieldset className="purposes">
          <legend>
            {t({ defaultMessage: 'Why are they here?', id: 'YWsCwZ' })}{' '}
            <span className="muted">{t({ defaultMessage: '(press 1–8)', id: 'to1dkt' })}</span>
          </legend>
          <div className="purpose-grid">
            {PURPOSES.map((p, i) => (
              <label key={p.value} className={`purpose ${purpose === p.value ? 'selected' : ''}`}>
                <input
                  ref={(el) => {
                    purposeRefs.current[i] = el;
                  }}
                  type="radio"
                  name="purpose"
                  value={p.value}
                  checked={purpose === p.value}
                  autoFocus={i === 0}
                  onChange={() => setPurpose(p.value)}
                />
                <kbd aria-hidden="true">{i + 1}</kbd> {p.label}
              </label>
            ))}
          </div>
        </fieldset>

        {((known && known.students.length > 0) || purpose === 'pickup') && (
          <fieldset className="students">
            <legend>
              {purpose === 'pickup'
                ? t({ defaultMessage: 'Students to pick up', id: 'zYZzGR' })
                : t({ defaultMessage: 'Students this visit is about', id: 'Z8X7Zn' })}
            </legend>
            {(known?.students ?? []).map((s) => (
              <label key={s.student.id} className="check">
                <input
                  type="checkbox"
                  checked={studentIds.includes(s.student.id)}
                  onChange={() => toggleStudent(s.student.id)}
                />
                {fullName(s.student)}{' '}
                <span className="muted">
                  · {gradeLabel(s.student.grade)} · {s.relationship}
                </span>
                <PickupMark pickup={s.pickup} />
              </label>
            ))}
            {otherStudents.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={studentIds.includes(s.id)}
                  onChange={() => toggleStudent(s.id)}
                />
                {fullName(s)} <span className="muted">· {gradeLabel(s.grade)}</span>
              </label>
            ))}
            {purpose === 'pickup' && (
              <StudentFinder
                label={t({ defaultMessage: 'Find another student to pick up', id: 'sLD0uX' })}
                onOpen={(_id, student) => addStudent(student)}
              />
            )}
          </fieldset>
        )}

        <div className="row">
          <label className="field grow">
            <span>{t({ defaultMessage: 'Here to see', id: 'sMx5Wi' })}</span>
            <input
              list="seeing-suggestions"
              value={seeing}
              onChange={(event) => setSeeing(event.target.value)}
              placeholder={t({ defaultMessage: 'e.g. Ms. Alvarez, Room 12', id: 'd3Gw5q' })}
              autoComplete="off"
            />
            <datalist id="seeing-suggestions">
              {seeingSuggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </label>
          <LanguagePicker
            label={t({ defaultMessage: 'Language', id: 'y1Z3or' })}
            value={language}
            onChange={setLanguage}
            emptyLabel={t({ defaultMessage: 'Not recorded', id: 'ff61Po' })}
          />
          <label className="check interpreter">
            <input
              type="checkbox"
              checked={interpreterUsed}
              onChange={(event) => setInterpreterUsed(event.target.checked)}
            />
            {t({ defaultMessage: 'Interpreter used', id: '49dDgv' })}
          </label>
        </div>

        <label className="check">
          <input
            type="checkbox"
            checked={printBadge}
            onChange={(event) => setPrintBadge(event.target.checked)}
          />
          {t({ defaultMessage: 'Print a visitor badge', id: 'SeBd2Q' })}
        </label>

        {/* The buttons stay in view however long the form, with any refusal right beside
            them, where the eye already is. */}
        <div className="actions sticky-actions">
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <button type="submit" className="button primary" disabled={busy}>
            {t({
              defaultMessage: 'Sign in',
              id: 'LkuC2u',
              description: 'button that signs a visitor in',
            })}{' '}
            <kbd>{t({ defaultMessage: 'Enter', id: 'YkTrP3', description: 'the Enter key' })}</kbd>
          </button>
          <button type="button" className="button" onClick={onBack}>
            {t({ defaultMessage: 'Back', id: 'cyR7Kh' })}{' '}
            <kbd>{t({ defaultMessage: 'Esc', id: 'XTci6a', description: 'the Escape key' })}</kbd>
          </button>
        </div>
      </form>
      {warnings && (
        <PickupWarningDialog
          visitorName={displayName}
          warnings={warnings}
          onCancel={() => {
            setWarnings(null);
            setBusy(false);
          }}
          onAcknowledge={() => void submit(true)}
          onGuardianYes={(confirmation) => void submit(false, confirmation)}
        />
      )}
    </>
  );
}
