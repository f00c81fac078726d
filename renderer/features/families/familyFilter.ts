import { familyListFilterSchema, type FamilyListFilter } from '../../../contract';

/**
 * The families list's filters as the address keeps them: only what differs from the
 * defaults, true as "1". Parsed back with the contract's own schema, so an address that was
 * edited by hand or saved by an older version falls back to the defaults field by field.
 */
const DEFAULTS = familyListFilterSchema.parse({});
type Key = keyof FamilyListFilter;
const KEYS = Object.keys(DEFAULTS) as Key[];

export function filterToParams(filter: FamilyListFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filter[key];
    if (value === DEFAULTS[key]) continue;
    params.set(key, typeof value === 'boolean' ? '1' : String(value));
  }
  return params;
}

export function paramsToFilter(params: URLSearchParams): FamilyListFilter {
  const filter: Record<string, unknown> = { ...DEFAULTS };
  for (const key of KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const wanted = typeof DEFAULTS[key];
    const value =
      wanted === 'boolean' ? raw === '1' : key === 'notContactedDays' ? Number(raw) : raw;
    const one = familyListFilterSchema.shape[key].safeParse(value);
    if (one.success) filter[key] = one.data;
  }
  // Fields that are each fine but refused together (a gap's first day after its last) fall
  // back too, the field the contract names.
  const whole = familyListFilterSchema.safeParse(filter);
  for (const issue of whole.error?.issues ?? []) {
    const key = issue.path[0] as Key;
    filter[key] = DEFAULTS[key];
  }
  return filter as FamilyListFilter;
}

/** Whether anything narrows the list (the sort order does not). */
export function isFiltered(filter: FamilyListFilter): boolean {
  return KEYS.some((key) => key !== 'sort' && filter[key] !== DEFAULTS[key]);
}

export const EMPTY_FILTER: FamilyListFilter = DEFAULTS;
