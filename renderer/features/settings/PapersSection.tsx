import { useEffect, useId, useState } from 'react';
import { defineMessages } from 'react-intl';
import { HearthError, PAPER_KINDS, type DroppedPapers, type PaperKind } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { issueText } from '../../i18n/issues';
import { paperCatalogs } from '../../papers/papers';
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
  nurse_visit: {
    defaultMessage: 'A visit to the school nurse (an ended office visit, health team)',
    id: 'SPtFbo',
  },
});

type Listed = { language: string; reviewed: boolean; dropped: boolean };

/**
 * Which papers Hearth prints for families and in which languages, and (administrators) the
 * folder a district drops more languages or its own translations into.
 */
export function PapersSection({ isAdmin }: { isAdmin: boolean }) {
  const titleId = useId();
  const read = useCall('papers.dropped', {});
  // What saving the folder answered: the folder as it reads now.
  const [saved, setSaved] = useState<DroppedPapers | null>(null);
  const dropped = saved ?? read.data;
  const [listed, setListed] = useState<Listed[]>([]);
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (dropped) void paperCatalogs(dropped.catalogs).then(setListed);
  }, [dropped]);

  const save = async () => {
    setError(null);
    try {
      const typed = (folder ?? dropped?.folder ?? '').trim();
      setSaved(await call('settings.setPapersFolder', { folder: typed || null }));
    } catch (e) {
      const issue = e instanceof HearthError ? e.issues?.[0] : undefined;
      setError(issue ? issueText(issue.message) : errorMessage(e));
    }
  };

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
          {listed.map(({ language, reviewed, dropped: fromFolder }) => (
            <tr key={language}>
              <th scope="row">{languageChoice(language)}</th>
              <td>
                {reviewed
                  ? t({ defaultMessage: 'Every paper, reviewed', id: 'ri2uFF' })
                  : t({
                      defaultMessage: 'Every paper, not yet reviewed by a native speaker',
                      id: 'f3rBLk',
                    })}
                {fromFolder &&
                  ` · ${t({ defaultMessage: 'from the district’s folder', id: 'u+kQ2/' })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dropped?.refused.map((r) => (
        <p key={r.file} role="alert" className="error-text">
          {t(
            { defaultMessage: '{file} was not used: {problem}', id: '+910Cd' },
            { file: r.file, problem: r.problem },
          )}
        </p>
      ))}
      {isAdmin && (
        <form
          className="row"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field grow">
            <span>
              {t({
                defaultMessage:
                  'Folder of the district’s paper catalogs (one JSON file a language, as Hearth’s own)',
                id: 'uvQyxe',
              })}
            </span>
            <input
              value={folder ?? dropped?.folder ?? ''}
              onChange={(e) => setFolder(e.target.value)}
              spellCheck={false}
              aria-invalid={error !== null}
            />
          </label>
          <button type="submit" className="button">
            {t({ defaultMessage: 'Save and read the folder', id: 'w1u1nJ' })}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
