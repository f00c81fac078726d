import { useEffect, useState } from 'react';
import type { FamilyListFilter } from '../../../contract';
import { dayWords } from '../../ui/format';
import { EMPTY_FILTER, isFiltered } from './familyFilter';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { ChannelOptions, GradeOptions, ToneOptions } from '../../ui/options';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { t } from '../../i18n/intl';

const DAYS = [7, 14, 30, 60, 90];
const TOGGLES = defineMessages({
  interpreter: { defaultMessage: 'Needs an interpreter', id: '4XkLNd' },
  noGoodNews: { defaultMessage: 'No good news this school year', id: 'c9bpNr' },
  openVoice: { defaultMessage: 'Family voice still open', id: '3P1FE6' },
  pickupCaution: { defaultMessage: 'Pickup caution', id: 'Z1tQVq' },
});

const CONTACT_GAP = defineMessages({
  since: { defaultMessage: 'Not contacted since {day}', id: 'jTzgCY' },
  between: { defaultMessage: 'Not contacted from {from} to {to}', id: '7piiC2' },
  through: { defaultMessage: 'Not contacted up to {day}', id: '92sosO' },
});
const GOOD_NEWS_GAP = defineMessages({
  since: { defaultMessage: 'No good news since {day}', id: 'nsLxcB' },
  between: { defaultMessage: 'No good news from {from} to {to}', id: 'Rbx5tN' },
  through: { defaultMessage: 'No good news up to {day}', id: 'rvqt16' },
});

/** What a gap filter from Insights holds the list to (FamilyListFilter's `…Since`, `…Through`). */
function GapTag({
  since,
  through,
  words,
}: {
  since: string | null;
  through: string | null;
  words: Record<keyof typeof CONTACT_GAP, MessageDescriptor>;
}) {
  let said: string;
  if (since !== null && through !== null)
    said = t(words.between, { from: dayWords(since), to: dayWords(through) });
  else if (since !== null) said = t(words.since, { day: dayWords(since) });
  else if (through !== null) said = t(words.through, { day: dayWords(through) });
  else return null;
  return <span className="tag">{said}</span>;
}

interface FamilyFiltersProps {
  filter: FamilyListFilter;
  /** `typing`: the search box changed, which replaces the history entry instead of adding one. */
  onChange: (filter: FamilyListFilter, typing?: boolean) => void;
}

/** The families list's search, filters and sort; every choice goes into the address. */
export function FamilyFilters({ filter, onChange }: FamilyFiltersProps) {
  const set = <K extends keyof FamilyListFilter>(key: K, value: FamilyListFilter[K]) =>
    onChange({ ...filter, [key]: value });
  // The box shows what is typed at once; the list follows when typing pauses.
  const [text, setText] = useState(filter.text);
  const [shown, setShown] = useState(filter.text);
  if (filter.text !== shown) {
    setShown(filter.text);
    setText(filter.text);
  }
  useEffect(() => {
    if (text.trim() === filter.text) return;
    const timer = setTimeout(() => onChange({ ...filter, text: text.trim() }, true), 250);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  return (
    <div className="stack family-filters">
      <div className="row">
        <label className="field grow">
          <span>{t({ defaultMessage: 'Search families', id: 'OxOlnv' })}</span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t({
              defaultMessage: 'Student, caregiver, visitor or phone',
              id: '8/5y45',
            })}
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Sort', id: '25oM9Q' })}</span>
          <select
            value={filter.sort}
            onChange={(e) => set('sort', e.target.value as FamilyListFilter['sort'])}
          >
            <option value="name">{t({ defaultMessage: 'By name', id: 'YiyVgJ' })}</option>
            <option value="last_contact">
              {t({ defaultMessage: 'Longest without contact first', id: 'Efq+0H' })}
            </option>
          </select>
        </label>
      </div>
      <div className="row compact wrap">
        <label className="field">
          <span>{t({ defaultMessage: 'Grade', id: 'qXTiEd' })}</span>
          <select value={filter.grade ?? ''} onChange={(e) => set('grade', e.target.value || null)}>
            <option value="">{t({ defaultMessage: 'Any grade', id: 'A/ILUs' })}</option>
            <GradeOptions />
          </select>
        </label>
        <LanguagePicker
          label={t({ defaultMessage: 'Home language', id: 'ItVlvf' })}
          value={filter.language ?? ''}
          onChange={(code) => set('language', code || null)}
          emptyLabel={t({ defaultMessage: 'Any language', id: '0/8x/z' })}
        />
        <label className="field">
          <span>{t({ defaultMessage: 'Preferred channel', id: 'fTc71m' })}</span>
          <select
            value={filter.channel ?? ''}
            onChange={(e) =>
              set('channel', (e.target.value || null) as FamilyListFilter['channel'])
            }
          >
            <option value="">{t({ defaultMessage: 'Any channel', id: 'DMrUem' })}</option>
            <ChannelOptions />
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'No contact for', id: 'nAaxGR' })}</span>
          <select
            value={filter.notContactedDays ?? ''}
            onChange={(e) =>
              set('notContactedDays', e.target.value ? Number(e.target.value) : null)
            }
          >
            <option value="">{t({ defaultMessage: 'Any time', id: 'wmdZZD' })}</option>
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {t({ defaultMessage: '{days} days or more', id: 'BvP8d2' }, { days: d })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Last contact’s tone', id: 'udhOPu' })}</span>
          <select
            value={filter.lastTone ?? ''}
            onChange={(e) =>
              set('lastTone', (e.target.value || null) as FamilyListFilter['lastTone'])
            }
          >
            <option value="">{t({ defaultMessage: 'Any tone', id: 'TVuMoA' })}</option>
            <ToneOptions />
          </select>
        </label>
      </div>
      <div className="row compact wrap">
        {(Object.keys(TOGGLES) as (keyof typeof TOGGLES)[]).map((key) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={filter[key]}
              onChange={(e) => set(key, e.target.checked)}
            />{' '}
            {t(TOGGLES[key])}
          </label>
        ))}
        <GapTag
          since={filter.notContactedSince}
          through={filter.notContactedThrough}
          words={CONTACT_GAP}
        />
        <GapTag
          since={filter.noGoodNewsSince}
          through={filter.noGoodNewsThrough}
          words={GOOD_NEWS_GAP}
        />
        {isFiltered(filter) && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setText('');
              onChange({ ...EMPTY_FILTER, sort: filter.sort });
            }}
          >
            {t({ defaultMessage: 'Clear filters', id: 'F4gyn3' })}
          </button>
        )}
      </div>
    </div>
  );
}
