import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { z } from 'zod';
import { languageTag } from '../fields';
import english from './catalogs/en.json';

/**
 * Papers Hearth prints for a family in the family's home language (renderer/papers). Their
 * words are catalogs: one JSON file a language, `{ language, reviewed, messages }`, each
 * message "<paper>.<part>" plain text with ICU placeholders, never HTML (values are placed
 * as text). English is the reference: another catalog, built in or dropped into a district's
 * folder, has the same messages, each taking the same values with the same choices.
 */
export const PAPER_KINDS = [
  'visitor_pass',
  'good_news',
  'home_visit_summary',
  'you_said_we_did',
  'pickup_permission',
  'nurse_visit',
] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const paperCatalogSchema = z.object({
  language: languageTag,
  /** false until a native speaker has checked the translation. */
  reviewed: z.boolean(),
  messages: z.record(z.string(), z.string().max(2_000)),
});
export type PaperCatalog = z.infer<typeof paperCatalogSchema>;

export const ENGLISH_PAPERS: PaperCatalog = english;

/** The district's folder of paper catalogs as this computer reads it (Settings). */
export const droppedPapersSchema = z.object({
  folder: z.string().nullable(),
  catalogs: z.array(paperCatalogSchema),
  refused: z.array(z.object({ file: z.string(), problem: z.string() })),
});
export type DroppedPapers = z.infer<typeof droppedPapersSchema>;

/** A message's values and how each is used ("purpose:select", "purpose=meeting"). */
function shape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      if (e.type === TYPE.tag) throw new Error('has a tag: papers are plain text, never HTML');
      found.add(`${e.value}:${TYPE[e.type]}`);
      if (e.type === TYPE.select || e.type === TYPE.plural)
        for (const [key, option] of Object.entries(e.options)) {
          found.add(`${e.value}=${key}`);
          walk(option.value);
        }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

/**
 * Why a catalog cannot be used, in plain words naming the message, or nothing when it can.
 * Any "<" is refused outright: a paper's words are text, and nothing in them is markup.
 */
export function paperCatalogProblems(data: unknown): string[] {
  const parsed = paperCatalogSchema.safeParse(data);
  if (!parsed.success)
    return parsed.error.issues.map(
      (i) => `${i.path.join('.') || 'the file'} ${i.message.toLowerCase()}`,
    );
  const problems: string[] = [];
  const { messages } = parsed.data;
  for (const [id, text] of Object.entries(ENGLISH_PAPERS.messages)) {
    const theirs = messages[id];
    if (theirs === undefined) {
      problems.push(`message ${id} is missing`);
      continue;
    }
    if (theirs.includes('<')) {
      problems.push(`message ${id} contains "<": papers are plain text, never HTML`);
      continue;
    }
    try {
      if (shape(theirs).join() !== shape(text).join())
        problems.push(`message ${id} does not take the same values as the English ("${text}")`);
    } catch (e) {
      problems.push(`message ${id} ${e instanceof Error ? e.message : 'cannot be read'}`);
    }
  }
  for (const id of Object.keys(messages))
    if (!(id in ENGLISH_PAPERS.messages)) problems.push(`message ${id} is not one Hearth has`);
  return problems;
}
