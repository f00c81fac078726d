import { zodResolver } from '@hookform/resolvers/zod';
import { differenceInCalendarDays } from 'date-fns';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  API,
  VOICE_KINDS,
  voiceStepReached,
  type CallInput,
  type Person,
  type VoiceItemView,
  type VoiceStep,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { exactDate, fullName, VOICE_KIND_WORDS, VOICE_STEP_WORDS } from '../../ui/format';
import { defineMessages } from 'react-intl';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';
import { FamilyPaper } from '../../papers/FamilyPaper';

const NEXT: Record<string, VoiceStep | null> = {
  raised: 'heard',
  heard: 'acted',
  acted: 'told',
  told: null,
};
const NEXT_BUTTON = defineMessages<VoiceStep>({
  heard: { defaultMessage: 'Mark heard', id: 'wvJ9DG' },
  acted: { defaultMessage: 'Record what we did', id: 'o44aH8' },
  told: { defaultMessage: 'Record that we told the family', id: 'caatqY' },
});

/** "12 days open". */
const ageWords = (item: VoiceItemView) => {
  const days = differenceInCalendarDays(new Date(), new Date(item.raisedAt));
  return days === 0
    ? t({ defaultMessage: 'Raised today', id: 'gL5Y6x' })
    : t(
        { defaultMessage: '{days, plural, one {# day} other {# days}} open', id: 'p2SJOc' },
        { days },
      );
};

/**
 * One voice item: what was raised, each step taken (who and when), and the next step. In
 * the school-wide list it also names the family and how long the item has been open.
 */
