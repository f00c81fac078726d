import { t } from '../../i18n/intl';
import type { FamiliesImportInput } from '../../../contract';

/** What the files chosen to import are, or why they can't be imported together. */
export type ChosenImport = { input: FamiliesImportInput } | { problem: string };

const ROSTER_FILES = ['orgs.csv', 'users.csv'];
const lower = (file: File) => file.name.toLowerCase();

/** A file's bytes as base64, in chunks: one spread of a large array overflows the call stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * One zip is a OneRoster export; CSV files among which are orgs.csv or users.csv are the
 * files of one; one other CSV file is a families file.
 */
export async function chooseImport(files: File[]): Promise<ChosenImport> {
  const [first] = files;
  if (!first)
    return { problem: t({ defaultMessage: 'Choose the file to import first.', id: 'qtIfV3' }) };
  if (files.length === 1 && lower(first).endsWith('.zip'))
    return {
      input: { format: 'oneroster-zip', fileName: first.name, zip: await base64Of(first) },
    };
  if (files.some((f) => !lower(f).endsWith('.csv')))
    return {
      problem: t({
        defaultMessage: 'Choose CSV files, or one zip file of a OneRoster export.',
        id: 'tO5t1t',
      }),
    };
  if (files.some((f) => ROSTER_FILES.includes(lower(f))))
    return {
      input: {
        format: 'oneroster-csv',
        files: await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))),
      },
    };
  if (files.length > 1)
    return {
      problem: t({
        defaultMessage:
          'Choose one families file; for a OneRoster export, choose its zip or all its CSV files.',
        id: 'vQwK3J',
      }),
    };
  return { input: { format: 'families-csv', fileName: first.name, text: await first.text() } };
}
