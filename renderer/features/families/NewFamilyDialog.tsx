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
        message: 'Choose the person already in Hearth, or confirm this is someone new.',
      });
    if (unconfirmed.length > 0) return;
    try {
      onDone(await call('family.create', cleanFamily(values, visitId ?? null)));
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <Dialog size="wide" title="Add a family" onCancel={() => onDone(null)}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field grow">
            <span>Family name</span>
            <input
              {...form.register('name')}
              placeholder="e.g. Okafor family"
              aria-invalid={!!errors.name}
              data-autofocus={first ? true : undefined}
            />
            {errors.name && <span className="field-error">Family name {errors.name.message}</span>}
          </label>
          <label className="field grow">
            <span>Address (optional)</span>
            <input {...form.register('address')} autoComplete="off" />
            {errors.address && (
              <span className="field-error">Address {errors.address.message}</span>
            )}
          </label>
        </div>
        <datalist id="relationships">
          {relationshipSuggestions().map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <h3>People</h3>
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
          Add another person
        </button>
        <h3>Students</h3>
        {students.fields.length === 0 && (
          <p className="muted small-text">No students yet. Add the children who attend here.</p>
        )}
        {students.fields.map((field, index) => (
          <fieldset key={field.id} className="stack member-fields">
            <legend>Student {index + 1}</legend>
            <StudentFields
              register={(name) => form.register(`students.${index}.${name}`)}
              errors={errors.students?.[index]}
            />
            <button type="button" className="link-button" onClick={() => students.remove(index)}>
              Remove this student
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
          Add a student
        </button>
        <FormActions
          error={error}
          onCancel={() => onDone(null)}
          submitLabel="Add family"
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
