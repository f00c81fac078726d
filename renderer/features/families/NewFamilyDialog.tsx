import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { Household } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { showIssues } from '../../ui/forms';
import {
  blankMember,
  blankStudent,
  cleanFamily,
  familyFormSchema,
  relationshipSuggestions,
  type FamilyForm,
} from './familyForm';
import { MemberFields } from './MemberFields';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';
import { StudentFields } from './StudentFields';

interface NewFamilyDialogProps {
  /** Someone already in Hearth who starts the family (the visitor at the desk). */
  first?: { id: string; name: string; lastName: string | null };
  /** The walk-in the family is started from (enrollment): it joins their history. */
  visitId?: string;
  onDone: (created: Household | null) => void;
}

/**
 * Add a family in one step: its name and address, its people (with the duplicate check) and
 * its students. Every person is linked to every student with what the form says; a link can
 * be changed afterwards on the family's page.
 */
export function NewFamilyDialog({ first, visitId, onDone }: NewFamilyDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const lastName = first?.lastName ?? '';
  const firstMember = first
    ? { ...blankMember(lastName), existing: { id: first.id, name: first.name } }
    : blankMember();
  const form = useForm<FamilyForm, unknown, unknown>({
    resolver: zodResolver(familyFormSchema),
    defaultValues: {
      name: lastName ? `${lastName} family` : '',
      address: '',
      members: [firstMember],
      students: first ? [blankStudent(lastName)] : [],
    },
  });
  const members = useFieldArray({ control: form.control, name: 'members' });
  // The family is named after its first person until someone types a name of their own.
  const firstLastName = useWatch({ control: form.control, name: 'members.0.person.lastName' });
  useEffect(() => {
    if (!form.getFieldState('name').isDirty && firstLastName?.trim())
      form.setValue('name', `${firstLastName.trim()} family`);
  }, [firstLastName, form]);
  const students = useFieldArray({ control: form.control, name: 'students' });
  const { errors, isSubmitting } = form.formState;
  // Which people (by their row's key) the duplicate check matched: they must be chosen or
  // confirmed as new.
  const [warned, setWarned] = useState<ReadonlySet<string>>(new Set());
  const onWarned = useCallback(
    (key: string, isWarned: boolean) =>
      setWarned((old) => {
        if (old.has(key) === isWarned) return old;
        const next = new Set(old);
        if (isWarned) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );

  const submit = form.handleSubmit(async () => {
    setError(null);
    const values = form.getValues();
    const unconfirmed = values.members.flatMap((m, i) =>
      warned.has(members.fields[i]?.id ?? '') && !m.existing && !m.confirmedNew ? [i] : [],
    );
    for (const i of unconfirmed)
      form.setError(`members.${i}.confirmedNew`, {
        message: t({
          defaultMessage: 'Choose the person already in Hearth, or confirm this is someone new.',
          id: 'd/UFve',
        }),
      });
    if (unconfirmed.length > 0) return;
    try {
      onDone(await call('family.create', cleanFamily(values, visitId ?? null)));
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <Dialog
      size="wide"
      title={t({ defaultMessage: 'Add a family', id: 'l30NAj' })}
      onCancel={() => onDone(null)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field grow">
            <span>{t({ defaultMessage: 'Family name', id: 'AeMjAR' })}</span>
            <input
              {...form.register('name')}
              placeholder={t({ defaultMessage: 'e.g. Okafor family', id: '+Buema' })}
              aria-invalid={!!errors.name}
              data-autofocus={first ? true : undefined}
            />
            <FieldError
              field={t({ defaultMessage: 'Family name', id: 'AeMjAR' })}
              message={errors.name?.message}
            />
          </label>
          <label className="field grow">
            <span>{t({ defaultMessage: 'Address (optional)', id: 'TeZhkE' })}</span>
            <input {...form.register('address')} autoComplete="off" />
            <FieldError
              field={t({ defaultMessage: 'Address', id: 'e6Ph5+' })}
              message={errors.address?.message}
            />
          </label>
        </div>
        <datalist id="relationships">
          {relationshipSuggestions().map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <h3>{t({ defaultMessage: 'People', id: 'Tpy00S' })}</h3>
        {members.fields.map((field, index) => (
          <MemberFields
            key={field.id}
            form={form}
            index={index}
            onWarned={(isWarned) => onWarned(field.id, isWarned)}
            onRemove={() => members.remove(index)}
          />
        ))}
        <button
          type="button"
          className="button small"
          onClick={() => members.append(blankMember(form.getValues('members.0.person.lastName')))}
        >
          {t({ defaultMessage: 'Add another person', id: 'HDsOHu' })}
        </button>
        <h3>{t({ defaultMessage: 'Students', id: 'uhwf+D' })}</h3>
        {students.fields.length === 0 && (
          <p className="muted small-text">
            {t({
              defaultMessage: 'No students yet. Add the children who attend here.',
              id: 'NsxRYk',
            })}
          </p>
        )}
        {students.fields.map((field, index) => (
          <fieldset key={field.id} className="stack member-fields">
            <legend>
              {t({ defaultMessage: 'Student {number}', id: 'qvbSww' }, { number: index + 1 })}
            </legend>
            <StudentFields
              register={(name) => form.register(`students.${index}.${name}`)}
              errors={errors.students?.[index]}
            />
            <button type="button" className="link-button" onClick={() => students.remove(index)}>
              {t({ defaultMessage: 'Remove this student', id: '2pDho1' })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() =>
            students.append(
              blankStudent(first?.lastName ?? form.getValues('members.0.person.lastName')),
            )
          }
        >
          {t({ defaultMessage: 'Add a student', id: 'i7ZzJu' })}
        </button>
        <FormActions
          error={error}
          onCancel={() => onDone(null)}
          submitLabel={t({ defaultMessage: 'Add family', id: '4NSBJH' })}

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
