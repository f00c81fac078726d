import { defineMessages } from 'react-intl';
import { wordTable } from '../../ui/format';

/** Words of the health profile (contract/health.ts). */
export const SEVERITY_WORDS = wordTable(
  defineMessages({
    mild: { defaultMessage: 'Mild', id: '5Xn9C2' },
    moderate: { defaultMessage: 'Moderate', id: 'OlIql8' },
    severe: { defaultMessage: 'Severe', id: 'QBLD4N' },
    life_threatening: { defaultMessage: 'Life-threatening', id: 'yICvl7' },
  }),
);

export const CONDITION_WORDS = wordTable(
  defineMessages({
    asthma: { defaultMessage: 'Asthma', id: 'ndhw24' },
    diabetes: { defaultMessage: 'Diabetes', id: 'dv0cJd' },
    seizures: { defaultMessage: 'Seizures', id: 'LdJUxn' },
    other: { defaultMessage: 'Other', id: '/VnDMl' },
  }),
);

export const FLAG_CONSENT_WORDS = wordTable(
  defineMessages({
    not_asked: {
      defaultMessage: 'Not asked yet: no one outside the team sees anything',
      id: '0cQlWe',
    },
    declined: {
      defaultMessage: 'The family said no: no one outside the team sees anything',
      id: 'XuQn4U',
    },
    agreed: { defaultMessage: 'The family agreed: staff see the flag, nothing more', id: '+/Npwy' },
  }),
);
