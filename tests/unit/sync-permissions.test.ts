import { describe, expect, it } from 'vitest';
import { newId } from '../../contract';
import { refusal } from '../../server/sync/permissions';

/** The server's rules for events: append-only, but a merge may move them to the kept person. */
const writer = { id: newId(), teams: ['health'] };
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

  it('signs a visitor out once, and never rewrites a visit or a disclosure', () => {
    const out = { ...visit, signedOutAt: '2026-12-02T15:00:00Z' };
    expect(refusal('visits', visit, out, writer)).toBeNull();
    expect(refusal('visits', out, { ...out, signedOutAt: '2026-12-02T16:00:00Z' }, writer)).toMatch(
      /already signed out/,
    );
    expect(refusal('visits', visit, { ...visit, visitorName: 'Someone else' }, writer)).toMatch(
      /never changed/,
    );
    const disclosure = { id: newId(), recipient: 'District office' };
    expect(refusal('disclosures', null, disclosure, writer)).toBeNull();
    expect(
      refusal('disclosures', disclosure, { ...disclosure, recipient: 'Other' }, writer),
    ).toMatch(/never changed/);
  });
});
