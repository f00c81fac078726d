import { MessageCircle, Star, TriangleAlert } from 'lucide-react';
import { useCallback, type ReactNode } from 'react';
import type { FamilyListCursor, FamilyListFilter, FamilyListRow } from '../../../contract';
import { call } from '../../api/client';
import {
  CHANNEL_WORDS,
  exactDate,
  fullName,
  gradeLabel,
  languageName,
  PERSON_KIND_WORDS,
  relative,
  TONE_WORDS,
} from '../../ui/format';
import { t } from '../../i18n/intl';
import { usePagedWindow } from '../../ui/usePagedWindow';
import { isFiltered } from './familyFilter';

const ROW_HEIGHT = 84;
const VIEW_HEIGHT = 504;
const PAGE = 50;

interface RowActions {
  onOpenFamily: (householdId: string) => void;
  onOpenStudent: (studentId: string) => void;
}

/** One family: its name opens its page, each student's name their record. */
function FamilyRow({ row, onOpenFamily, onOpenStudent }: { row: FamilyListRow } & RowActions) {
  const languages = row.homeLanguages.map((l) => languageName(l)).join(', ');
  return (
    <>
      <div className="family-row-line">
        <button
          type="button"
          className="link-button family-row-name"
          onClick={() => onOpenFamily(row.household.id)}
        >
          {row.household.name}
        </button>
        <span className="muted small-text truncate">
          {[
            row.caregivers.join(', '),
            languages,
            row.interpreter && t({ defaultMessage: 'interpreter needed', id: 'snO43Q' }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <div className="family-row-line small-text">
        {row.students.length === 0 ? (
          <span className="muted">{t({ defaultMessage: 'No students linked', id: '8P5hrh' })}</span>
        ) : (
          row.students.map((s) => (
            <button
              key={s.id}
              type="button"
              className="link-button"
              onClick={() => onOpenStudent(s.id)}
            >
              {t(
                { defaultMessage: '{name} ({grade})', id: 'xBOQTq' },
                { name: fullName(s), grade: gradeLabel(s.grade) },
              )}
            </button>
          ))
        )}
      </div>
      <div className="family-row-line small-text">
        {row.lastContact ? (
          <span>
            {t({ defaultMessage: 'Last contact:', id: 'NYpebf' })}{' '}
            <span className={`tone tone-${row.lastContact.tone}`}>
              {TONE_WORDS[row.lastContact.tone]}
            </span>{' '}
            <time dateTime={row.lastContact.at} title={exactDate(row.lastContact.at)}>
              {relative(row.lastContact.at)}
            </time>
          </span>
        ) : (
          <span>{t({ defaultMessage: 'No contact yet', id: 'e1Cotb' })}</span>
        )}
        {row.channel && (
          <span className="muted">
            {t(
              { defaultMessage: 'Prefers {channels}', id: 't2wDrb' },
              { channels: CHANNEL_WORDS[row.channel] },
            )}
          </span>
        )}
        {row.goodNewsThisYear && (
          <span className="badge badge-positive">
            <Star size={14} aria-hidden="true" />{' '}
            {t({ defaultMessage: 'Good news this year', id: 'm+Iwj0' })}
          </span>
        )}
        {row.openVoice > 0 && (
          <span className="badge">
            <MessageCircle size={14} aria-hidden="true" />{' '}
            {t(
              {
                defaultMessage:
                  '{count, plural, one {# open voice item} other {# open voice items}}',
                id: 'cxzpqS',
              },
              { count: row.openVoice },
            )}
          </span>
        )}
        {row.pickupCautions > 0 && (
          <span className="badge badge-caution">
            <TriangleAlert size={14} aria-hidden="true" />{' '}
            {t({ defaultMessage: 'Pickup caution', id: 'Z1tQVq' })}
          </span>
        )}
      </div>
    </>
  );
}

/** Every family of the school that the filter lets through, drawn as a window over the list. */
export function FamilyList({
  filter,
  onOpenFamily,
  onOpenStudent,
  onStartFamily,
  empty,
}: RowActions & {
  filter: FamilyListFilter;
  /** Someone a search found in no family: start one with them. */
  onStartFamily: (person: { id: string; name: string; lastName: string | null }) => void;
  /** What to show when the school has no family at all. */
  empty: ReactNode;
}) {
  const query = JSON.stringify(filter);
  const fetchPage = useCallback(
    (after: FamilyListCursor | null) =>
      call('family.list', { ...(JSON.parse(query) as FamilyListFilter), after, limit: PAGE }).then(
        (page) => ({ items: page.rows, next: page.next, unplaced: page.unplaced }),
      ),
    [query],
  );
  const list = usePagedWindow({ query, fetchPage, rowHeight: ROW_HEIGHT, viewHeight: VIEW_HEIGHT });
  const { items, next, first, last } = list;
  const unplaced = list.head?.unplaced ?? [];
  return (
    <div className="stack">
      {unplaced.length > 0 && (
        <div className="unplaced" aria-labelledby="unplaced-title">
          <h3 id="unplaced-title">{t({ defaultMessage: 'In no family yet', id: 'RDX9jL' })}</h3>
          <ul className="member-list">
            {unplaced.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>{' '}
                <span className="muted">
                  {PERSON_KIND_WORDS[p.kind]}
                  {p.phone ? ` · ${p.phone}` : ''}
                </span>{' '}
                <button
                  type="button"
                  className="button small"
                  onClick={() => onStartFamily({ id: p.id, name: p.name, lastName: p.lastName })}
                >
                  {t(
                    { defaultMessage: 'Start a family with {name}', id: 'Ms+c4/' },
                    { name: p.name },
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      <p className="muted small-text" role="status">
        {!list.loaded
          ? t({ defaultMessage: 'Looking…', id: 'ZmhPWd' })
          : next
            ? t(
                { defaultMessage: 'Showing the first {count}; scroll for more.', id: 'abOL5/' },
                { count: items.length },
              )
            : t(
                {
                  defaultMessage: '{count, plural, one {# family} other {# families}}',
                  id: 'd/sMKK',
                },
                { count: items.length },
              )}
      </p>
      {list.loaded &&
        items.length === 0 &&
        !list.error &&
        (isFiltered(filter) ? (
          <p className="empty">
            {t({
              defaultMessage: 'No family matches all of these. Clear a filter to see more.',
              id: 'W2kOxI',
            })}
          </p>
        ) : (
          empty
        ))}
      {items.length > 0 && (
        <div
          className="list-window"
          style={{ height: list.boxHeight }}
          onScroll={(e) => list.onScroll(e.currentTarget.scrollTop)}
        >
          <ul
            className="family-rows"
            style={{ height: items.length * ROW_HEIGHT }}
            aria-label={t({ defaultMessage: 'Families', id: 'bkeZ+E' })}

            aria-busy={!list.loaded}
          >
            {items.slice(first, last).map((row, i) => (
              <li
                key={row.household.id}
                style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
                aria-setsize={next ? -1 : items.length}
                aria-posinset={first + i + 1}
              >
                <div className="family-row">
                  <FamilyRow row={row} onOpenFamily={onOpenFamily} onOpenStudent={onOpenStudent} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
