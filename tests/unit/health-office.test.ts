import { describe, expect, it } from 'vitest';
import { healthSchool as school } from '../health-school';
import { fail, ok, snapshot } from '../helpers';

const ASSESSMENT = 'Wheezing after recess; peak flow 180.';

describe('the nurse’s office visits', () => {
  it('logs a visit the health team alone can read; everyone else sees only that the student is with the nurse', () => {
    const { core, student, as } = school();
    as('Nia Nurse');
    const visit = ok(core, 'health.visitStart', {
      studentId: student.id,
      reason: 'chronic_care',
      assessment: ASSESSMENT,
    });
    expect(visit).toMatchObject({
      studentName: 'Mia Lopez',
      leftAt: null,
      recordedByName: 'Nia Nurse',
      content: { reason: 'chronic_care', assessment: ASSESSMENT, disposition: null },
    });
    // A second press while the student is there is the same visit.
    expect(ok(core, 'health.visitStart', { studentId: student.id, reason: 'illness' }).id).toBe(
      visit.id,
    );
    // Stored sealed: the words are nowhere in the database file's tables.
    expect(
      JSON.stringify(core.store.db.prepare('SELECT * FROM health_visits').all()),
    ).not.toContain('Wheezing');

    as('Omar Office');
    expect(ok(core, 'health.withNurse', {})).toEqual([
      {
        studentId: student.id,
        studentName: 'Mia Lopez',
        grade: '3',
        arrivedAt: visit.arrivedAt,
        releaseToCaregiver: false,
      },
    ]);
    const before = snapshot(core);
    expect(fail(core, 'health.today', {})).toMatchObject({
      code: 'UNAUTHORIZED',
      message:
        'Only the health team records and reads health office visits, health profiles and medications.',
    });
    expect(fail(core, 'health.visitStart', { studentId: student.id, reason: 'injury' }).code).toBe(
      'UNAUTHORIZED',
    );
    expect(snapshot(core)).toBe(before);
  });

  it('sends a student home: the desk may release them to a caregiver, the family’s history says only that the nurse called', () => {
    const { core, student, mother, as, at } = school();
    as('Nia Nurse');
    const visit = ok(core, 'health.visitStart', { studentId: student.id, reason: 'illness' });
    at('2026-12-04T15:30:00Z');
    const ended = ok(core, 'health.visitEnd', {
      id: visit.id,
      reason: 'illness',
      assessment: 'Temperature 101.2 F.',
      careGiven: 'Rested; mother called.',
      disposition: 'sent_home',
      caregiver: { personId: mother.id, name: 'Rosa Lopez', how: 'call' },
    });
    expect(ended).toMatchObject({
      leftAt: '2026-12-04T15:30:00.000Z',
      releaseToCaregiver: true,
      content: {
        disposition: 'sent_home',
        caregiverContact: { personId: mother.id, how: 'call', at: '2026-12-04T15:30:00.000Z' },
      },
    });
    expect(
      fail(core, 'health.visitEnd', {
        id: visit.id,
        reason: 'illness',
        disposition: 'back_to_class',
      }).code,
    ).toBe('CONFLICT');
    expect(ok(core, 'health.today', {}).map((v) => v.id)).toEqual([visit.id]);

    as('Omar Office');
    expect(ok(core, 'health.withNurse', {})).toMatchObject([
      { studentId: student.id, releaseToCaregiver: true },
    ]);
    const [contact] = ok(core, 'contact.forPerson', { personId: mother.id, limit: 10 });
    expect(contact).toMatchObject({
      kind: 'call',
      direction: 'school_to_family',
      language: 'es',
      summary: 'The nurse contacted the family about a health matter.',
      studentIds: [student.id],
    });
    expect(JSON.stringify(contact)).not.toContain('101.2');
    // Signed out at the desk against the pickup list: released, no longer listed.
    at('2026-12-04T15:45:00Z');
    ok(core, 'visit.signIn', {
      visitor: { personId: mother.id },
      studentIds: [student.id],
      purpose: 'pickup',
    });
    expect(ok(core, 'health.withNurse', {})).toEqual([]);

    as('Pat Front');
    const reads = ok(core, 'audit.list', {}).filter((e) => e.recordType === 'health_visit');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.studentId === student.id && e.staffName === 'Nia Nurse')).toBe(
      true,
    );
  });

  it('asks who picked the student up, and writes nothing without it', () => {
    const { core, student, as } = school();
    as('Nia Nurse');
    const visit = ok(core, 'health.visitStart', { studentId: student.id, reason: 'injury' });
    const before = snapshot(core);
    expect(
      fail(core, 'health.visitEnd', { id: visit.id, reason: 'injury', disposition: 'picked_up' }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'pickedUpBy', message: 'say who picked the student up' }],
    });
    expect(snapshot(core)).toBe(before);
  });
});

