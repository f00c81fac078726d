import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Person, Student } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { fullName } from '../../ui/format';
import { showIssues } from '../../ui/forms';
import type { cleanStudent } from './familyForm';
import {
  blankStudent,
  relationshipSuggestions,
  studentFormSchema,
  type StudentForm,
} from './familyForm';
import { t } from '../../i18n/intl';
import { StudentFields } from './StudentFields';

interface LinkChoice {
  personId: string;
  chosen: boolean;
  relationship: string;
  legalGuardian: boolean;
}

interface StudentDialogProps {
  /** Edit this student; without one, add a student to the family. */
  student?: Student;
  /** The family's people, offered as the new student's links. */
  members: Person[];
  onDone: (saved: boolean) => void;
}

const toForm = (s: Student): StudentForm => ({
  firstName: s.firstName,
  lastName: s.lastName,
  preferredName: s.preferredName ?? '',
  grade: s.grade,
  dateOfBirth: s.dateOfBirth ?? '',
  pronouns: s.pronouns ?? '',
});

/**
 * Add a student to a family (linked to the people chosen), or change a student's details.
 * Where the district's roster keeps a student's name and grade, those show but do not change.
 */
export function StudentDialog({ student, members, onDone }: StudentDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const sync = useCall('sync.status', {});
  const rosterOwned = student?.source === 'roster' && sync.data?.joined === true;
  const form = useForm<StudentForm, unknown, ReturnType<typeof cleanStudent>>({
    resolver: zodResolver(studentFormSchema),
    defaultValues: student ? toForm(student) : blankStudent(members[0]?.lastName ?? ''),
  });
  const [links, setLinks] = useState<LinkChoice[]>(
    members.map((m) => ({
      personId: m.id,
      chosen: m.kind === 'caregiver',
      relationship: '',
      legalGuardian: m.kind === 'caregiver',
    })),
  );
  const [linkError, setLinkError] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;
  const change = (i: number, patch: Partial<LinkChoice>) =>
    setLinks((old) => old.map((l, at) => (at === i ? { ...l, ...patch } : l)));

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setLinkError(null);
    const chosen = links.filter((l) => l.chosen);
    if (!student && chosen.some((l) => !l.relationship.trim())) {
      setLinkError(
        t({
          defaultMessage: 'Say how each person chosen is related to the student.',
          id: 'N7gO5R',
        }),
      );
      return;
    }
    try {
      if (student) {
        const { firstName, lastName, grade, ...rest } = values;
        await call('student.update', {
          id: student.id,
          ...rest,
          ...(rosterOwned ? {} : { firstName, lastName, grade }),
        });
      } else
        await call('student.create', {
          ...values,
          links: chosen.map((l) => ({
            personId: l.personId,
            relationship: l.relationship.trim(),
            legalGuardian: l.legalGuardian,
            livesWith: true,
            emergencyContact: l.legalGuardian,
          })),
        });
      onDone(true);
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <Dialog
      size="wide"
      title={
        student
          ? t({ defaultMessage: '{name}: details', id: 'l4/TRN' }, { name: fullName(student) })
          : t({ defaultMessage: 'Add a student to this family', id: 'I3Ab0h' })
      }
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <StudentFields
          register={(name) => form.register(name)}
          errors={errors}
          rosterOwned={rosterOwned}
          autoFocus
        />
        {!student && members.length > 0 && (
          <fieldset className="stack member-fields">
            <legend>{t({ defaultMessage: 'Who they are linked to', id: 'mrOLk4' })}</legend>
            <datalist id="relationships">
              {relationshipSuggestions().map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
            {members.map((m, i) => (
              <div className="row compact wrap" key={m.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={links[i]?.chosen ?? false}
                    onChange={(e) => change(i, { chosen: e.target.checked })}
                  />{' '}
                  {fullName(m)}
                </label>
                {links[i]?.chosen && (
                  <>
                    <label className="field inline">
                      <span>{t({ defaultMessage: 'Relationship', id: '/OEORY' })}</span>
                      <input
                        list="relationships"
                        value={links[i]?.relationship ?? ''}
                        onChange={(e) => change(i, { relationship: e.target.value })}
                      />
                    </label>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={links[i]?.legalGuardian ?? false}
                        onChange={(e) => change(i, { legalGuardian: e.target.checked })}
                      />{' '}
                      {t({ defaultMessage: 'Legal guardian', id: 'zvol9j' })}
                    </label>
                  </>
                )}
              </div>
            ))}
            {linkError && (
              <p className="field-error" role="alert">
                {linkError}
              </p>
            )}
          </fieldset>
        )}
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={
            student
              ? t({ defaultMessage: 'Save', id: 'jvo0vs' })
              : t({ defaultMessage: 'Add student', id: '2v/Wk3' })
          }
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}

/** The student dialog for a student known by id: their whole record is read first. */
export function EditStudentDialog({
  studentId,
  onDone,
}: {
  studentId: string;
  onDone: (saved: boolean) => void;
}) {
  const record = useCall('student.get', { id: studentId });
  if (record.error !== undefined)
    return (
      <Dialog
        title={t({ defaultMessage: 'Student details', id: 'FvUbXg' })}
        onCancel={() => onDone(false)}
      >
        <p role="alert" className="error-text">
          {errorMessage(record.error)}
        </p>
      </Dialog>
    );
  if (!record.data) return null;
  return <StudentDialog student={record.data.student} members={[]} onDone={onDone} />;
}
