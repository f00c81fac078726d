import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipRoster } from '../../contract/roster/files';
import { RosterError, type RosterIssue } from '../../contract/roster/issues';
import { parseRoster } from '../../contract/roster/parse';

const ORGS = 'sourcedId,status,name,type\ns1,,Riverside Elementary,school\n';
const HEADER =
  'sourcedId,status,enabledUser,orgSourcedIds,role,givenName,familyName,email,phone,sms,agentSourcedIds,grades\n';

const roster = (users: string, extra: Record<string, string> = {}) =>
  new Map(Object.entries({ 'orgs.csv': ORGS, 'users.csv': HEADER + users, ...extra }));

function issuesOf(files: Map<string, string>): RosterIssue[] {
  try {
    parseRoster(files);
  } catch (error) {
    if (error instanceof RosterError) return error.issues;
    throw error;
  }
  throw new Error('expected the roster to be refused');
}

describe('OneRoster CSV', () => {
  it('reads 1.1 users with their roles, phones and agents, a byte-order mark and quoted commas', () => {
    const parsed = parseRoster(
      roster(
        'u1,,true,s1,student,Ana,"Núñez, Jr.",,,,"p1, p2",03\n' +
          'p1,active,false,s1,parent,Rosa,Núñez,rosa@example.org,555-1234,555-1234,u1,\n' +
          'p2,inactive,,s1,guardian,Luis,Núñez,,,,u1,\n',
        { 'orgs.csv': `\uFEFF${ORGS}` },
      ),
    );
    expect(parsed).toMatchObject({ version: '1.1', mode: 'bulk' });
    expect(parsed.users).toEqual([
      expect.objectContaining({
        line: 2,
        familyName: 'Núñez, Jr.',
        roles: [{ role: 'student', org: 's1' }],
        agentSourcedIds: ['p1', 'p2'],
        grades: ['03'],
      }),
      // The same number as phone and sms is kept once; enabledUser false is read.
      expect.objectContaining({ line: 3, enabled: false, phones: ['555-1234'] }),
      // OneRoster 1.0's "inactive" means what later versions call tobedeleted.
      expect.objectContaining({ line: 4, status: 'tobedeleted' }),
    ]);
  });

  it('names the line a record starts on, even after a value that spans lines', () => {
    // middleName is a column Hearth ignores; a SIS may put a line break in it.
    const users =
      'sourcedId,role,orgSourcedIds,givenName,familyName,middleName\n' +
      'u1,student,s1,Ana,Núñez,"first\nsecond"\nu2,student,s1,Bo,Lee,\nu3,teacher,s1,,Kim,\n';
    expect(
      issuesOf(
        new Map([
          ['orgs.csv', ORGS],
          ['users.csv', users],
        ]),
      ),
    ).toEqual([{ file: 'users.csv', line: 5, field: 'givenName', message: 'cannot be empty' }]);
  });

  it('refuses unknown orgs, repeated ids, 1.2 users without roles and a delta manifest is read', () => {
    expect(
      issuesOf(roster('u1,,,s9,student,Ana,Lee,,,,,K\nu1,,,s1,student,Ana,Lee,,,,,K\n')),
    ).toEqual([
      {
        file: 'users.csv',
        line: 2,
        field: 'orgSourcedIds',
        message: 'names an org that is not in orgs.csv (s9)',
      },
      { file: 'users.csv', line: 3, field: 'sourcedId', message: 'appears twice' },
    ]);
    const v12 = new Map(
      Object.entries({
        'orgs.csv': ORGS,
        'users.csv': 'sourcedId,status,enabledUser,givenName,familyName\nu1,,,Ana,Lee\n',
        'roles.csv': 'userSourcedId,role,orgSourcedId\n',
      }),
    );
    expect(issuesOf(v12)).toEqual([
      expect.objectContaining({ file: 'roles.csv', message: expect.stringContaining('u1') }),
    ]);
    const delta = roster('u1,,,s1,student,Ana,Lee,,,,,K\n', {
      'manifest.csv': 'propertyName,value\nfile.users,delta\n',
    });
    expect(parseRoster(delta).mode).toBe('delta');
    // A delta file may leave out the orgs it does not change, and name orgs imported before;
    // a bulk file may not.
    const onlyUsers = (manifest: string) =>
      new Map(
        Object.entries({
          'manifest.csv': `propertyName,value\n${manifest}`,
          'users.csv': `${HEADER}u1,,,s7,student,Ana,Lee,,,,,K\n`,
        }),
      );
    expect(parseRoster(onlyUsers('file.users,delta\nfile.orgs,absent\n'))).toMatchObject({
      mode: 'delta',
      orgs: [],
      users: [expect.objectContaining({ roles: [{ role: 'student', org: 's7' }] })],
    });
    expect(issuesOf(onlyUsers('file.users,bulk\nfile.orgs,absent\n'))).toEqual([
      { file: 'orgs.csv', line: 0, field: '', message: 'is missing from the roster' },
    ]);
    expect(issuesOf(onlyUsers('file.users,delta\nfile.orgs,delta\n'))).toEqual([
      { file: 'orgs.csv', line: 0, field: '', message: 'is missing from the roster' },
    ]);
  });

  it('names a missing or misspelled column once per file, with the header it found', () => {
    const misspelled = new Map([
      ['orgs.csv', 'sourcedId,status,name,orgType\ns1,,Riverside,school\ns2,,Hillside,school\n'],
      ['users.csv', `${HEADER.replace('givenName', 'firstName')}u1,,,s1,student,Ana,Lee,,,,,K\n`],
    ]);
    expect(issuesOf(misspelled)).toEqual([
      {
        file: 'orgs.csv',
        line: 1,
        field: 'type',
        message:
          'is a column it needs and not in its header, which has: sourcedId, status, name, orgType',
      },
      {
        file: 'users.csv',
        line: 1,
        field: 'givenName',
        message: expect.stringContaining('which has: sourcedId, status, enabledUser'),
      },
    ]);
    // A 1.2 manifest that lists roles.csv names it when the file is not there.
    expect(
      issuesOf(
        roster('u1,,,s1,student,Ana,Lee,,,,,K\n', {
          'manifest.csv': 'propertyName,value\nfile.roles,bulk\nfile.users,bulk\n',
        }),
      ),
    ).toEqual([
      {
        file: 'roles.csv',
        line: 0,
        field: '',
        message: 'is listed in manifest.csv but missing from the roster',
      },
    ]);
  });

  it('refuses a repeated id in every file and a reference to no one, in file and line order', () => {
    const files = new Map(
      Object.entries({
        'orgs.csv': `${ORGS}s1,,Riverside again,school\n`,
        'users.csv':
          'sourcedId,status,enabledUser,givenName,familyName,agentSourcedIds\n' +
          'u1,,,Ana,Lee,p9\np1,,,Rosa,Lee,u1\n',
        'roles.csv':
          'sourcedId,userSourcedId,role,orgSourcedId\n' +
          'r1,u1,student,s1\nr2,p1,parent,s1\nr3,u7,teacher,s1\nr4,p1,parent,s8\nr4,p1,parent,s1\n',
        'demographics.csv': 'sourcedId,birthDate\nu1,2015-09-01\nu1,2015-09-01\n',
        'classes.csv': 'sourcedId,title\nc1,Grade 3 Reading\n',
        'enrollments.csv':
          'sourcedId,classSourcedId,userSourcedId,role\n' +
          'e1,c1,u1,student\ne1,c1,u1,student\ne2,c9,u1,student\ne3,c1,u5,student\n',
      }),
    );
    expect(issuesOf(files).map((i) => [i.file, i.line, i.field, i.message])).toEqual([
      ['demographics.csv', 3, 'sourcedId', 'appears twice'],
      ['enrollments.csv', 3, 'sourcedId', 'appears twice'],
      ['enrollments.csv', 4, 'classSourcedId', 'names a class that is not in classes.csv (c9)'],
      ['enrollments.csv', 5, 'userSourcedId', 'names a user that is not in users.csv (u5)'],
      ['orgs.csv', 3, 'sourcedId', 'appears twice'],
      ['roles.csv', 4, 'userSourcedId', 'names a user that is not in users.csv (u7)'],
      ['roles.csv', 5, 'orgSourcedId', 'names an org that is not in orgs.csv (s8)'],
      ['roles.csv', 6, 'sourcedId', 'appears twice'],
      ['users.csv', 2, 'agentSourcedIds', 'names a user that is not in users.csv (p9)'],
    ]);
    // A delta file may name people and classes an earlier import brought.
    files.set('manifest.csv', 'propertyName,value\nfile.users,delta\n');
    expect(issuesOf(files).map((i) => i.file)).toEqual([
      'demographics.csv',
      'enrollments.csv',
      'orgs.csv',
      'roles.csv',
    ]);
  });

  it('takes the CSV files out of a zip, in a folder or not, and refuses what is not a zip', () => {
    const zip = zipSync({
      'Export/ORGS.CSV': strToU8(ORGS),
      'users.csv': strToU8(HEADER),
      'notes.txt': strToU8('ignored'),
    });
    expect([...unzipRoster(zip).keys()].sort()).toEqual(['orgs.csv', 'users.csv']);
    expect(() => unzipRoster(strToU8('PK not really'))).toThrow(RosterError);
  });

  it('refuses a zip that inflates past the limit while inflating, whatever sizes it declares', () => {
    const big = strToU8(HEADER + 'u1,,,s1,student,Ana,Lee,,,,,K\n'.repeat(70_000)); // ~2 MB
    const zip = zipSync({ 'orgs.csv': strToU8(ORGS), 'users.csv': big });
    expect(zip.length).toBeLessThan(100_000);
    const tooLarge = [
      { file: 'users.csv', line: 0, field: '', message: 'the roster is too large to import' },
    ];
    const refusalOf = (bytes: Uint8Array, max: number) => {
      try {
        unzipRoster(bytes, max);
        return null;
      } catch (error) {
        return (error as RosterError).issues;
      }
    };
    expect(refusalOf(zip, 1_000_000)).toEqual(tooLarge);
    // The same zip claiming users.csv is 10 bytes, in its file header and its directory.
    const forged = zip.slice();
    const view = new DataView(forged.buffer);
    for (let at = 0; at + 4 <= forged.length; at++) {
      const signature = view.getUint32(at, true);
      const nameAt = signature === 0x04034b50 ? at + 30 : signature === 0x02014b50 ? at + 46 : -1;
      if (
        nameAt < 0 ||
        new TextDecoder().decode(forged.subarray(nameAt, nameAt + 9)) !== 'users.csv'
      )
        continue;
      view.setUint32(signature === 0x04034b50 ? at + 22 : at + 24, 10, true);
    }
    expect(refusalOf(forged, 1_000_000)).toEqual(tooLarge);
    expect(unzipRoster(zip, 3_000_000).get('users.csv')).toHaveLength(big.length);
  });
});
