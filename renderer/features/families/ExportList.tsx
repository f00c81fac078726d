import { FileDown } from 'lucide-react';
import { useState } from 'react';
import { plural, type FamilyListFilter } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { downloadCsv } from '../../ui/download';

/** The list as filtered, as a CSV file; the audit log records who took it and which families. */
export function ExportList({ filter }: { filter: FamilyListFilter }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const exportList = () => {
    setBusy(true);
    setMessage(null);
    call('family.exportList', filter).then(
      ({ csv, count }) => {
        downloadCsv(csv, 'families.csv');
        setMessage({
          ok: true,
          text: `Exported ${plural(count, 'family', 'families')}. The audit log records this export.`,
        });
        setBusy(false);
      },
      (e: unknown) => {
        setMessage({ ok: false, text: errorMessage(e) });
        setBusy(false);
      },
    );
  };
  return (
    <div className="row compact wrap">
      <button type="button" className="button small" onClick={exportList} disabled={busy}>
        <FileDown size={16} aria-hidden="true" /> Export this list (CSV)
      </button>
      {message && (
        <span
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'small-text' : 'error-text'}
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
