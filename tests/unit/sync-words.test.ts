import { afterEach, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../db/columns';
import { switchTo } from '../../renderer/i18n/intl';
import { NAMED_FIELDS, fieldWords } from '../../renderer/features/sync/fieldWords';

afterEach(() => switchTo('en'));

describe('a conflict’s field, as people say it', () => {
  it('has a name for every field a synced record has', () => {
    const fields = new Set(
      Object.values(COLUMNS).flatMap((columns) => columns.map((c) => c.field)),
    );
    expect([...fields].filter((field) => !NAMED_FIELDS.includes(field))).toEqual([]);
  });

  it('says it in the window’s language, and a field from a newer Hearth by its code name', async () => {
    expect(fieldWords('dueOn')).toBe('Due date');
    await switchTo('es');
    expect(fieldWords('dueOn')).toBe('Fecha de vencimiento');
    expect(fieldWords('bestTimes')).toBe('Mejores horarios para comunicarse');
    expect(fieldWords('favouriteColour')).toBe('Favourite colour');
  });
});
