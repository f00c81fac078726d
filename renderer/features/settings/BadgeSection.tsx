import { useState } from 'react';
import { BADGE_LAYOUTS, type AppStatus, type BadgeLayout } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { t } from '../../i18n/intl';

/** Visitor badges on this computer (its printer is its own): printed at sign-in or not, on what. */
export function BadgeSection({
  badges,
  onStatusChange,
}: {
  badges: AppStatus['badges'];
  onStatusChange: (status: AppStatus) => void;
}) {
  const [printAtSignIn, setPrintAtSignIn] = useState(badges.printAtSignIn);
  const [layout, setLayout] = useState<BadgeLayout>(badges.layout);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const layoutWords: Record<BadgeLayout, string> = {
    label: t({ defaultMessage: 'Label, 2.25 × 4 in', id: '21lOFO' }),
    letter: t({ defaultMessage: 'Letter paper', id: '9ub+h3' }),
    a4: t({ defaultMessage: 'A4 paper', id: 'HLfHMS' }),
  };
  const save = () =>
    call('settings.setBadges', { printAtSignIn, layout }).then(
      (status) => {
        onStatusChange(status);
        setMessage({ ok: true, text: t({ defaultMessage: 'Badge choices saved.', id: 'qhBC8D' }) });
      },
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );
  return (
    <section className="card" aria-labelledby="badges-title">
      <h2 id="badges-title">{t({ defaultMessage: 'Visitor badges', id: 'jc/jwx' })}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="check">
          <input
            type="checkbox"
            checked={printAtSignIn}
            onChange={(e) => setPrintAtSignIn(e.target.checked)}
          />
          {t({
            defaultMessage:
              'Print a badge at each sign-in (the desk can untick it for one visitor)',
            id: '1fQ78d',
          })}
        </label>
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'Badges print on', id: '1cFC4+' })}</span>
            <select value={layout} onChange={(e) => setLayout(e.target.value as BadgeLayout)}>
              {BADGE_LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {layoutWords[l]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t({ defaultMessage: 'Save', id: 'jvo0vs' })}
          </button>
        </div>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error-text'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
