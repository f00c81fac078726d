import { useState } from 'react';
import { t } from '../../i18n/intl';

/**
 * Sign out by a badge's code: typed, or sent by a barcode scanner (which types the code and
 * presses Enter). The field empties after each sign-out, ready for the next badge.
 */
export function BadgeSignOut({
  onSignOutByCode,
}: {
  onSignOutByCode: (code: string) => Promise<boolean>;
}) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="badge-sign-out"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!code.trim() || busy) return;
        setBusy(true);
        void onSignOutByCode(code).then((done) => {
          if (done) setCode('');
          setBusy(false);
        });
      }}
    >
      <label className="field grow">
        <span>{t({ defaultMessage: 'Badge code (type or scan)', id: 'Q0G5kq' })}</span>
        <input
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <button type="submit" className="button small" disabled={busy}>
        {t({ defaultMessage: 'Sign out by badge', id: 'fA6fLY' })}
      </button>
    </form>
  );
}
