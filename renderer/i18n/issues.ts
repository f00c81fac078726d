import { defineMessages } from 'react-intl';
import { DIRECTION_CONTROLS, UNTYPEABLE } from '../../contract/fields';
import { t } from './intl';
import { knownText } from './said';

/**
 * The contract words a field's problem in English ("must be at most 200 characters"), the
 * same on the computer and the district server. The screen says the common ones in the
 * window's language, and the core's own (contract/words.ts) through said.ts; a problem not
 * listed is shown as the contract words it.
 */
const FIXED = defineMessages({
  'cannot be empty': { defaultMessage: 'cannot be empty', id: 'X0zw95' },
  [UNTYPEABLE]: { defaultMessage: 'contains characters that cannot be typed', id: 'CM7s8l' },
  [DIRECTION_CONTROLS]: {
    defaultMessage: 'contains hidden characters that change how text is shown',
    id: 'hygXvL',
  },
  'must be an email address': { defaultMessage: 'must be an email address', id: 'B1dbTc' },
  'must be a date': { defaultMessage: 'must be a date', id: 'Qva4UX' },
  'must be on or after the first day': {
    defaultMessage: 'must be on or after the first day',
    id: '8LO0Yp',
  },
  'must be within 400 days of the first day': {
    defaultMessage: 'must be within 400 days of the first day',
    id: 'xuyyiV',
  },
  'must be a date and time': { defaultMessage: 'must be a date and time', id: '2lL0HI' },
  'must be a phone number (digits, spaces, + ( ) - .)': {
    defaultMessage: 'must be a phone number (digits, spaces, + ( ) - .)',
    id: 'TdnG0w',
  },
  'must be a language code such as "es" or "vi"': {
    defaultMessage: 'must be a language code such as "es" or "vi"',
    id: 'lCdHa8',
  },
  'must be a date from 1900 on (year, month, day)': {
    defaultMessage: 'must be a date from 1900 on (year, month, day)',
    id: '2Eny5F',
  },
});

const AT_MOST = /^must be at most (\d+) characters$/;
const AT_LEAST = /^must be at least (\d+) characters$/;

export function issueText(message: string): string {
  const fixed = (FIXED as Record<string, (typeof FIXED)[keyof typeof FIXED]>)[message];
  if (fixed) return t(fixed);
  const most = AT_MOST.exec(message);
  if (most)
    return t(
      { defaultMessage: 'must be at most {max} characters', id: 'TOXPzt' },
      { max: Number(most[1]) },
    );
  const least = AT_LEAST.exec(message);
  if (least)
    return t(
      { defaultMessage: 'must be at least {min} characters', id: 'ogk8jB' },
      { min: Number(least[1]) },
    );
  return knownText(message);
}

/** "Name cannot be empty": the field as the form labels it, then its problem. */
export const fieldProblem = (field: string, message: string): string =>
  t({ defaultMessage: '{field} {problem}', id: 'NyhCyz' }, { field, problem: issueText(message) });
