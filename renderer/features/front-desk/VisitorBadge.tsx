import { QRCodeSVG } from 'qrcode.react';
import type { BadgeLayout, VisitView } from '../../../contract';
import { t } from '../../i18n/intl';
import { clockTime, purposeLabel, schoolDay } from '../../ui/format';
import { Printable } from '../../ui/Printable';

/**
 * A visitor's badge: who, whom they came to see, when, and the code (as text and as a QR
 * code) that signs them out at the desk on the day of the visit. Laid out for a 2.25 × 4 in
 * label, or a page of letter or A4 to fold into a badge holder; each layout names its own
 * paper (a named `@page` in the style sheet), so printing needs no choice in the dialog.
 * Loaded only when a badge is printed (the QR encoder stays out of the first load).
 */
export default function VisitorBadge({
  visit,
  school,
  layout,
  onClose,
}: {
  visit: VisitView;
  school: string;
  layout: BadgeLayout;
  onClose: () => void;
}) {
  const code = visit.badgeCode;
  return (
    <Printable
      label={t({ defaultMessage: 'Badge for {name}', id: 'PrMe0l' }, { name: visit.visitorName })}
      onClose={onClose}
    >
      <article className={`printable-page visitor-badge visitor-badge-${layout}`}>
        <p className="visitor-badge-school">{school}</p>
        <p className="visitor-badge-kind">{t({ defaultMessage: 'VISITOR', id: 'xDfDYB' })}</p>
        <p className="visitor-badge-name">{visit.visitorName}</p>
        <dl className="visitor-badge-facts">
          <dt>
            {t({ defaultMessage: 'In', id: 'XR7dOz', description: 'when a visitor came in' })}
          </dt>
          <dd>
            {schoolDay(visit.signedInAt)} · {clockTime(visit.signedInAt)}
          </dd>
          {visit.seeing && (
            <>
              <dt>{t({ defaultMessage: 'To see', id: 'ozr0R3' })}</dt>
              <dd>{visit.seeing}</dd>
            </>
          )}
          <dt>{t({ defaultMessage: 'Purpose', id: 'm0RdHL' })}</dt>
          <dd>{purposeLabel(visit.purpose)}</dd>
        </dl>
        <p className="visitor-badge-valid">
          {t(
            { defaultMessage: 'Valid today only: {day}', id: 'ke5uOs' },
            { day: schoolDay(visit.signedInAt) },
          )}
        </p>
        {code && (
          <div className="visitor-badge-code">
            <QRCodeSVG value={code} size={256} level="M" marginSize={2} title={code} />
            <span>{code}</span>
          </div>
        )}
      </article>
    </Printable>
  );
}
