import { FileUp, Plus } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { FamilyListFilter } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { goTo, usePageParams } from '../../app/location';
import { filterToParams, paramsToFilter } from './familyFilter';
import { FamilyFilters } from './FamilyFilters';
import { FamilyList } from './FamilyList';
import { ExportList } from './ExportList';
import { ImportDialog } from './ImportDialog';
import { NewFamilyDialog } from './NewFamilyDialog';
import { VoiceItem } from './VoicePanel';
import { t, tRich } from '../../i18n/intl';

type Starting = { id: string; name: string; lastName: string | null } | 'blank' | null;

/**
 * Every family of the school, filtered and sorted as the address says (so Back returns to
 * the same list), with people a search finds in no family yet; below, what families raised
 * that is still open.
 */
export function Families({
  onOpenFamily,
  onOpenStudent,
}: {
  onOpenFamily: (householdId: string) => void;
  onOpenStudent: (studentId: string) => void;
}) {
  const [params, setParams] = usePageParams('families');
  const filter = paramsToFilter(params);
  const onFilter = useCallback(
    (next: FamilyListFilter, typing = false) =>
      setParams(filterToParams(next), typing ? 'replace' : 'push'),
    [setParams],
  );
  const [starting, setStarting] = useState<Starting>(null);
  const [importing, setImporting] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  const [version, setVersion] = useState(0);
  const open = useCall('voice.open', {}, version);

  return (
    <div className="families">
      <div className="page-header">
        <h1>{t({ defaultMessage: 'Families', id: 'bkeZ+E' })}</h1>
        <div className="row compact">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            <FileUp size={16} aria-hidden="true" />{' '}
            {t({ defaultMessage: 'Import families', id: '4fzzJK' })}
          </button>
          <button type="button" className="button primary" onClick={() => setStarting('blank')}>
            <Plus size={16} aria-hidden="true" />{' '}
            {t({ defaultMessage: 'Add a family', id: 'l30NAj' })}
          </button>
        </div>
      </div>
      <section className="card" aria-label={t({ defaultMessage: 'Find families', id: '5iIqgz' })}>
        <FamilyFilters filter={filter} onChange={onFilter} />
        {/* A new filter is a new list: what was said of the last export goes with it. */}
        <ExportList key={filterToParams(filter).toString()} filter={filter} />
        <FamilyList
          key={listVersion}
          filter={filter}
          onOpenFamily={onOpenFamily}
          onOpenStudent={onOpenStudent}
          onStartFamily={(person) => setStarting(person)}
          empty={
            <div className="empty-school">
              <h2>{t({ defaultMessage: 'No families yet', id: 'Gy5h/2' })}</h2>
              <p>{t({ defaultMessage: 'Start with the families you know:', id: 'k4plcT' })}</p>
              <ul>
                <li>
                  {tRich(
                    {
                      defaultMessage:
                        '<add>Add a family</add> by hand, with its people and students, or enroll one at the front desk (choose “Enrollment” when you sign them in).',
                      id: 'kFMNY7',
                    },
                    {
                      add: (chunks) => (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setStarting('blank')}
                        >
                          {chunks}
                        </button>
                      ),
                    },
                  )}
                </li>
                <li>
                  {tRich(
                    {
                      defaultMessage:
                        '<import>Import families</import> from a spreadsheet saved as CSV (a template is offered), or from your student information system’s OneRoster export.',
                      id: 'qTFb44',
                    },
                    {
                      import: (chunks) => (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setImporting(true)}
                        >
                          {chunks}
                        </button>
                      ),
                    },
                  )}
                </li>
                <li>
                  {tRich(
                    {
                      defaultMessage:
                        'If your district runs a Hearth server, <join>join your district</join> (an administrator does it, with a one-time code from district IT), and the families come from the district’s roster.',
                      id: 'X/F3mV',
                    },
                    {
                      join: (chunks) => (
                        <button type="button" className="link-button" onClick={() => goTo('sync')}>
                          {chunks}
                        </button>
                      ),
                    },
                  )}
                </li>
              </ul>
            </div>
          }
        />
      </section>
      <section className="card" aria-labelledby="open-voice-title">
        <h2 id="open-voice-title">
          {t({ defaultMessage: 'Family voice: still open, oldest first', id: 'mwQPTx' })}
        </h2>
        <p className="muted small-text">
          {t({
            defaultMessage:
              'What families suggested, asked or raised as a concern, until they have been told what was done with it.',
            id: 'uro1Du',
          })}
        </p>
        {open.error !== undefined && (
          <p role="alert" className="error-text">
            {errorMessage(open.error)}
          </p>
        )}
        {open.data?.length === 0 && (
          <p className="empty">
            {t({ defaultMessage: 'Nothing open: every family has heard back.', id: 'pU/s8S' })}
          </p>
        )}
        <ul className="voice-list">
          {open.data?.map((item) => (
            <VoiceItem
              key={item.id}
              item={item}
              onChanged={() => setVersion((n) => n + 1)}
              onOpenFamily={onOpenFamily}
            />
          ))}
        </ul>
      </section>
      {importing && (
        <ImportDialog
          onDone={(imported) => {
            setImporting(false);
            if (imported) setListVersion((n) => n + 1);
          }}
        />
      )}
      {starting && (
        <NewFamilyDialog
          first={starting === 'blank' ? undefined : starting}
          onDone={(created) => {
            setStarting(null);
            if (created) onOpenFamily(created.id);
          }}
        />
      )}
    </div>
  );
}
