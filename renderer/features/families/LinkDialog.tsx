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
}: {
  student: StudentSummary;
  link: LinkedPerson;
  onDone: (saved: boolean) => void;
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
      title={`${fullName(link.person)} and ${fullName(student)}`}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <datalist id="relationships">
          {relationshipSuggestions().map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <label className="field">
          <span>Relationship</span>
          <input
            {...form.register('relationship')}
            list="relationships"
            data-autofocus
            aria-invalid={!!errors.relationship}
          />
          {errors.relationship && (
            <span className="field-error">Relationship {errors.relationship.message}</span>
          )}
        </label>
        <label className="field">
          <span>Pickup</span>
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
            <span>What the office needs to know</span>
            <textarea rows={2} {...form.register('officeNote')} />
            {errors.officeNote && (
              <span className="field-error">This note {errors.officeNote.message}</span>
            )}
          </label>
        )}
        <label className="check">
          <input type="checkbox" {...form.register('legalGuardian')} /> Legal guardian
        </label>
        <label className="check">
          <input type="checkbox" {...form.register('livesWith')} /> Lives with the student
        </label>
        <label className="check">
          <input type="checkbox" {...form.register('emergencyContact')} /> Emergency contact
        </label>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel="Save"
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
