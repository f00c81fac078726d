import { isRestricted, type Visibility } from '../../../contract';
import { exactDate } from '../../ui/format';
import { restrictedLabel, visibilityName } from '../../ui/visibility';
import { LockIcon } from '../../ui/icons';
import { t } from '../../i18n/intl';

/** The sign on anything confidential: a lock and who may read it. Plain staff notes get a quiet tag. */
export function VisibilityMark({ visibility }: { visibility: Visibility }) {
  if (!isRestricted(visibility)) return <span className="tag">{visibilityName(visibility)}</span>;
  return (
    <span className="tag tag-confidential">
      <LockIcon />{' '}
      {t(
        { defaultMessage: 'Confidential · {who}', id: 'VgVaBE' },
        { who: visibilityName(visibility) },
      )}
    </span>
  );
}

/**
 * A record the viewer may not read, in a list: that it exists and whom to ask, or, for a team
 * member on a computer that lacks the team's key, why it will not open yet.
 */
export function RestrictedItem({
  visibility,
  what,
  createdAt,
  waitingForKey,
}: {
  visibility: Visibility;
  what: 'note' | 'follow-up';
  createdAt?: string;
  waitingForKey: boolean;
}) {
  return (
    <li className="note note-restricted">
      <LockIcon /> <strong>{restrictedLabel(visibility, what, waitingForKey)}</strong>
      {createdAt && <span className="muted small-text"> · {exactDate(createdAt)}</span>}
      {waitingForKey && (
        <p className="hint">
          {t({
            defaultMessage:
              'You are on this team, but this computer does not have the key for this note yet. A teammate’s computer shares it when it next syncs with the district (or when a teammate signs in here); it opens then.',
            id: 'EbyC75',
          })}
        </p>
      )}
    </li>
  );
}
