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

/** Why a student came to the health office (contract/health.ts). */
export const HEALTH_REASON_WORDS = wordTable(
  defineMessages({
    illness: { defaultMessage: 'Illness', id: 'BAOZFe' },
    injury: { defaultMessage: 'Injury', id: 'PQiOxu' },
    medication: { defaultMessage: 'Medication', id: 'venWl7' },
    chronic_care: { defaultMessage: 'Chronic condition care', id: 'Zb8JZX' },
    wellness: { defaultMessage: 'Mental health and wellness', id: 'Z8Qfxz' },
    screening: { defaultMessage: 'Screening', id: '708hoq' },
    other: { defaultMessage: 'Other', id: '/VnDMl' },
  }),
);

/** How a visit to the health office ended. */
export const HEALTH_DISPOSITION_WORDS = wordTable(
  defineMessages({
    back_to_class: { defaultMessage: 'Back to class', id: '2SgBWx' },
    rested_returned: { defaultMessage: 'Rested, then back to class', id: 'wand1D' },
    sent_home: { defaultMessage: 'Sent home (the desk releases to a caregiver)', id: 'k5qB+R' },
    picked_up: { defaultMessage: 'Picked up at the health office', id: 'Zh+sRY' },
    emergency_services: { defaultMessage: 'Emergency services', id: 'AqqFDh' },
  }),
);

/** How the nurse reached a caregiver. */
export const REACHED_BY_WORDS = wordTable(
  defineMessages({
    call: { defaultMessage: 'Phone call', id: 'N+KvN9' },
    text: { defaultMessage: 'Text message', id: '8rvn8L' },
    email: { defaultMessage: 'Email', id: 'sy+pv5' },
    in_person: { defaultMessage: 'In person', id: 'Mi4J8Y' },
  }),
);

/** What happened at a dose (contract/medications.ts). */
export const DOSE_OUTCOME_WORDS = wordTable(
  defineMessages({
    given: { defaultMessage: 'Given', id: 'aJC9Hf' },
    refused: { defaultMessage: 'Refused', id: 'NT+3fY' },
    missed: { defaultMessage: 'Missed', id: '3+2MvO' },
    absent: { defaultMessage: 'Not in school', id: 'exvP4u' },
  }),
);

export const MED_ROUTE_WORDS = wordTable(
  defineMessages({
    oral: { defaultMessage: 'By mouth', id: '1fPYu6' },
    inhaled: { defaultMessage: 'Inhaled', id: 'axoCiV' },
    injection: { defaultMessage: 'Injection', id: 'pH61YX' },
    topical: { defaultMessage: 'On the skin', id: 'UOVoRL' },
    nasal: { defaultMessage: 'In the nose', id: 'T9QcmH' },
    eye_ear: { defaultMessage: 'Eye or ear drops', id: '6t8UVI' },
    other: { defaultMessage: 'Other', id: '/VnDMl' },
  }),
);

/** A scheduled dose on the nurse's day. */
export const DOSE_STATE_WORDS = wordTable(
  defineMessages({
    overdue: { defaultMessage: 'Overdue', id: 'M0vCGv' },
    due: { defaultMessage: 'Due now', id: 'Lm+IAa' },
    later: { defaultMessage: 'Later today', id: 'vhwYA0' },
    recorded: { defaultMessage: 'Recorded', id: 'pGCLGL' },
  }),
);
