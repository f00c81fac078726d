import { defineMessages } from 'react-intl';
import type { AuditAction, AuditEntry } from '../../contract/views';
import { t } from '../i18n/intl';

/** An audit entry's action and records in words, the same on a computer and in the console. */
export const ACTION_WORDS = defineMessages<AuditAction>({
  read: { defaultMessage: 'Read', id: 'zbyGEY', description: 'past tense: someone read a record' },
  create: { defaultMessage: 'Wrote', id: 'uTlKnM' },
  revise: { defaultMessage: 'Edited', id: 'OhIqLr' },
  status: { defaultMessage: 'Changed status of', id: 'ZWsUNM' },
  export: { defaultMessage: 'Exported', id: 'DPnkvq' },
  merge: { defaultMessage: 'Merged', id: '9O0Gdr' },
});

/** "Read a note", "Exported 3 follow-ups"; a merge names the two records it joined as one. */
export function whatWasDone(
  entry: Pick<AuditEntry, 'action' | 'recordType' | 'recordIds'>,
): string {
  const values = { type: entry.recordType, count: entry.recordIds.length };
  const records =
    entry.action === 'merge'
      ? t(
          {
            defaultMessage:
              '{type, select, person {a duplicate person record into this one} student {a duplicate student record into this one} other {a record into this one}}',
            id: '9JdCCA',
          },
          values,
        )
      : t(
          {
            defaultMessage:
              '{type, select, note {{count, plural, one {a note} other {# notes}}} follow_up {{count, plural, one {a follow-up} other {# follow-ups}}} person {{count, plural, one {a duplicate person record} other {# duplicate person records}}} student {{count, plural, one {a duplicate student record} other {# duplicate student records}}} caution_list {{count, plural, one {a caution-list entry} other {# caution-list entries}}} visit_log {{count, plural, one {a visitor log of # visit} other {a visitor log of # visits}}} family_list {the families list} health_visit {{count, plural, one {a health office visit} other {# health office visits}}} health_profile {a health profile} med_order {{count, plural, one {a medication order} other {# medication orders}}} med_dose {{count, plural, one {a medication entry} other {# medication entries}}} other {{count, plural, one {a record} other {# records}}}}',
            id: 'RYQ07a',
          },
          values,
        );
  return t(
    { defaultMessage: '{action} {records}', id: 'eqZ7q1' },
    { action: t(ACTION_WORDS[entry.action]), records },
  );
}
