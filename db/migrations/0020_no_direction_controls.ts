/**
 * One-line fields no longer accept bidirectional controls or line separators (contract
 * `line`): values stored before lose them, so a record saved earlier still passes the
 * contract when it is next changed. The district server does the same to its copies (server
 * migration 12), so both sides hold the same text. The columns are listed as they were at
 * this version; a value made only of such characters becomes "?" (a one-line field cannot
 * be empty). Search words come from names, so the search index is rebuilt on open when a
 * name changed.
 */
const SINGLE_LINE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  schools: ['name'],
  staff: ['display_name'],
  households: ['name', 'address'],
  students: [
    'first_name',
    'last_name',
    'preferred_name',
    'grade',
    'homeroom',
    'roster_id',
    'pronouns',
  ],
  people: ['first_name', 'last_name', 'best_times'],
  student_person_links: ['relationship'],
  visits: ['visitor_name', 'seeing'],
  notes: ['subject'],
  follow_ups: ['title'],
  disclosures: ['recipient', 'purpose', 'description'],
  home_visits: ['place_detail', 'purpose', 'outcome_note'],
  school_goals: ['title'],
};

const CONTROLS = [
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029,
];

const stripped = (column: string) =>
  CONTROLS.reduce((expr, code) => `replace(${expr}, char(${code}), '')`, column);
const marked = (column: string) =>
  `(${CONTROLS.map((code) => `instr(${column}, char(${code})) > 0`).join(' OR ')})`;

const searchedNamesMarked = ['students', 'people']
  .flatMap((table) =>
    ['first_name', 'last_name'].map(
      (column) => `EXISTS (SELECT 1 FROM ${table} WHERE ${marked(column)})`,
    ),
  )
  .join(' OR ');

export const sql = `
DELETE FROM meta WHERE key = 'search_index_version' AND (${searchedNamesMarked});
${Object.entries(SINGLE_LINE_COLUMNS)
  .flatMap(([table, columns]) =>
    columns.map(
      (column) =>
        `UPDATE ${table} SET ${column} = coalesce(nullif(trim(${stripped(column)}), ''), '?') WHERE ${marked(column)};`,
    ),
  )
  .join('\n')}
`;
