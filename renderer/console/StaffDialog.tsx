import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { adminStaffSchema, type AdminStaff } from '../../contract/console';
import { STAFF_ROLES, TEAMS, defaultTeams, type StaffRole } from '../../contract/records';
import { staffAccountInput, staffAccountPatch } from '../../contract/server';
import { t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { Dialog } from '../ui/Dialog';
import { FieldError } from '../ui/FieldError';
import { FormActions } from '../ui/FormActions';
import { showIssues } from '../ui/forms';
import { roleName, teamName } from '../ui/roles';
import { request } from './api';
import { seenWords } from './when';

// One form for adding and changing: a new account needs a password; a change may leave it
// empty (no new password). The contract's schemas check what is sent.
const staffForm = staffAccountInput.omit({ schoolId: true, password: true }).extend({
  password: z.string(),
});
type StaffForm = z.infer<typeof staffForm>;

/** What the roster sets on this account, and what an administrator may still do here. */
function rosterWords(staff: AdminStaff): string {
  if (staff.stoppedInConsoleAt)
    return t(
      {
        defaultMessage:
          'Stopped here {when}. The name comes from the district roster; its imports leave this account stopped until you tick “May sign in” again.',
        id: 'lsa29t',
      },
      { when: seenWords(staff.stoppedInConsoleAt, new Date()) },
    );
  if (!staff.active)
    return t({
      defaultMessage:
        'The district roster has this person as no longer active and sets their name: change them in the student information system, and the next import brings them here.',
      id: 'R0C9yM',
    });
  return t({
    defaultMessage:
      'The name comes from the district roster: change it in the student information system. Untick “May sign in” to stop this account now (each computer stops it at its next sync); the roster’s imports leave it stopped until you allow it again here.',
    id: 'MktPZK',
  });
}

/**
 * Add a staff member to a school, or change one: role, teams, a new password, whether they
 * may sign in, and (for accounts not from the roster) their name. A roster account may be
 * stopped here, and allowed again only if it was stopped here.
 */
export function StaffDialog({
  schoolId,
  staff,
  onDone,
  onCancel,
}: {
  schoolId: string;
  /** null: a new account. */
  staff: AdminStaff | null;
  onDone: (saved: string) => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(staff?.active ?? true);
  const rosterOwned = staff?.fromRoster ?? false;
  // Only the roster can bring back an account it has as gone.
  const rosterStopped = rosterOwned && !staff?.active && !staff?.stoppedInConsoleAt;
  const form = useForm<StaffForm>({
    resolver: zodResolver(
      staff
        ? staffForm.extend({
            email: z.string(),
            password: z.union([z.literal(''), z.string().min(8, 'must be at least 8 characters')]),
          })
        : staffForm.extend({ password: z.string().min(8, 'must be at least 8 characters') }),
    ),
    defaultValues: {
      displayName: staff?.displayName ?? '',
      email: staff?.email ?? '',
      role: staff?.role ?? 'front_office',
      teams: staff?.teams ?? [],
      password: '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      if (staff) {
        const patch = staffAccountPatch.parse({
          role: values.role,
          teams: values.teams,
          ...(rosterOwned ? {} : { displayName: values.displayName }),
          ...(rosterOwned && active === staff.active ? {} : { active }),
          ...(values.password ? { password: values.password } : {}),
        });
        await request('PATCH', `/v1/admin/staff/${staff.id}`, z.unknown(), patch);
        onDone(
          t(
            { defaultMessage: 'Saved the changes to {name}.', id: 'ZsOfwk' },
            { name: values.displayName },
          ),
        );
      } else {
        const created = staffAccountInput.parse({ ...values, schoolId });
        await request('POST', '/v1/admin/staff', adminStaffSchema.pick({ id: true }), created);
        onDone(t({ defaultMessage: 'Added {name}.', id: 'S+inAJ' }, { name: values.displayName }));
      }
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  const role = useWatch({ control: form.control, name: 'role' });
  return (
    <Dialog
      title={
        staff
          ? t({ defaultMessage: 'Change {name}', id: '36I5wj' }, { name: staff.displayName })
          : t({ defaultMessage: 'Add a staff member', id: 'clWz53' })
      }
      size="wide"
      onCancel={onCancel}
    >
      <form onSubmit={submit} noValidate className="staff-form">
        <label className="field">
          <span>{t({ defaultMessage: 'Name', id: 'HAlOn1' })}</span>
          <input
            {...form.register('displayName')}
            readOnly={rosterOwned}
            aria-invalid={!!errors.displayName}
            aria-describedby={rosterOwned ? 'roster-owns' : undefined}
            data-autofocus={staff ? undefined : true}
          />
          <FieldError
            field={t({ defaultMessage: 'The name', id: 'IynmFw' })}
            message={errors.displayName?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Email', id: 'sy+pv5' })}</span>
          <input
            {...form.register('email')}
            type="email"
            readOnly={staff !== null}
            aria-invalid={!!errors.email}
            autoComplete="off"
          />
          <FieldError
            field={t({ defaultMessage: 'The email', id: 'KX82Vv' })}
            message={errors.email?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Role', id: '1ZgrhW' })}</span>
          <select
            {...form.register('role', {
              onChange: (event: { target: { value: StaffRole } }) =>
                form.setValue('teams', defaultTeams(event.target.value)),
            })}
            data-autofocus={staff ? true : undefined}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t({ defaultMessage: 'Teams', id: 'DNeuzb' })}</legend>
          {TEAMS.map((team) => (
            <label key={team} className="check">
              <input type="checkbox" value={team} {...form.register('teams')} />
              {teamName(team)}
            </label>
          ))}
          <span className="muted small-text">
            {role === 'nurse'
              ? t({ defaultMessage: 'Nurses see the health team’s records.', id: 'JjFyZk' })
              : t({
                  defaultMessage: 'A team’s members see the records kept for that team.',
                  id: 'qpbcxB',
                })}
          </span>
        </fieldset>
        <label className="field">
          <span>
            {staff
              ? staff.hasPassword
                ? t({ defaultMessage: 'New password (leave empty to keep theirs)', id: 'lBe/Bz' })
                : t({ defaultMessage: 'First password', id: 'l+bOLD' })
              : t({ defaultMessage: 'Password', id: '5sg7KC' })}
          </span>
          <input
            {...form.register('password')}
            type="password"
            autoComplete="new-password"
            aria-invalid={!!errors.password}
          />
          <FieldError
            field={t({ defaultMessage: 'The password', id: '/fHjCn' })}
            message={errors.password?.message}
          />
        </label>
        {staff && (
          <label className="check">
            <input
              type="checkbox"
              checked={active}
              disabled={rosterStopped}
              aria-describedby={rosterOwned ? 'roster-owns' : undefined}
              onChange={(event) => setActive(event.target.checked)}
            />
            {t({ defaultMessage: 'May sign in to Hearth', id: 'VmRXYx' })}
          </label>
        )}
        {staff && rosterOwned && (
          <p id="roster-owns" className="muted small-text">
            {rosterWords(staff)}
          </p>
        )}
        <FormActions
          error={error}
          onCancel={onCancel}
          busy={isSubmitting}
          submitLabel={
            staff
              ? t({ defaultMessage: 'Save changes', id: 'X0ha1a' })
              : t({ defaultMessage: 'Add', id: '2/2yg+' })
          }
        />
      </form>
    </Dialog>
  );
}
