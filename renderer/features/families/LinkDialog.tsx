import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  linkFactsInput,
  PICKUP_PERMISSIONS,
  type LinkedPerson,
  type StudentSummary,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { fullName, PICKUP_WORDS } from '../../ui/format';
import { showIssues } from '../../ui/forms';
import { relationshipSuggestions } from './familyForm';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

const linkFacts = z.strictObject(linkFactsInput);
/** The form keeps the office note as typed; an empty one is saved as none. */
type LinkFacts = Required<z.input<typeof linkFacts>> & { officeNote: string };
const linkForm = z.preprocess(
  (v: LinkFacts) => ({ ...v, officeNote: v.officeNote.trim() ? v.officeNote : null }),
  linkFacts,
);

/** How one person stands to one student: relationship, guardianship and who may pick up. */
export function LinkDialog({
  student,
  link,
  onDone,
  onConfirmation,
}: {
  student: StudentSummary;
  link: LinkedPerson;
  onDone: (saved: boolean) => void;
  /** Print the pickup permission as it is saved, for the family to check. */
  onConfirmation: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<LinkFacts, unknown, z.output<typeof linkForm>>({
    resolver: zodResolver(linkForm),
    defaultValues: {
      relationship: link.relationship,
      legalGuardian: link.legalGuardian,
      livesWith: link.livesWith,
      emergencyContact: link.emergencyContact,
      pickup: link.pickup,
      officeNote: link.officeNote ?? '',
    },
  });
  const pickup = useWatch({ control: form.control, name: 'pickup' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('link.set', {
        ...values,
        officeNote: values.pickup === 'allowed' ? null : values.officeNote,
        studentId: student.id,
        personId: link.person.id,
      });
      onDone(true);
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      title={t(
        { defaultMessage: '{person} and {student}', id: 'ZdpSpa' },
        { person: fullName(link.person), student: fullName(student) },
      )}

      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <datalist id="relationships">
          {relationshipSuggestions().map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <label className="field">
          <span>{t({ defaultMessage: 'Relationship', id: '/OEORY' })}</span>
          <input
            {...form.register('relationship')}
            list="relationships"
            data-autofocus
            aria-invalid={!!errors.relationship}
          />
          <FieldError
            field={t({ defaultMessage: 'Relationship', id: '/OEORY' })}
            message={errors.relationship?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Pickup', id: '7uP+Kl' })}</span>
          <select {...form.register('pickup')}>
            {PICKUP_PERMISSIONS.map((p) => (
              <option key={p} value={p}>
                {PICKUP_WORDS[p]}
              </option>
            ))}
          </select>
        </label>
        {pickup !== 'allowed' && (
          <label className="field">
            <span>{t({ defaultMessage: 'What the office needs to know', id: 'LBsrN8' })}</span>
            <textarea rows={2} {...form.register('officeNote')} />
            <FieldError
              field={t({ defaultMessage: 'This note', id: 'sDP+xA' })}
              message={errors.officeNote?.message}
            />
          </label>
        )}
        <label className="check">
          <input type="checkbox" {...form.register('legalGuardian')} />{' '}
          {t({ defaultMessage: 'Legal guardian', id: 'zvol9j' })}
        </label>
        <label className="check">
          <input type="checkbox" {...form.register('livesWith')} />{' '}
          {t({ defaultMessage: 'Lives with the student', id: 'YsR+r1' })}
        </label>
        <label className="check">
          <input type="checkbox" {...form.register('emergencyContact')} />{' '}
          {t({ defaultMessage: 'Emergency contact', id: 'Q5Sr4w' })}
        </label>
        <button type="button" className="link-button" onClick={onConfirmation}>
          {t({
            defaultMessage: 'Print the pickup permission for the family to confirm',
            id: '+/CDUO',
          })}
        </button>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={t({ defaultMessage: 'Save', id: 'jvo0vs' })}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
