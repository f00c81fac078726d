import { defineMessages, type MessageDescriptor } from 'react-intl';
import {
  POSITIVE_FIRST,
  GOOD_NEWS,
  WAITING,
  TWO_WAY,
  VOICE,
  REACH,
  INTERPRETERS,
  EVERYONE,
  STRENGTHS,
  HOME_VISITS,
  type GoalMeasure,
  type MeasureDefinition,
} from '../../../contract';
import { t } from '../../i18n/intl';

/**
 * Each measure's name and definition in the window's language. The contract words them in
 * English for the district server; this table must name every definition the screen shows.
 */
const WORDS = new Map<MeasureDefinition, Record<'title' | 'definition', MessageDescriptor>>([
  [
    POSITIVE_FIRST,
    defineMessages({
      title: { defaultMessage: 'Good news first', id: 'BHwNGy' },
      definition: {
        defaultMessage:
          'Of the students whose family was contacted this school year, the share whose family’s first contact was good news, before any information or concern. A student in two families counts in each.',
        id: 'DoFzoW',
      },
    }),
  ],
  [
    GOOD_NEWS,
    defineMessages({
      title: { defaultMessage: 'Good news in the period', id: 'vQ/3yj' },
      definition: {
        defaultMessage:
          'Of all the school’s families, the share who heard good news from the school in the period.',
        id: 'LJYqO6',
      },
    }),
  ],
  [
    WAITING,
    defineMessages({
      title: { defaultMessage: 'Still waiting for good news', id: 'AAtHwk' },
      definition: {
        defaultMessage: 'Families who have not heard good news from the school this school year.',
        id: 'NFPLyQ',
      },
    }),
  ],
  [
    TWO_WAY,
    defineMessages({
      title: { defaultMessage: 'Two-way', id: 'IcxN3r' },
      definition: {
        defaultMessage:
          'Contacts in the period by who started them: the school, the family, or a conversation both took part in (two-way). Started by families is the family’s share of all contacts.',
        id: 'IBF47G',
      },
    }),
  ],
  [
    VOICE,
    defineMessages({
      title: { defaultMessage: 'Family voice', id: 'G5x1km' },
      definition: {
        defaultMessage:
          'What families raised in the period, and how far each item has come: heard, acted on, and the family told what was done. Days to told is the median from raised to told; open items are those not yet told, by how long ago they were raised.',
        id: 'zUqmU/',
      },
    }),
  ],
  [
    REACH,
    defineMessages({
      title: { defaultMessage: 'Reach, by group', id: 'BxmhNV' },
      definition: {
        defaultMessage:
          'For each group of families: how many there are, the share contacted in the period, the share who heard good news in the period, and the median days since their last contact (families never contacted are left out of the median and counted apart).',
        id: 'JkJiwR',
      },
    }),
  ],
  [
    INTERPRETERS,
    defineMessages({
      title: { defaultMessage: 'In the family’s language', id: 'vN2xZX' },
      definition: {
        defaultMessage:
          'Of the contacts in the period with families who need an interpreter, the share where one was used; of the contacts whose language was recorded, the share held in a home language of the family.',
        id: '7EBX7P',
      },
    }),
  ],
  [
    EVERYONE,
    defineMessages({
      title: { defaultMessage: 'Everyone’s job', id: '1G0PtL' },
      definition: {
        defaultMessage:
          'Contacts in the period by the role of the staff member who made them, how many different staff contacted families each month, and the share carried by liaisons and coordinators.',
        id: 'p4nupc',
      },
    }),
  ],
  [
    STRENGTHS,
    defineMessages({
      title: { defaultMessage: 'Strengths', id: 'mVJ357' },
      definition: {
        defaultMessage:
          'Families with at least one strength recorded (shared with staff; those a family shared with one person alone are not counted), strengths by kind, and the strengths the school invited a family to share in the period and those the family contributed in it.',
        id: 'AC+52B',
      },
    }),
  ],
  [
    HOME_VISITS,
    defineMessages({
      title: { defaultMessage: 'Home visits', id: '6HvnFs' },
      definition: {
        defaultMessage:
          'Home visits scheduled in the period by what became of them, in all and by the grades of the family’s students (a family with students in two grades counts in each).',
        id: '46GLod',
      },
    }),
  ],
]);

/** A measure's definition as the screen shows it. */
export function measureWords(definition: MeasureDefinition): MeasureDefinition {
  const words = WORDS.get(definition);
  return words ? { title: t(words.title), definition: t(words.definition) } : definition;
}

const GOAL_MEASURE_WORDS = defineMessages<GoalMeasure>({
  goodNews: { defaultMessage: 'families who heard good news', id: 'rXHK9P' },
  contacted: { defaultMessage: 'families contacted', id: 'batCyy' },
  positiveFirst: {
    defaultMessage: 'students whose family’s first contact was good news',
    id: 'uB3SGU',
  },
  interpreterUsed: {
    defaultMessage: 'contacts with an interpreter where one is needed',
    id: 'LnjAYH',
  },
  startedByFamilies: { defaultMessage: 'contacts started by families', id: 'Ycub6/' },
  withStrength: { defaultMessage: 'families with a strength recorded', id: 'BtKT0h' },
});

/** What a goal measures, in the window's language: "families who heard good news". */
export const goalMeasureWords = (measure: GoalMeasure): string => t(GOAL_MEASURE_WORDS[measure]);
