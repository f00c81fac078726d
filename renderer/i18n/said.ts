import { HearthError } from '../../contract/errors';
import { REFUSALS, WORDS, type Said, type Words } from '../../contract/words';
import { t } from './intl';

/**
 * The core's and the district server's sentences (contract/words.ts) in the window's
 * language. An error or a status carries what was said (`Said`: which sentence, its values)
 * beside its English; a sentence this window does not know (from a newer server) is shown
 * in the English it came with.
 */
const BY_ID = new Map<string, Words>(
  [...Object.values(WORDS), ...Object.values(REFUSALS)].map((words) => [words.id, words]),
);

/**
 * Sentences without values, by their English: a sync refusal is kept as text (the server's
 * push journal repeats it word for word, and this computer stores it), and so is a field's
 * problem found by the core. Technical details after it, in parentheses, are kept as written.
 */
const BY_ENGLISH = new Map<string, Words>(
  [...BY_ID.values()]
    .filter((words) => !words.defaultMessage.includes('{'))
    .map((words) => [words.defaultMessage, words]),
);
const WITH_DETAILS = /^(.*?) (\(.*\))$/s;

export function saidText(said: Said | undefined, english: string): string {
  const words = said && BY_ID.get(said.id);
  return words ? t(words, said.values) : knownText(english);
}

/** One of our sentences, found by its English, in the window's language; else as it is. */
export function knownText(english: string): string {
  const words = BY_ENGLISH.get(english);
  if (words) return t(words);
  const parts = WITH_DETAILS.exec(english);
  const sentence = parts && BY_ENGLISH.get(parts[1] as string);
  return sentence ? `${t(sentence)} ${parts[2] as string}` : english;
}

/** What went wrong, in the window's language: a HearthError's sentence, else a general one. */
export function errorMessage(error: unknown): string {
  return error instanceof HearthError
    ? saidText(error.said, error.message)
    : t({ defaultMessage: 'Something went wrong. Please try again.', id: 'W/5hwr' });
}
