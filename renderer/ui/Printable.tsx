import type { ReactNode } from 'react';
import { t } from '../i18n/intl';

/**
 * Pages to print, over the app with Print and Close; the print style sheet prints only the
 * pages (`.printable-page`) and leaves the app and these buttons out.
 */
export function Printable({
  label,
  onClose,
  children,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="printable" role="region" aria-label={label}>
      <div className="printable-actions">
        <button type="button" className="button" autoFocus onClick={() => window.print()}>
          {t({ defaultMessage: 'Print', id: 'CXRlIo' })}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t({ defaultMessage: 'Close', id: 'rbrahO' })}
        </button>
      </div>
      {children}
    </div>
  );
}
