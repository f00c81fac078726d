import { describe, expect, it } from 'vitest';
import { VOICE_NOT_YET_HEARD, newId } from '../../contract';
import { refusal as refusalWords } from '../../server/sync/permissions';

/** The refusal's English, as the server keeps it. */
const refusal = (...args: Parameters<typeof refusalWords>) =>
  refusalWords(...args)?.defaultMessage ?? null;

/** The server's rules for events: append-only, but a merge may move them to the kept person. */
const writer = { id: newId(), teams: ['health'], role: 'nurse' };
const contact = {
  id: newId(),
  personId: newId(),
  summary: 'Called about the field trip.',
  tone: 'information',
};
const visit = { id: newId(), personId: newId(), visitorName: 'Ada', signedOutAt: null };

describe('server permissions for events', () => {
  it('lets a merge move a contact, a visit or a note to the kept person, and nothing else change', () => {
    const kept = newId();
    expect(refusal('contacts', contact, { ...contact, personId: kept }, writer)).toBeNull();
    expect(refusal('contacts', contact, { ...contact, tone: 'concern' }, writer)).toMatch(
      /never changed/,
    );
    const note = {
      id: newId(),
      personId: null,
      authorId: writer.id,
      visibility: 'staff',
      body: 'x',
    };
    expect(refusal('notes', note, { ...note, personId: kept }, writer)).toBeNull();
    expect(refusal('notes', note, { ...note, body: 'y' }, writer)).toMatch(/new revision/);
    expect(refusal('visits', visit, { ...visit, personId: kept }, writer)).toBeNull();
  });

  it('lets a student merge move contacts, visits, notes and even a private follow-up of someone else to the kept student', () => {
    const kept = newId();
    const old = newId();
    const listed = { ...contact, studentIds: [old, newId()] };
    expect(refusal('contacts', listed, { ...listed, studentIds: [kept] }, writer)).toBeNull();
    const note = { id: newId(), studentId: old, authorId: newId(), visibility: 'staff', body: 'x' };
    expect(refusal('notes', note, { ...note, studentId: kept }, writer)).toBeNull();
    const followUp = {
      id: newId(),
      studentId: old,
      createdBy: newId(),
      assigneeId: null,
      visibility: 'private',
      status: 'open',
    };
    expect(refusal('follow_ups', followUp, { ...followUp, studentId: kept }, writer)).toBeNull();
    expect(refusal('follow_ups', followUp, { ...followUp, status: 'done' }, writer)).toMatch(
      /private/,
    );
  });

  it('records a strength’s invitation and then its contribution, each once', () => {
    const strength = { id: newId(), consent: 'staff', recordedBy: newId(), invitedAt: null };
    const invited = { ...strength, invitedAt: '2026-11-02T15:00:00Z', invitedBy: writer.id };
    expect(refusal('strengths', strength, invited, writer)).toBeNull();
    expect(
      refusal(
        'strengths',
        strength,
        { ...strength, contributedAt: '2026-11-03T15:00:00Z' },
        writer,
      ),
    ).toMatch(/invited to share this strength first/);
    expect(
      refusal('strengths', invited, { ...invited, invitedAt: '2026-11-05T15:00:00Z' }, writer),
    ).toMatch(/already recorded/);
    const contributed = {
      ...invited,
      contributedAt: '2026-11-09T15:00:00Z',
      contributedBy: writer.id,
    };
    expect(refusal('strengths', invited, contributed, writer)).toBeNull();
  });

  it('takes school goals only from administrators and coordinators', () => {
    const goal = { id: newId(), title: 'Good news for every family', target: 100 };
    expect(refusal('school_goals', null, goal, writer)).toMatch(/administrator or a family/);
    expect(refusal('school_goals', null, goal, { ...writer, role: 'coordinator' })).toBeNull();
    expect(
      refusal('school_goals', goal, { ...goal, target: 80 }, { ...writer, role: 'administrator' }),
    ).toBeNull();
  });

  it('takes the nurse’s office records only from the health team, and keeps an ended visit as it was', () => {
    const visit = { id: newId(), visibility: 'team:health', leftAt: null, sealed: { box: 'a' } };
    const office = { ...writer, teams: [], role: 'front_office' };
    expect(refusal('health_visits', null, visit, writer)).toBeNull();
    expect(refusal('health_visits', null, visit, office)).toMatch(/Only the health team/);
    expect(refusal('health_profiles', null, visit, office)).toMatch(/Only the health team/);
    const ended = { ...visit, leftAt: '2026-12-04T15:00:00Z' };
    expect(refusal('health_visits', visit, ended, writer)).toBeNull();
    expect(refusal('health_visits', ended, { ...ended, sealed: { box: 'b' } }, writer)).toMatch(
      /has ended/,
    );
  });

  it('keeps a stopped medication order stopped and every dose entry as first written', () => {
    const order = {
      id: newId(),
      visibility: 'team:health',
      status: 'active',
      sealed: { box: 'a' },
    };
    const office = { ...writer, teams: [], role: 'front_office' };
    expect(refusal('med_orders', null, order, office)).toMatch(/Only the health team/);
    const stopped = { ...order, status: 'stopped' };
    expect(refusal('med_orders', order, stopped, writer)).toBeNull();
    expect(refusal('med_orders', stopped, order, writer)).toMatch(/has stopped/);
    const dose = { id: newId(), visibility: 'team:health', correctsId: null, sealed: { box: 'a' } };
    expect(refusal('med_doses', null, dose, writer)).toBeNull();
    expect(refusal('med_doses', null, dose, office)).toMatch(/Only the health team/);
    expect(refusal('med_doses', dose, { ...dose, sealed: { box: 'b' } }, writer)).toMatch(
      /never changed/,
    );
  });

  it('takes the school’s caution list only from administrators', () => {
    const entry = { id: newId(), fullName: 'Dale Whitcomb', reason: 'Trespass notice' };
    expect(refusal('caution_entries', null, entry, writer)).toMatch(/Only an administrator keeps/);
    expect(
      refusal('caution_entries', entry, { ...entry, retiredAt: '2026-12-04T15:00:00Z' }, writer),
    ).toMatch(/Only an administrator keeps/);
    expect(
      refusal('caution_entries', null, entry, { ...writer, role: 'administrator' }),
    ).toBeNull();
  });

  it('signs a visitor out once, and never rewrites a visit or a disclosure', () => {
    const out = { ...visit, signedOutAt: '2026-12-02T15:00:00Z' };
    expect(refusal('visits', visit, out, writer)).toBeNull();
    expect(refusal('visits', out, { ...out, signedOutAt: '2026-12-02T16:00:00Z' }, writer)).toMatch(
      /already signed out/,
    );
    expect(refusal('visits', visit, { ...visit, visitorName: 'Someone else' }, writer)).toMatch(
      /never changed/,
    );
    // Leaving with a warning acknowledged is part of signing out, once.
    const warnedOut = {
      ...out,
      signOutWarnings: [{ studentId: newId(), status: 'not_allowed' }],
      signOutAcknowledgedAt: out.signedOutAt,
    };
    expect(refusal('visits', visit, warnedOut, writer)).toBeNull();
    expect(refusal('visits', out, warnedOut, writer)).toMatch(/already signed out/);
    expect(
      refusal('visits', visit, { ...visit, signOutAcknowledgedAt: out.signedOutAt }, writer),
    ).toMatch(/never changed/);
    expect(
      refusal('visits', visit, { ...visit, guardianConfirmation: { name: 'X' } }, writer),
    ).toMatch(/never changed/);
    const disclosure = { id: newId(), recipient: 'District office' };
    expect(refusal('disclosures', null, disclosure, writer)).toBeNull();
    expect(
      refusal('disclosures', disclosure, { ...disclosure, recipient: 'Other' }, writer),
    ).toMatch(/never changed/);
  });
});

