import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { API, CONTACT_DIRECTIONS, CONTACT_KINDS, CONTACT_TONES } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { CONTACT_KIND_WORDS, DIRECTION_WORDS, TONE_WORDS } from '../../ui/format';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

const contactSchema = API['followUp.setStatus'].input.shape.closingContact.unwrap().unwrap();
const completeForm = z.object({ logContact: z.boolean(), contact: contactSchema.partial() });
type CompleteForm = z.infer<typeof completeForm>;

/** Mark a follow-up done, and (in the same step) log the contact that closed it. */
export function CompleteFollowUpDialog({
  id,
  title,
  onDone,
}: {
  id: string;
  title: string;
  onDone: (saved: boolean) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CompleteForm>({
    resolver: zodResolver(completeForm),
    defaultValues: {
      logContact: true,
      contact: { kind: 'call', direction: 'school_to_family', tone: 'information', summary: '' },
    },
  });
  const logContact = useWatch({ control: form.control, name: 'logContact' });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const contact = values.logContact ? contactSchema.safeParse(values.contact) : null;
    if (contact && !contact.success) {
      for (const issue of contact.error.issues)
        form.setError(`contact.${String(issue.path[0])}` as 'contact.summary', {
          message: issue.message,
        });
      return;
    }
    try {
      await call('followUp.setStatus', {
        id,
        status: 'done',
        closingContact: contact?.data ?? null,
      });
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      title={t({ defaultMessage: 'Done: {title}', id: 'jksA1+' }, { title })}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <label className="choice">
          <input type="checkbox" {...form.register('logContact')} data-autofocus />{' '}
          {t({ defaultMessage: 'Log the contact that closed it', id: 'MbkpvQ' })}
        </label>
        {logContact && (
          <>
            <div className="row">
              <label className="field">
                <span>{t({ defaultMessage: 'Kind', id: 'e5x8FT' })}</span>
                <select {...form.register('contact.kind')}>
                  {CONTACT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {CONTACT_KIND_WORDS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'Direction', id: 'DZ2Koj' })}</span>
                <select {...form.register('contact.direction')}>
                  {CONTACT_DIRECTIONS.map((d) => (
                    <option key={d} value={d}>
                      {DIRECTION_WORDS[d]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'Tone', id: 'ai/75G' })}</span>
                <select {...form.register('contact.tone')}>
                  {CONTACT_TONES.map((t) => (
                    <option key={t} value={t}>
                      {TONE_WORDS[t]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="field">
              <span>{t({ defaultMessage: 'What was said', id: 'FMkiH9' })}</span>
              <textarea
                rows={2}
                {...form.register('contact.summary')}
                aria-invalid={!!errors.contact?.summary}
              />
              <FieldError
                field={t({ defaultMessage: 'Summary', id: 'RrCui3' })}
                message={errors.contact?.summary?.message}
              />
            </label>
          </>
        )}
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={t({ defaultMessage: 'Mark done', id: 'tQpQon' })}

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
