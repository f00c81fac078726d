import { useEffect, useId, useState } from 'react';
import { defineMessages } from 'react-intl';
import { t } from '../../i18n/intl';
import { PAPER_KINDS, paperCatalogs, type PaperKind } from '../../papers/papers';
import { languageChoice } from '../../ui/format';

const PAPER_NAMES = defineMessages<PaperKind>({
  visitor_pass: { defaultMessage: 'Visitor pass (front desk, In the building now)', id: 'pFT1pm' },
  good_news: {
    defaultMessage: 'Good-news note (a good-news contact on the timeline)',
    id: 'prVb6F',
  },
  home_visit_summary: {
    defaultMessage: 'Home visit summary (a completed home visit)',
    id: 'f/NKV+',
  },
  you_said_we_did: {
    defaultMessage: '“You said, we did” (a family voice item acted on)',
    id: 'EuRsUo',
  },
  pickup_permission: {
    defaultMessage: 'Pickup permission (a caregiver’s relationship and pickup)',
    id: 'F6U+w+',
  },
});

/** Which papers Hearth prints for families, and in which languages. */
export function PapersSection() {
  const titleId = useId();
  const [catalogs, setCatalogs] = useState<{ language: string; reviewed: boolean }[]>([]);
  useEffect(() => {
    void paperCatalogs().then(setCatalogs);
  }, []);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t({ defaultMessage: 'Papers for families', id: 'aO7BW+' })}</h2>
      <p className="muted small-text">
        {t({
          defaultMessage:
            'Printed in the family’s home language where it is listed here, and in English with a note offering an interpreter where it is not.',
          id: 'mPyc5p',
        })}
      </p>
      <ul>
        {PAPER_KINDS.map((kind) => (
          <li key={kind}>{t(PAPER_NAMES[kind])}</li>
        ))}
      </ul>
      <table className="log-table">
        <caption className="visually-hidden">
          {t({ defaultMessage: 'Languages of the papers', id: 'ZdFn7h' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t({ defaultMessage: 'Language', id: 'y1Z3or' })}</th>
            <th scope="col">{t({ defaultMessage: 'Translation', id: '/vCXIP' })}</th>
          </tr>
        </thead>
        <tbody>
          {catalogs.map(({ language, reviewed }) => (
            <tr key={language}>
              <th scope="row">{languageChoice(language)}</th>
              <td>
                {reviewed
                  ? t({ defaultMessage: 'All five papers, reviewed', id: '50W/n7' })
                  : t({
                      defaultMessage: 'All five papers, not yet reviewed by a native speaker',
                      id: 'T6mTbT',
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
