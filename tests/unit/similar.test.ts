import { describe, expect, it } from 'vitest';
import { editDistance, similarNames } from '../../db/search/similar';

describe('similar names', () => {
  it('counts edits, giving up past the limit', () => {
    expect(editDistance('jon', 'john', 2)).toBe(1);
    expect(editDistance('mohamed', 'mohammed', 2)).toBe(1);
    expect(editDistance('ana', 'maria', 1)).toBe(2);
  });

  it.each([
    [['José', 'García'], ['Jose', 'Garcia'], true],
    [['Jon', 'Smith'], ['John', 'Smith'], true],
    [['Sam', 'Lee'], ['Samantha', 'Lee'], true],
    [['Mai', 'Nguyễn'], ['Mai', 'Nguyen Tran'], true],
    [['Siobhán', "O'Brien"], ['Siobhan', 'OBrien'], true],
    [['Ana', 'García'], ['José', 'García'], false],
    [['Li', 'Wang'], ['Lu', 'Wang'], false],
    [['Maria', 'Lopez'], ['Maria', 'Ruiz'], false],
    [['Maria', null], ['Maria', 'Ruiz'], true],
  ] as const)('%j and %j: %s', ([firstA, lastA], [firstB, lastB], expected) => {
    expect(
      similarNames({ firstName: firstA, lastName: lastA }, { firstName: firstB, lastName: lastB }),
    ).toBe(expected);
  });
});