export function VoiceItem({
  item,
  onChanged,
  onOpenFamily,
  paper,
}: {
  item: VoiceItemView;
  onChanged: () => void;
  onOpenFamily?: (householdId: string) => void;
  /** Where the family's page shows it: the notice "you said, we did" can be printed for them. */
  paper?: { school: string; familyLanguage: string | null };
}) {
  const [printing, setPrinting] = useState(false);
  const step = voiceStepReached(item);
  const next = NEXT[step] ?? null;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const advance = async () => {
    if (!next) return;
    setError(null);
    try {
      await call('voice.advance', { id: item.id, step: next, note: note.trim() || null });
      setNote('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className="voice-item">
      {onOpenFamily && (
        <p className="small-text">
          <button
            type="button"
            className="link-button"
            onClick={() => onOpenFamily(item.householdId)}
          >
            {item.familyName}
          </button>{' '}
          · <strong>{ageWords(item)}</strong>
        </p>
      )}
      <div>
        <strong dir="auto">
          {VOICE_KIND_WORDS[item.kind]}: {item.summary}
        </strong>{' '}
        <span className={`tag step-${step}`}>{VOICE_STEP_WORDS[step]}</span>
      </div>
      <ol className="voice-steps small-text muted">
        <li>
          {item.personName
            ? t(
                {
                  defaultMessage: 'Raised by {person} · {time} · recorded by {recorder}',
                  id: 'qurUoe',
                },
                {
                  person: item.personName,
                  time: exactDate(item.raisedAt),
                  recorder: item.recordedByName,
                },
              )
            : t(
                { defaultMessage: 'Raised · {time} · recorded by {recorder}', id: 'DyQlzn' },
                { time: exactDate(item.raisedAt), recorder: item.recordedByName },
              )}
        </li>
        {item.heardAt && (
          <li>
            {t(
              { defaultMessage: 'Heard by {name} · {time}', id: 'NrHGOg' },
              { name: item.heardByName ?? '', time: exactDate(item.heardAt) },
            )}
          </li>
        )}
        {item.actedAt && (
          <li>
            {t(
              { defaultMessage: 'Acted on by {name} · {time}', id: '27rt5L' },
              { name: item.actedByName ?? '', time: exactDate(item.actedAt) },
            )}
            {item.actedNote ? ` — ${item.actedNote}` : ''}
          </li>
        )}
        {item.toldAt && (
          <li>
            {t(
              { defaultMessage: 'Family told by {name} · {time}', id: 'qq+XrP' },
              { name: item.toldByName ?? '', time: exactDate(item.toldAt) },
            )}
            {item.toldNote ? ` — ${item.toldNote}` : ''}
          </li>
        )}
      </ol>
      {next && (
        <div className="row compact">
          {next !== 'heard' && (
            <label className="field grow">
              <span>
                {next === 'acted'
                  ? t({ defaultMessage: 'What we did', id: 'S80Kk4' })
                  : t({ defaultMessage: 'How we told them', id: 'vg7p8X' })}
              </span>
              <input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={2000}
                aria-invalid={!!error}
                aria-describedby={error ? errorId : undefined}
              />
            </label>
          )}
          <button type="button" className="button small" onClick={() => void advance()}>
            {t(NEXT_BUTTON[next])}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text" id={errorId}>
          {error}
        </p>
      )}
      {paper && item.actedAt && (
        <button type="button" className="link-button small-text" onClick={() => setPrinting(true)}>
          {t({ defaultMessage: 'Print “you said, we did” for the family', id: 'YZ797B' })}
        </button>
      )}
      {printing && paper && (
        <FamilyPaper
          kind="you_said_we_did"
          familyLanguage={paper.familyLanguage}
          values={{ school: paper.school }}
          texts={{ said: item.summary, did: item.actedNote ?? '' }}
          onClose={() => setPrinting(false)}
        />
      )}
    </li>
  );
}

/** The language of whoever raised an item, else the family's first one recorded. */
const languageOf = (item: VoiceItemView, members: Person[]): string | null =>
  members.find((m) => m.id === item.personId)?.homeLanguage ??
  members.find((m) => m.homeLanguage)?.homeLanguage ??
  null;

type NewVoice = CallInput<'voice.create'>;

/** Record what a family raised. */
function VoiceForm({
  householdId,
  members,
  onSaved,
}: {
  householdId: string;
  members: Person[];
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NewVoice>({
    resolver: zodResolver(API['voice.create'].input),
    defaultValues: {
      householdId,
      personId: members[0]?.id ?? null,
      kind: 'suggestion',
      summary: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('voice.create', values);
      form.reset({ ...values, summary: '' });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <form
      className="stack subform"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t({ defaultMessage: 'Family voice', id: 'G5x1km' })}
    >
      <div className="row">
        <label className="field">
          <span>{t({ defaultMessage: 'Raised by', id: 'IeFXYE' })}</span>
          <select {...form.register('personId', { setValueAs: (v: string) => v || null })}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {fullName(m)}
              </option>
            ))}
            <option value="">{t({ defaultMessage: 'The family', id: '9sgcJ8' })}</option>
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Kind', id: 'e5x8FT' })}</span>
          <select {...form.register('kind')}>
            {VOICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {VOICE_KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t({ defaultMessage: 'What they raised', id: 'bDK/b/' })}</span>
          <input dir="auto" {...form.register('summary')} aria-invalid={!!errors.summary} />
          <FieldError
            field={t({ defaultMessage: 'This', id: '0y/RDK' })}
            message={errors.summary?.message}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button small" disabled={isSubmitting}>
          {t({ defaultMessage: 'Record it', id: 'C3LXrM' })}
        </button>
      </div>
    </form>
  );
}

/** A family's suggestions, concerns and questions, and what became of each. */
export function VoicePanel({
  householdId,
  school,
  members,
  items,
  onChanged,
}: {
  householdId: string;
  school: string;
  members: Person[];
  items: VoiceItemView[];
  onChanged: () => void;
}) {
  return (
    <section className="card" aria-labelledby="voice-title">
      <h2 id="voice-title">{t({ defaultMessage: 'Family voice', id: 'G5x1km' })}</h2>
      {items.length === 0 && (
        <p className="empty">
          {t({
            defaultMessage: 'No suggestions, concerns or questions recorded yet.',
            id: 'CaqIES',
          })}
        </p>
      )}

      <ul className="voice-list">
        {items.map((item) => (
          <VoiceItem
            key={item.id}
            item={item}
            onChanged={onChanged}
            paper={{ school, familyLanguage: languageOf(item, members) }}
          />
        ))}
      </ul>
      <VoiceForm householdId={householdId} members={members} onSaved={onChanged} />
    </section>
  );
}