describe('server rules for status fields', () => {
  const homeVisit = { id: newId(), status: 'planned', summary: null, personId: newId() };

  it('closes a planned home visit once, and never changes a closed one', () => {
    const completed = { ...homeVisit, status: 'completed', summary: 'Met at home.' };
    expect(refusal('home_visits', homeVisit, completed, writer)).toBeNull();
    expect(
      refusal('home_visits', completed, { ...completed, status: 'cancelled' }, writer),
    ).toMatch(/already marked completed/);
    expect(refusal('home_visits', completed, { ...completed, summary: 'Other.' }, writer)).toMatch(
      /already marked completed/,
    );
    const declined = { ...homeVisit, status: 'declined' };
    expect(refusal('home_visits', declined, { ...declined, status: 'planned' }, writer)).toMatch(
      /already marked declined/,
    );
    // A merge of duplicate people still moves it.
    expect(
      refusal('home_visits', completed, { ...completed, personId: newId() }, writer),
    ).toBeNull();
  });

  it('takes a family voice item’s steps in order, each once', () => {
    const raised = { id: newId(), ...VOICE_NOT_YET_HEARD };
    const heard = { ...raised, heardBy: writer.id, heardAt: '2026-12-02T15:00:00Z' };
    const acted = { ...heard, actedBy: writer.id, actedAt: '2026-12-02T16:00:00Z', actedNote: 'x' };
    expect(refusal('voice_items', raised, heard, writer)).toBeNull();
    expect(refusal('voice_items', heard, acted, writer)).toBeNull();
    expect(refusal('voice_items', raised, { ...raised, actedAt: acted.actedAt }, writer)).toMatch(
      /heard first/,
    );
    expect(
      refusal(
        'voice_items',
        acted,
        { ...acted, toldAt: '2026-12-02T17:00:00Z', actedAt: null },
        writer,
      ),
    ).toMatch(/acted on first|already marked acted/);
    // Two computers marking it heard: the second is refused, not silently replaced.
    expect(
      refusal(
        'voice_items',
        heard,
        { ...heard, heardBy: newId(), heardAt: '2026-12-02T15:05:00Z' },
        writer,
      ),
    ).toMatch(/already marked heard/);
    expect(refusal('voice_items', null, acted, writer)).toBeNull();
  });
});
