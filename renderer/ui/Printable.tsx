import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { t } from '../i18n/intl';

/**
 * Pages to print, over the app with Print and Close. They are placed beside the app, not in
 * it, so the print style sheet can leave the whole app out and print only the pages
 * (`.printable-page`), on paper of the size their own `@page` rule names.
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
  return createPortal(
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
    </div>,
    document.body,
  );
}
