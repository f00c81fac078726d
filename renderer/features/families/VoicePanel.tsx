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
import { plural } from '../../../contract';

const NEXT: Record<string, VoiceStep | null> = {
  raised: 'heard',
  heard: 'acted',
  acted: 'told',
  told: null,
};
const NEXT_BUTTON: Record<VoiceStep, string> = {
  heard: 'Mark heard',
  acted: 'Record what we did',
  told: 'Record that we told the family',
};

/** "12 days open". */
const ageWords = (item: VoiceItemView) => {
  const days = differenceInCalendarDays(new Date(), new Date(item.raisedAt));
  return days === 0 ? 'Raised today' : `${plural(days, 'day', 'days')} open`;
};

/**
 * One voice item: what was raised, each step taken (who and when), and the next step. In
 * the school-wide list it also names the family and how long the item has been open.
 */
export function VoiceItem({
  item,
  onChanged,
  onOpenFamily,
}: {
  item: VoiceItemView;
  onChanged: () => void;
  onOpenFamily?: (householdId: string) => void;
}) {
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
        <strong>
          {VOICE_KIND_WORDS[item.kind]}: {item.summary}
        </strong>{' '}
        <span className={`tag step-${step}`}>{VOICE_STEP_WORDS[step]}</span>
      </div>
      <ol className="voice-steps small-text muted">
        <li>
          Raised {item.personName ? `by ${item.personName} ` : ''}· {exactDate(item.raisedAt)} ·
          recorded by {item.recordedByName}
        </li>
        {item.heardAt && (
          <li>
            Heard by {item.heardByName} · {exactDate(item.heardAt)}
          </li>
        )}
        {item.actedAt && (
          <li>
            Acted on by {item.actedByName} · {exactDate(item.actedAt)}
            {item.actedNote ? ` — ${item.actedNote}` : ''}
          </li>
        )}
        {item.toldAt && (
          <li>
            Family told by {item.toldByName} · {exactDate(item.toldAt)}
            {item.toldNote ? ` — ${item.toldNote}` : ''}
          </li>
        )}
      </ol>
      {next && (
        <div className="row compact">
          {next !== 'heard' && (
            <label className="field grow">
              <span>{next === 'acted' ? 'What we did' : 'How we told them'}</span>
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
            {NEXT_BUTTON[next]}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text" id={errorId}>
          {error}
        </p>
      )}
    </li>
  );
}

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
      aria-label="Family voice"
    >
      <div className="row">
        <label className="field">
          <span>Raised by</span>
          <select {...form.register('personId', { setValueAs: (v: string) => v || null })}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {fullName(m)}
              </option>
            ))}
            <option value="">The family</option>
          </select>
        </label>
        <label className="field">
          <span>Kind</span>
          <select {...form.register('kind')}>
            {VOICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {VOICE_KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>What they raised</span>
          <input {...form.register('summary')} aria-invalid={!!errors.summary} />
          {errors.summary && <span className="field-error">This {errors.summary.message}</span>}
        </label>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button small" disabled={isSubmitting}>
          Record it
        </button>
      </div>
    </form>
  );
}

/** A family's suggestions, concerns and questions, and what became of each. */
export function VoicePanel({
  householdId,
  members,
  items,
  onChanged,
}: {
  householdId: string;
  members: Person[];
  items: VoiceItemView[];
  onChanged: () => void;
}) {
  return (
    <section className="card" aria-labelledby="voice-title">
      <h2 id="voice-title">Family voice</h2>
      {items.length === 0 && (
        <p className="empty">No suggestions, concerns or questions recorded yet.</p>
      )}
      <ul className="voice-list">
        {items.map((item) => (
          <VoiceItem key={item.id} item={item} onChanged={onChanged} />
        ))}
      </ul>
      <VoiceForm householdId={householdId} members={members} onSaved={onChanged} />
    </section>
  );
}
