import { z } from 'zod';
import { birthDate, email, languageTag, line, phone } from './fields';

/**
 * The simple families file a school without a district roster can import: one row per
 * student, with up to two caregivers. Rows with the same family name and address are one
 * family. The template the app offers is made from these columns, so the file, the parser
 * and the help text can never name different columns.
 */
export const FAMILIES_CSV_COLUMNS = [
  'family_name',
  'address',
  'student_first_name',
  'student_last_name',
  'student_preferred_name',
  'grade',
  'date_of_birth',
  'caregiver_1_first_name',
  'caregiver_1_last_name',
  'caregiver_1_relationship',
  'caregiver_1_phone',
  'caregiver_1_email',
  'caregiver_1_language',
  'caregiver_1_interpreter',
  'caregiver_2_first_name',
  'caregiver_2_last_name',
  'caregiver_2_relationship',
  'caregiver_2_phone',
  'caregiver_2_email',
  'caregiver_2_language',
  'caregiver_2_interpreter',
] as const;
export type FamiliesCsvColumn = (typeof FAMILIES_CSV_COLUMNS)[number];

export const FAMILIES_CSV_REQUIRED: readonly FamiliesCsvColumn[] = [
  'family_name',
  'student_first_name',
  'student_last_name',
  'grade',
  'caregiver_1_first_name',
  'caregiver_1_relationship',
];

const EXAMPLE: Record<FamiliesCsvColumn, string> = {
  family_name: 'Okafor family',
  address: '14 Birch Lane',
  student_first_name: 'Chidi',
  student_last_name: 'Okafor',
  student_preferred_name: '',
  grade: 'K',
  date_of_birth: '2021-02-03',
  caregiver_1_first_name: 'Ngozi',
  caregiver_1_last_name: 'Okafor',
  caregiver_1_relationship: 'Mother',
  caregiver_1_phone: '555-0142',
  caregiver_1_email: 'ngozi@example.org',
  caregiver_1_language: 'en',
  caregiver_1_interpreter: 'no',
  caregiver_2_first_name: '',
  caregiver_2_last_name: '',
  caregiver_2_relationship: '',
  caregiver_2_phone: '',
  caregiver_2_email: '',
  caregiver_2_language: '',
  caregiver_2_interpreter: '',
};

/** The template: the header and one example row, ready to open in a spreadsheet. */
export const FAMILIES_CSV_TEMPLATE = `${FAMILIES_CSV_COLUMNS.join(',')}\r\n${FAMILIES_CSV_COLUMNS.map((c) => EXAMPLE[c]).join(',')}\r\n`;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable());
const yesNo = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(['', 'yes', 'no', 'y', 'n', 'true', 'false'], { error: 'must be yes or no' }),
);

/** Each column's rule: the contract's own field rules, so the file is held to what a form is. */
export const FAMILIES_CSV_CELLS: Record<FamiliesCsvColumn, z.ZodType> = {
  family_name: line(),
  address: optional(line(300)),
  student_first_name: line(),
  student_last_name: line(),
  student_preferred_name: optional(line()),
  grade: line(20),
  date_of_birth: optional(birthDate),
  caregiver_1_first_name: line(),
  caregiver_1_last_name: optional(line()),
  caregiver_1_relationship: line(60),
  caregiver_1_phone: optional(phone),
  caregiver_1_email: optional(email),
  caregiver_1_language: optional(languageTag),
  caregiver_1_interpreter: yesNo,
  caregiver_2_first_name: optional(line()),
  caregiver_2_last_name: optional(line()),
  caregiver_2_relationship: optional(line(60)),
  caregiver_2_phone: optional(phone),
  caregiver_2_email: optional(email),
  caregiver_2_language: optional(languageTag),
  caregiver_2_interpreter: yesNo,
};

/** Under browser mode's 1 MiB request limit: a families file of about 5,000 students. */
const MAX_IMPORT_CHARS = 900_000;
const tooLarge = 'is too large: split it in two';

/**
 * What a school imports on its own computer: the families file above, or a OneRoster export
 * as its zip (base64) or as the CSV files of its folder.
 */
export const familiesImportInput = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal('families-csv'),
    fileName: line(200),
    text: z.string().max(MAX_IMPORT_CHARS, tooLarge),
  }),
  z.strictObject({
    format: z.literal('oneroster-zip'),
    fileName: line(200),
    zip: z.base64({ error: 'is not a zip file' }).max(MAX_IMPORT_CHARS, tooLarge),
  }),
  z.strictObject({
    format: z.literal('oneroster-csv'),
    files: z
      .array(z.strictObject({ name: line(200), text: z.string() }))
      .min(1)
      .max(20)
      .refine(
        (files) => files.reduce((n, f) => n + f.text.length, 0) <= MAX_IMPORT_CHARS,
        tooLarge,
      ),
  }),
]);
export type FamiliesImportInput = z.infer<typeof familiesImportInput>;

/** What an import brought in. */
export const familiesImportResultSchema = z.object({
  families: z.int(),
  people: z.int(),
  students: z.int(),
  /** Students already here whose name or grade the roster changed. */
  updated: z.int(),
  /** New roster students with the name of a student added here by hand: offered as merges. */
  toMerge: z.int(),
});
export type FamiliesImportResult = z.infer<typeof familiesImportResultSchema>;
