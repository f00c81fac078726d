import { CHANNELS, CONTACT_TONES } from '../../contract';
import { CHANNEL_WORDS, COMMON_LANGUAGES, languageName, TONE_WORDS } from './format';

/** The languages a select offers: the common ones, and any a family already has (`also`). */
export function LanguageOptions({ also = [] }: { also?: readonly (string | null)[] }) {
  const codes = [...new Set([...also.filter((c): c is string => !!c), ...COMMON_LANGUAGES])];
  return codes.map((code) => (
    <option key={code} value={code}>
      {languageName(code)}
    </option>
  ));
}

/** Every channel, in words. */
export function ChannelOptions() {
  return CHANNELS.map((c) => (
    <option key={c} value={c}>
      {CHANNEL_WORDS[c]}
    </option>
  ));
}

/** Every tone of a contact, in words. */
export function ToneOptions() {
  return CONTACT_TONES.map((t) => (
    <option key={t} value={t}>
      {TONE_WORDS[t].label}
    </option>
  ));
}
