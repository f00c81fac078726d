import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n/intl';

export interface MergeCandidate {
  id: string;
  name: string;
  details: string;
  /** Why this one can't be merged here, in a sentence; null when it can. */
  blocked: string | null;
}

/**
 * The shape every merge takes: the likely duplicates found, each merged only after a second,
 * explicit "yes", and any refusal shown in words beside the list.
 */
export function MergeChooser({
  title,
  intro,
  candidates,
  none,
  confirmLabel,
  onMerge,
  onClose,
}: {
  title: string;
  intro: ReactNode;
  /** Undefined while they are being looked for. */
  candidates: MergeCandidate[] | undefined;
  none: string;
  confirmLabel: string;
  onMerge: (id: string) => Promise<void>;
  onClose: () => void;
}) {
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const merge = async (id: string) => {
    try {
      await onMerge(id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={title} onCancel={onClose}>
      <p className="muted">{intro}</p>
      {candidates && candidates.length === 0 && <p className="empty">{none}</p>}
      <ul className="stack">
        {(candidates ?? []).map((c) => (
          <li key={c.id} className="row compact">
            <span className="grow">
              <strong>{c.name}</strong>
              <span className="muted"> {c.details}</span>
              {c.blocked && <p className="small-text">{c.blocked}</p>}
            </span>
            {c.blocked ? null : confirm === c.id ? (
              <button
                type="button"
                className="button danger small"
                onClick={() => void merge(c.id)}
              >
                {confirmLabel}
              </button>
            ) : (
              <button type="button" className="button small" onClick={() => setConfirm(c.id)}>
                {t({ defaultMessage: 'Merge…', id: '0n1bQP' })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t({ defaultMessage: 'Close', id: 'rbrahO' })}
        </button>
      </div>
    </Dialog>
  );
}
