import { useEffect, useState } from 'react';
import type { FamilyListFilter } from '../../../contract';
import { dayWords } from '../../ui/format';
import { EMPTY_FILTER, isFiltered } from './familyFilter';
import { ChannelOptions, GradeOptions, LanguageOptions, ToneOptions } from '../../ui/options';

const DAYS = [7, 14, 30, 60, 90];
const TOGGLES = [
  ['interpreter', 'Needs an interpreter'],
  ['noGoodNews', 'No good news this school year'],
  ['openVoice', 'Family voice still open'],
  ['pickupCaution', 'Pickup caution'],
] as const;

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
          <span>Search families</span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Student, caregiver, visitor or phone"
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>Sort</span>
          <select
            value={filter.sort}
            onChange={(e) => set('sort', e.target.value as FamilyListFilter['sort'])}
          >
            <option value="name">By name</option>
            <option value="last_contact">Longest without contact first</option>
          </select>
        </label>
      </div>
      <div className="row compact wrap">
        <label className="field">
          <span>Grade</span>
          <select value={filter.grade ?? ''} onChange={(e) => set('grade', e.target.value || null)}>
            <option value="">Any grade</option>
            <GradeOptions />
          </select>
        </label>
        <label className="field">
          <span>Home language</span>
          <select
            value={filter.language ?? ''}
            onChange={(e) => set('language', e.target.value || null)}
          >
            <option value="">Any language</option>
            <LanguageOptions />
          </select>
        </label>
        <label className="field">
          <span>Preferred channel</span>
          <select
            value={filter.channel ?? ''}
            onChange={(e) =>
              set('channel', (e.target.value || null) as FamilyListFilter['channel'])
            }
          >
            <option value="">Any channel</option>
            <ChannelOptions />
          </select>
        </label>
        <label className="field">
          <span>No contact for</span>
          <select
            value={filter.notContactedDays ?? ''}
            onChange={(e) =>
              set('notContactedDays', e.target.value ? Number(e.target.value) : null)
            }
          >
            <option value="">Any time</option>
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days or more
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Last contact’s tone</span>
          <select
            value={filter.lastTone ?? ''}
            onChange={(e) =>
              set('lastTone', (e.target.value || null) as FamilyListFilter['lastTone'])
            }
          >
            <option value="">Any tone</option>
            <ToneOptions />
          </select>
        </label>
      </div>
      <div className="row compact wrap">
        {TOGGLES.map(([key, label]) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={filter[key]}
              onChange={(e) => set(key, e.target.checked)}
            />{' '}
            {label}
          </label>
        ))}
        {filter.notContactedSince && (
          <span className="tag">Not contacted since {dayWords(filter.notContactedSince)}</span>
        )}
        {filter.noGoodNewsSince && (
          <span className="tag">No good news since {dayWords(filter.noGoodNewsSince)}</span>
        )}
        {isFiltered(filter) && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setText('');
              onChange({ ...EMPTY_FILTER, sort: filter.sort });
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
