import type { UseFormRegisterReturn } from 'react-hook-form';
import { CONTACT_TONES } from '../../contract';
import { TONE_WORDS } from './format';
import { ToneIcon } from './icons';

/** The tone of a contact as three radio choices, each with a mark and a word. */
export function ToneChoice({
  legend,
  registration,
}: {
  legend: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="choice-row">
      <legend>{legend}</legend>
      {CONTACT_TONES.map((t) => (
        <label key={t} className={`choice tone-${t}`}>
          <input type="radio" value={t} {...registration} />
          <ToneIcon tone={t} /> {TONE_WORDS[t]}
        </label>
      ))}
    </fieldset>
  );
}
