import { useCallback, useState } from 'react';
import {
  TIMELINE_KINDS,
  teamOf,
  type ContactTone,
  type Staff,
  type TimelineCursor,
  type TimelineEntry,
  type TimelineKind,
} from '../../../contract';
import { call } from '../../api/client';
import {
  DIRECTION_WORDS,
  exactDate,
  HOME_VISIT_STATUS_WORDS,
  PLACE_WORDS,
  relative,
  STRENGTH_CATEGORY_WORDS,
  TIMELINE_KIND_WORDS,
  TONE_WORDS,
  VOICE_KIND_WORDS,
  VOICE_STEP_WORDS,
} from '../../ui/format';
import { usePagedWindow } from '../../ui/usePagedWindow';
import { restrictedLabel } from '../../ui/visibility';
import { t } from '../../i18n/intl';
import { ToneIcon } from '../../ui/icons';
import { ToneOptions } from '../../ui/options';

const ROW_HEIGHT = 68;
const VIEW_HEIGHT = 440;
const PAGE = 100;

interface TimelineProps {
  householdId: string;
  viewer: Staff;
  /** Changes when something new was logged, to start again from the newest entry. */
  refresh: number;
  onOpenStudent: (studentId: string) => void;
  /** Read an entry back in full. */
  onOpenEntry: (entry: TimelineEntry) => void;
}

/** One line naming an entry: its kind, and what it was about where the viewer may know. */
export function headline(entry: TimelineEntry, viewer: Staff): string {
  const title = entry.title ?? '';
  const kindAndTitle = (kind: string) =>
    t({ defaultMessage: '{kind}: {title}', id: 'hrethW' }, { kind, title });
  switch (entry.source) {
    case 'strength':
      return kindAndTitle(
        STRENGTH_CATEGORY_WORDS[entry.subkind as keyof typeof STRENGTH_CATEGORY_WORDS] ??
          t({ defaultMessage: 'Strength', id: 'C2lUBe' }),
      );
    case 'voice':
      return kindAndTitle(
        VOICE_KIND_WORDS[entry.subkind as keyof typeof VOICE_KIND_WORDS] ??
          t({ defaultMessage: 'Family voice', id: 'G5x1km' }),
      );
    case 'home_visit':
      return t(
        { defaultMessage: 'Home visit ({status}): {title}', id: '6YGF16' },
        {
          status:
            HOME_VISIT_STATUS_WORDS[entry.status as keyof typeof HOME_VISIT_STATUS_WORDS] ??
            entry.status ??
            '',
          title,
        },
      );
    case 'note': {
      if (!entry.visibility || entry.title)
        return t({ defaultMessage: 'Note: {title}', id: 'jle2+B' }, { title });
      const team = teamOf(entry.visibility);
      return team && viewer.teams.includes(team)
        ? t({
            defaultMessage:
              'Confidential note for your team — open the student’s record to read it',
            id: 'XqfEgI',
          })
        : restrictedLabel(entry.visibility, 'note');
    }
    default:
      return TIMELINE_KIND_WORDS[entry.kind];
  }
}

