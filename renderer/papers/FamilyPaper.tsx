import { useEffect, useState, type ReactNode } from 'react';
import { t } from '../i18n/intl';
import { languageName } from '../ui/format';
import { LanguagePicker } from '../ui/LanguagePicker';
import { Printable } from '../ui/Printable';
import type { PaperKind } from '../../contract';
import { useCall } from '../api/useCall';
import { paperIn, paperLanguages, type Paper, type PaperValues } from './papers';

/** What a paper says that staff wrote (in their own words, shown as written). */
export interface PaperTexts {
  said?: string;
  did?: string;
  news?: string;
  hopes?: string;
  next?: string[];
  /** What the nurse chose to tell the family about a visit. */
  nurse?: string;
}

const Quote = ({ text }: { text: string | undefined }) =>
  text ? (
    <blockquote className="paper-quote" dir="auto">
      {text}
    </blockquote>
  ) : null;

/** Each paper's parts in order: its own words from the catalog, what staff wrote between. */
function content(kind: PaperKind, paper: Paper, values: PaperValues, texts: PaperTexts): ReactNode {
  const w = (part: string) => paper.words(`${kind}.${part}`, values);
  switch (kind) {
    case 'visitor_pass':
      return (
        <>
          <p className="paper-school">{values.school}</p>
          <h1>{w('title')}</h1>
          <p className="paper-name">{values.name}</p>
          {values.seeing && <p>{w('seeing')}</p>}
          <p>{w('purpose')}</p>
          <p>{w('in')}</p>
          <p className="paper-small">{w('valid')}</p>
        </>
      );
    case 'you_said_we_did':
      return (
        <>
          <h1>{w('title')}</h1>
          <h2>{w('said')}</h2>
          <Quote text={texts.said} />
          <h2>{w('did')}</h2>
          <Quote text={texts.did} />
          <p>{w('thanks')}</p>
        </>
      );
    case 'good_news':
      return (
        <>
          <h1>{w('title')}</h1>
          <p>{w('greeting')}</p>
          <p>{w('body')}</p>
          <Quote text={texts.news} />
          <p>{w('closing')}</p>
        </>
      );
    case 'home_visit_summary':
      return (
        <>
          <h1>{w('title')}</h1>
          <p>{w('intro')}</p>
          {texts.hopes && (
            <>
              <h2>{w('hopes')}</h2>
              <Quote text={texts.hopes} />
            </>
          )}
          {texts.next && texts.next.length > 0 && (
            <>
              <h2>{w('next')}</h2>
              <ul dir="auto">
                {texts.next.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ul>
            </>
          )}
          <p>{w('closing')}</p>
        </>
      );
    case 'nurse_visit':
      return (
        <>
          <p className="paper-school">{values.school}</p>
          <h1>{w('title')}</h1>
          <p>{w('body')}</p>
          <h2>{w('note')}</h2>
          <Quote text={texts.nurse} />
          <p>{w('outcome')}</p>
          <p>{w('closing')}</p>
        </>
      );
    case 'pickup_permission':
      return (
        <>
          <p className="paper-school">{values.school}</p>
          <h1>{w('title')}</h1>
          <p>{w('body')}</p>
          <p>{w('recorded')}</p>
          <p className="paper-small">{w('check')}</p>
        </>
      );
  }
}

/**
 * A paper for a family, in their home language where Hearth has it (English with a note
 * saying so, and that the school can arrange an interpreter, where it does not). Staff may
 * choose another of the languages the papers exist in before printing.
 */
export function FamilyPaper({
  kind,
  familyLanguage,
  values,
  texts = {},
  when,
  onClose,
}: {
  kind: PaperKind;
  familyLanguage: string | null;
  values: PaperValues;
  texts?: PaperTexts;
  /** The moment the paper is about: its {date} and {time}, written the paper's language's way. */
  when?: { at: string; timeZone: string };
  onClose: () => void;
}) {
  const [language, setLanguage] = useState(familyLanguage);
  const [paper, setPaper] = useState<Paper | null>(null);
  const dropped = useCall('papers.dropped', {}).data;
  useEffect(() => {
    if (!dropped) return;
    let current = true;
    void paperIn(language, dropped.catalogs).then((loaded) => current && setPaper(loaded));
    return () => {
      current = false;
    };
  }, [language, dropped]);
  const choices = [
    ...new Set([...(familyLanguage ? [familyLanguage] : []), ...paperLanguages(dropped?.catalogs)]),
  ];
  return (
    <Printable
      label={t({ defaultMessage: 'A paper for the family', id: 'gUrtP4' })}
      onClose={onClose}
    >
      <div className="paper-controls">
        <LanguagePicker
          label={t({ defaultMessage: 'Language of the paper', id: '8E9Nqr' })}
          value={language ?? 'en'}
          onChange={setLanguage}
          among={choices}
        />
        {paper && !paper.reviewed && (
          <p className="hint" role="note">
            {t({
              defaultMessage:
                'This translation has not been checked by a native speaker yet. Ask an interpreter to read it over if you can.',
              id: 'w8KA19',
            })}
          </p>
        )}
      </div>
      {paper && (
        <article className="printable-page paper" lang={paper.language} dir={paper.dir}>
          {paper.missing && (
            <p className="paper-notice">
              {paper.words('no_translation', {
                language: englishName(paper.missing),
              })}
            </p>
          )}
          {content(
            kind,
            paper,
            { ...values, ...(when && dateValues(when, paper.language)) },
            texts,
          )}
        </article>
      )}
    </Printable>
  );
}

function dateValues(when: { at: string; timeZone: string }, language: string): PaperValues {
  const at = new Date(when.at);
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(language, { ...options, timeZone: when.timeZone }).format(at);
  return { date: format({ dateStyle: 'long' }), time: format({ timeStyle: 'short' }) };
}

/** A language's name in English, for the English notice that a paper is not in it. */

const englishName = (tag: string) =>
  new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? languageName(tag) ?? tag;
