import { useEffect, useState } from 'react';
import { splitTypedName, type CallInput } from '../../../contract';
import { useCall } from '../../api/useCall';
import { DUPLICATE_REASON_WORDS, fullName } from '../../ui/format';
import { t } from '../../i18n/intl';

type Lookup = CallInput<'person.findDuplicates'>;

/** What a quickly typed name and phone ask the duplicate check. */
function lookupFor(name: string, phone: string): Lookup | null {
  const typed = splitTypedName(name);
  if (!typed.firstName) return null;
  const digits = phone.replace(/\D/g, '');
  return { ...typed, phones: digits.length >= 7 ? [phone] : [], email: null };
}

/**
 * Before a "new" visitor is added, people already in Hearth with the same phone or a similar
 * name, each one click from being signed in instead, so the desk does not make duplicates.
 */
export function KnownVisitorHint({
  name,
  phone,
  onUseExisting,
}: {
  name: string;
  phone: string;
  onUseExisting: (personId: string) => void;
}) {
  const [lookup, setLookup] = useState<Lookup | null>(null);
  // Ask once typing pauses, not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setLookup(lookupFor(name, phone)), 300);
    return () => clearTimeout(timer);
  }, [name, phone]);
  const candidates = useCall('person.findDuplicates', lookup).data ?? [];
  if (candidates.length === 0) return null;
  return (
    <div className="duplicate-warning" role="status">
      <strong>{t({ defaultMessage: 'Already in Hearth?', id: 'YPjP9S' })}</strong>
      <ul>
        {candidates.slice(0, 3).map((c) => (
          <li key={c.person.id}>
            {fullName(c.person)}
            <span className="muted">
              {' '}
              — {c.reasons.map((r) => DUPLICATE_REASON_WORDS[r]).join(', ')}
              {c.familyName ? ` · ${c.familyName}` : ''}
              {c.person.phones[0] ? ` · ${c.person.phones[0]}` : ''}
            </span>{' '}
            <button
              type="button"
              className="button small"
              onClick={() => onUseExisting(c.person.id)}
            >
              {t(
                { defaultMessage: 'Sign in {name} instead', id: '0BDLB5' },
                { name: c.person.firstName },
              )}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