function details(entry: TimelineEntry): string {
  const parts = [
    entry.direction && DIRECTION_WORDS[entry.direction],
    entry.source === 'voice' &&
      entry.status &&
      VOICE_STEP_WORDS[entry.status as keyof typeof VOICE_STEP_WORDS],
    entry.source === 'home_visit' &&
      entry.subkind &&
      PLACE_WORDS[entry.subkind as keyof typeof PLACE_WORDS],
    entry.personName,
    entry.staffName && t({ defaultMessage: 'by {name}', id: '6UFrKg' }, { name: entry.staffName }),
    entry.detail,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * A family's timeline, newest first, drawn as a window over the list: only the rows in view
 * are in the page, and older entries load a page at a time as the list nears its end, so a
 * family with thousands of entries scrolls as lightly as one with ten.
 */
export function Timeline(props: TimelineProps) {
  const { householdId, viewer, refresh, onOpenStudent, onOpenEntry } = props;
  const [kind, setKind] = useState<TimelineKind | ''>('');
  const [tone, setTone] = useState<ContactTone | ''>('');
  const query = JSON.stringify({ householdId, kind, tone, refresh });
  const fetchPage = useCallback(
    (after: TimelineCursor | null) =>
      call('family.timeline', {
        householdId,
        kinds: kind ? [kind] : [],
        tones: tone ? [tone] : [],
        after,
        limit: PAGE,
      }).then((page) => ({ items: page.entries, next: page.next })),
    [householdId, kind, tone],
  );
  const list = usePagedWindow({
    query,
    fetchPage,
    rowHeight: ROW_HEIGHT,
    viewHeight: VIEW_HEIGHT,
  });
  const { items: entries, next, first, last } = list;

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">{t({ defaultMessage: 'Timeline', id: 'zWkvNO' })}</h2>
        <div className="row compact">
          <label className="field inline">
            <span>{t({ defaultMessage: 'Show', id: 'K7AkdL' })}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as TimelineKind | '')}>
              <option value="">{t({ defaultMessage: 'Everything', id: 'mWKPwa' })}</option>
              {TIMELINE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {TIMELINE_KIND_WORDS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <span>{t({ defaultMessage: 'Tone', id: 'ai/75G' })}</span>
            <select value={tone} onChange={(e) => setTone(e.target.value as ContactTone | '')}>
              <option value="">{t({ defaultMessage: 'Any tone', id: 'TVuMoA' })}</option>
              <ToneOptions />
            </select>
          </label>
        </div>
      </div>
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      {list.loaded && entries.length === 0 && !list.error && (
        <p className="empty">
          {kind || tone
            ? t({ defaultMessage: 'Nothing of this kind yet.', id: '9DBYg2' })
            : t({
                defaultMessage:
                  'Nothing logged yet. Start with something positive: log a good-news call or note home.',
                id: 'OYSWUW',
              })}
        </p>
      )}
      {entries.length > 0 && (
        <div
          key={query}
          className="timeline-window"
          style={{ height: list.boxHeight }}
          onScroll={(e) => list.onScroll(e.currentTarget.scrollTop)}
          tabIndex={0}
          aria-label={t({ defaultMessage: 'Timeline entries, newest first', id: 'EO31sg' })}
        >
          <ul
            className="timeline"
            style={{ height: entries.length * ROW_HEIGHT }}
            aria-busy={!list.loaded}
          >
            {entries.slice(first, last).map((entry, i) => {
              const index = first + i;
              const toneWords = entry.tone && TONE_WORDS[entry.tone];
              return (
                <li
                  key={entry.id}
                  className={`timeline-entry ${entry.tone ? `tone-${entry.tone}` : ''}`}
                  style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                  aria-setsize={next ? -1 : entries.length}
                  aria-posinset={index + 1}
                >
                  <div className="timeline-line">
                    <button
                      type="button"
                      className="link-button timeline-open"
                      onClick={() => onOpenEntry(entry)}
                    >
                      {headline(entry, viewer)}
                    </button>
                    {entry.source === 'contact' && entry.status && (
                      <span className="tag">
                        {entry.status === 'correction'
                          ? t({ defaultMessage: 'Correction', id: 'ddW5zC' })
                          : t({ defaultMessage: 'Corrected later', id: '8tVxk6' })}
                      </span>
                    )}
                    {toneWords && (
                      <span className={`tone tone-${entry.tone}`}>
                        <ToneIcon tone={entry.tone ?? 'information'} /> {toneWords}
                      </span>
                    )}
                    <time
                      dateTime={entry.at}
                      title={exactDate(entry.at)}
                      className="muted small-text"
                    >
                      {relative(entry.at)}
                    </time>
                    {entry.source === 'note' && entry.studentId && (
                      <button
                        type="button"
                        className="link-button small-text"
                        onClick={() => onOpenStudent(entry.studentId as string)}
                      >
                        {t({ defaultMessage: 'Student record', id: 'vk78wO' })}
                      </button>
                    )}
                  </div>
                  <p className="timeline-detail muted small-text">{details(entry)}</p>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {entries.length > 0 && (
        <p className="muted small-text">
          {next
            ? t(
                {
                  defaultMessage: 'Showing the newest {count}; scroll for older entries.',
                  id: 'bIPBZd',
                },
                { count: entries.length },
              )
            : t(
                {
                  defaultMessage: '{count, plural, one {# entry} other {# entries}}.',
                  id: 'IxihAo',
                },
                { count: entries.length },
              )}
        </p>
      )}
    </section>
  );
}
