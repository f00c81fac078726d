import { describe, expect, it } from 'vitest';
import { computerHeader, readComputerHeader } from '../../contract';

/** What a computer tells the district about itself (contract/sync.ts COMPUTER_HEADER). */
describe('the computer state header', () => {
  it('reads back what a computer writes', () => {
    const state = { appVersion: '1.4.0-beta.2', changesWaiting: 12, conflictsWaiting: 1 };
    expect(computerHeader(state)).toBe('version=1.4.0-beta.2; changes=12; conflicts=1');
    expect(readComputerHeader(computerHeader(state))).toEqual(state);
  });

  it('ignores anything else, rather than storing it', () => {
    for (const value of [
      undefined,
      '',
      ['version=1.0.0; changes=1; conflicts=0'],
      'version=1.0.0; changes=-1; conflicts=0',
      'version=1.0.0; changes=1',
      "version=1.0.0'; changes=1; conflicts=0",
      `version=${'9'.repeat(41)}; changes=1; conflicts=0`,
      'version=1.0.0; changes=1234567890; conflicts=0',
      'version=1.0.0; changes=1; conflicts=0; more=1',
    ])
      expect(readComputerHeader(value), JSON.stringify(value)).toBeNull();
  });
});