describe('a student’s health profile', () => {
  const PLAN = {
    allergies: [{ allergen: 'Peanuts', severity: 'life_threatening' as const, reaction: 'Hives' }],
    conditions: [{ kind: 'asthma' as const, note: 'Inhaler in backpack' }],
    carePlan: {
      summary: 'Epinephrine auto-injector, then call 911.',
      keptAt: 'Health office binder',
      prescriber: 'Dr. Osei',
      reviewOn: '2027-08-01',
    },
  };

  it('is the health team’s; others learn of a care plan only with the family’s consent, and nothing else', () => {
    const { core, student, as } = school();
    as('Nia Nurse');
    const saved = ok(core, 'health.saveProfile', {
      studentId: student.id,
      consent: 'declined',
      ...PLAN,
    });
    expect(saved).toMatchObject({ id: student.id, sharedFlag: false, content: PLAN });
    const raw = JSON.stringify(core.store.db.prepare('SELECT * FROM health_profiles').all());
    expect(raw).not.toContain('Peanuts');
    expect(raw).not.toContain('asthma');
    expect(raw).not.toContain('declined');

    as('Omar Office');
    expect(ok(core, 'health.flag', { studentId: student.id })).toEqual({ carePlan: false });
    expect(fail(core, 'health.profile', { studentId: student.id }).code).toBe('UNAUTHORIZED');

    as('Nia Nurse');
    const agreed = ok(core, 'health.saveProfile', {
      studentId: student.id,
      consent: 'agreed',
      ...PLAN,
    });
    expect(agreed).toMatchObject({ sharedFlag: true, content: { consent: 'agreed' } });
    expect(agreed.content?.consentRecordedAt).toEqual(expect.any(String));
    as('Omar Office');
    expect(ok(core, 'health.flag', { studentId: student.id })).toEqual({ carePlan: true });

    // Without a care plan there is nothing to flag, whatever the consent.
    as('Nia Nurse');
    ok(core, 'health.saveProfile', {
      studentId: student.id,
      consent: 'agreed',
      ...PLAN,
      carePlan: null,
    });
    as('Omar Office');
    expect(ok(core, 'health.flag', { studentId: student.id })).toEqual({ carePlan: false });

    as('Pat Front');
    const actions = ok(core, 'audit.list', {})
      .filter((e) => e.recordType === 'health_profile')
      .map((e) => e.action);
    expect(actions).toContain('create');
    expect(actions).toContain('revise');
    expect(actions).toContain('read');
  });
});

describe('a note for the family about a visit', () => {
  it('is recorded as a contact with no health content, and as a disclosure unless it goes to a legal guardian', () => {
    const { core, student, mother, as } = school();
    as('Nia Nurse');
    const visit = ok(core, 'health.visitStart', { studentId: student.id, reason: 'injury' });
    const note = {
      visitId: visit.id,
      personId: mother.id,
      forFamily: 'Scraped knee at recess; cleaned and bandaged.',
    };
    const before = snapshot(core);
    expect(fail(core, 'health.familyNote', note)).toMatchObject({
      code: 'CONFLICT',
      message: 'End the visit first: the note tells the family how it ended.',
    });
    expect(snapshot(core)).toBe(before);
    ok(core, 'health.visitEnd', { id: visit.id, reason: 'injury', disposition: 'back_to_class' });

    const sent = ok(core, 'health.familyNote', note);
    expect(sent).toMatchObject({
      studentName: 'Mia Lopez',
      disposition: 'back_to_class',
      nurseName: 'Nia Nurse',
      recipientName: 'Rosa Lopez',
      language: 'es',
      forFamily: note.forFamily,
    });
    // Rosa is not marked Mia's legal guardian: the note leaving the school is a disclosure.
    const disclosures = () =>
      core.store.db.prepare('SELECT recipient, description FROM disclosures').all();
    expect(disclosures()).toEqual([
      {
        recipient: 'Rosa Lopez',
        description: 'A note about Mia Lopez’s visit to the health office (printed page)',
      },
    ]);
    as('Omar Office');
    const [contact] = ok(core, 'contact.forPerson', { personId: mother.id, limit: 10 });
    expect(contact).toMatchObject({
      id: sent.contactId,
      kind: 'note_home',
      language: 'es',
      summary: 'The nurse sent a note home about a visit to the health office.',
    });
    expect(JSON.stringify(contact)).not.toContain('knee');
    expect(fail(core, 'health.familyNote', note).code).toBe('UNAUTHORIZED');

    as('Nia Nurse');
    ok(core, 'link.set', {
      studentId: student.id,
      personId: mother.id,
      relationship: 'Mother',
      legalGuardian: true,
      pickup: 'allowed',
    });
    expect(ok(core, 'health.familyNote', note).disclosureId).toBeNull();
    expect(disclosures()).toHaveLength(1);
  });
});
