import { useRef, useState, type KeyboardEvent } from 'react';
import {
  HearthError,
  type LinkedStudent,
  type PersonSummary,
  type PickupWarning,
  type VisitPurpose,
  type VisitView,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import {
  CHANNEL_WORDS,
  COMMON_LANGUAGES,
  fullName,
  gradeLabel,
  INTERPRETER_WORDS,
  languageName,
  PURPOSES,
} from '../../ui/format';
import { GoalHint } from '../insights/GoalHint';
import { KnownVisitorHint } from './KnownVisitorHint';
import { PickupWarningDialog } from './PickupWarningDialog';
import { PickupMark } from '../../ui/PickupMark';

export type Visitor =
  | { type: 'known'; person: PersonSummary; students: LinkedStudent[]; preselected: string[] }
  | { type: 'new'; name: string };

interface SignInFormProps {
  visitor: Visitor;
  seeingSuggestions: string[];
  onSignedIn: (visit: VisitView) => void;
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
  onSignedIn,
  onBack,
  onUseExisting,
}: SignInFormProps) {
  const known = visitor.type === 'known' ? visitor : null;
  const [purpose, setPurposeState] = useState<VisitPurpose | null>(null);
  const [studentIds, setStudentIds] = useState<string[]>(known?.preselected ?? []);
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
  const purposeRefs = useRef<(HTMLInputElement | null)[]>([]);
  const setPurpose = (value: VisitPurpose) => {
    setPurposeState(value);
    setError(null);
  };

  const languages =
    language && !COMMON_LANGUAGES.includes(language)
      ? [language, ...COMMON_LANGUAGES]
      : COMMON_LANGUAGES;
  const displayName = known ? fullName(known.person) : newName.trim() || 'this visitor';

  const submit = async (acknowledge: boolean) => {
    if (!purpose) {
      setError('Choose why they came in (press 1 to 8).');
      purposeRefs.current[0]?.focus();
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
      });
      setWarnings(null);
      onSignedIn(visit);
    } catch (e) {
      if (e instanceof HearthError && e.code === 'PICKUP_ACK_REQUIRED')
        setWarnings(e.details as PickupWarning[]);
      else if (e instanceof HearthError && e.issues?.length) {
        setError(
          e.issues
            .map(
              (i) =>
                `${i.path.includes('phone') ? 'Phone' : i.path.includes('fullName') ? 'Name' : 'A detail'} ${i.message}`,
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
      !(event.target instanceof HTMLSelectElement)
    ) {
      event.preventDefault();
      void submit(false);
    }
  };

  const toggleStudent = (id: string) =>
    setStudentIds((ids) => (ids.includes(id) ? ids.filter((s) => s !== id) : [...ids, id]));

  const interpreterNeed = known ? INTERPRETER_WORDS[known.person.interpreter] : null;
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
          <h2 id="sign-in-title">Signing in {displayName}</h2>
          {known && (
            <p className="preferences">
              {languageName(known.person.homeLanguage) && (
                <span className="tag tag-language">
                  Speaks {languageName(known.person.homeLanguage)}
                </span>
              )}
              {interpreterNeed && <span className="tag tag-interpreter">{interpreterNeed}</span>}
              {known.person.channels.length > 0 && (
                <span className="muted">
                  Prefers {known.person.channels.map((c) => CHANNEL_WORDS[c]).join(', then ')}
                </span>
              )}
            </p>
          )}
          {known && <GoalHint householdId={known.person.householdId} />}
          {!known && (
            <div className="new-visitor-fields">
              <label className="field">
                <span>Name</span>
                <input
                  value={newName}
                  onChange={(event) => setNewName(event.target.value)}
                  autoComplete="off"
                />
              </label>
              <label className="field">
                <span>Phone (optional)</span>
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
            Why are they here? <span className="muted">(press 1–8)</span>
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

        {known && known.students.length > 0 && (
          <fieldset className="students">
            <legend>Students {purpose === 'pickup' ? 'to pick up' : 'this visit is about'}</legend>
            {known.students.map((s) => (
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
          </fieldset>
        )}

        <div className="row">
          <label className="field grow">
            <span>Here to see</span>
            <input
              list="seeing-suggestions"
              value={seeing}
              onChange={(event) => setSeeing(event.target.value)}
              placeholder="e.g. Ms. Alvarez, Room 12"
              autoComplete="off"
            />
            <datalist id="seeing-suggestions">
              {seeingSuggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span>Language</span>
            <select value={language} onChange={(event) => setLanguage(event.target.value)}>
              <option value="">Not recorded</option>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          </label>
          <label className="check interpreter">
            <input
              type="checkbox"
              checked={interpreterUsed}
              onChange={(event) => setInterpreterUsed(event.target.checked)}
            />
            Interpreter used
          </label>
        </div>

        {/* The buttons stay in view however long the form, with any refusal right beside
            them, where the eye already is. */}
        <div className="actions sticky-actions">
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <button type="submit" className="button primary" disabled={busy}>
            Sign in <kbd>Enter</kbd>
          </button>
          <button type="button" className="button" onClick={onBack}>
            Back <kbd>Esc</kbd>
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
        />
      )}
    </>
  );
}
