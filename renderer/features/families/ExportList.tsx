import { FileDown } from 'lucide-react';
import { useState } from 'react';
import type { FamilyListFilter } from '../../../contract';
import { t } from '../../i18n/intl';
import { Outcome, type OutcomeMessage } from '../../ui/Outcome';
import { call, errorMessage } from '../../api/client';
import { downloadCsv } from '../../ui/download';

/** The list as filtered, as a CSV file; the audit log records who took it and which families. */
export function ExportList({ filter }: { filter: FamilyListFilter }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<OutcomeMessage | null>(null);
  const exportList = () => {
    setBusy(true);
    setMessage(null);
    call('family.exportList', filter).then(
      ({ csv, count }) => {
        downloadCsv(csv, 'families.csv');
        setMessage({
          ok: true,
          text: t(
            {
              defaultMessage:
                'Exported {count, plural, one {# family} other {# families}}. The audit log records this export.',
              id: 'rccsZ0',
            },
            { count },
          ),
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
        <FileDown size={16} aria-hidden="true" />{' '}
        {t({ defaultMessage: 'Export this list (CSV)', id: 'RBaCh+' })}
      </button>
      <Outcome message={message} />
    </div>
  );
}
