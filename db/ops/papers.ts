import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import {
  HearthError,
  paperCatalogProblems,
  type DroppedPapers,
  type PaperCatalog,
  WORDS,
  say,
} from '../../contract';
import { requireStaff, type Ctx, type Handlers } from '../context';
import { getMeta, setMeta } from '../store';

/** Where this computer keeps the folder the district drops paper catalogs into (meta). */
const FOLDER_KEY = 'papers_folder';
/** A paper catalog is a few kilobytes; a file much larger is not one. */
const MAX_FILE_BYTES = 256 * 1024;

/**
 * The paper catalogs in the district's folder, each checked against English before it is
 * used (same messages and values, plain text); a file that fails is refused whole, named
 * with its problems, and the built-in language (if any) goes on being used. Read on each
 * call: a district replaces a file and the next paper printed uses it, with no restart.
 */
export function droppedPapers(ctx: Ctx): DroppedPapers {
  const folder = getMeta(ctx.store, FOLDER_KEY);
  if (!folder) return { folder: null, catalogs: [], refused: [] };
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .sort();
  } catch {
    return {
      folder,
      catalogs: [],
      refused: [{ file: folder, problem: 'the folder cannot be read on this computer' }],
    };
  }
  const catalogs: PaperCatalog[] = [];
  const refused: DroppedPapers['refused'] = [];
  for (const file of files) {
    const path = join(folder, file);
    let data: unknown;
    try {
      if (statSync(path).size > MAX_FILE_BYTES) {
        refused.push({ file, problem: 'is too large to be a paper catalog' });
        continue;
      }
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      refused.push({ file, problem: 'is not a JSON file Hearth can read' });
      continue;
    }
    const problems = paperCatalogProblems(data);
    if (problems.length > 0) refused.push({ file, problem: problems.join('; ') });
    else if (catalogs.some((c) => c.language === (data as PaperCatalog).language))
      refused.push({ file, problem: 'names a language another file in the folder already has' });
    else catalogs.push(data as PaperCatalog);
  }
  return { folder, catalogs, refused };
}

export const paperHandlers = {
  'papers.dropped': (ctx) => {
    requireStaff(ctx);
    return droppedPapers(ctx);
  },

  'settings.setPapersFolder': (ctx, { folder }) => {
    if (folder !== null && !isAbsolute(folder))
      throw new HearthError('VALIDATION', say(WORDS.folderFullPath), {
        issues: [{ path: 'folder', message: WORDS.mustBeFullPath.defaultMessage }],
      });
    setMeta(ctx.store, FOLDER_KEY, folder ?? '');
    return droppedPapers(ctx);
  },
} satisfies Partial<Handlers>;
