import type { ReactNode } from 'react';
import type { DuplicateCandidate } from '../../../contract';
import { DUPLICATE_REASON_WORDS, fullName } from '../../ui/format';
import { t } from '../../i18n/intl';

/**
 * "This may be someone already in Hearth": each likely duplicate with why it matched, its
 * family and phone, and what the form offers for it (`action`). `children` follow the list.
 */
export function DuplicateWarning({
  candidates,
  action,
  children,
}: {
  candidates: DuplicateCandidate[];
  action: (candidate: DuplicateCandidate) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="duplicate-warning" role="status">
      <strong>
        {t({ defaultMessage: 'This may be someone already in Hearth:', id: 'NAdpQI' })}
      </strong>

      <ul>
        {candidates.map((c) => (
          <li key={c.person.id}>
            {fullName(c.person)}
            <span className="muted">
              {' '}
              — {c.reasons.map((r) => DUPLICATE_REASON_WORDS[r]).join(', ')}
              {c.familyName ? ` · ${c.familyName}` : ''}
              {c.person.phones[0] ? ` · ${c.person.phones[0]}` : ''}
            </span>{' '}
            {action(c)}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
