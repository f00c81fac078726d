import { CHANNELS, CONTACT_TONES, GRADE_LEVELS, UNPLACED_GRADE } from '../../contract';
import { UI_LANGUAGES } from '../i18n/intl';
import { CHANNEL_WORDS, gradeLabel, ownLanguageName, TONE_WORDS } from './format';

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
      {TONE_WORDS[t]}
    </option>
  ));
}

/** Every grade, then "not decided yet" (a child enrolled before a grade was chosen). */
export function GradeOptions() {
  return [...GRADE_LEVELS, UNPLACED_GRADE].map((g) => (
    <option key={g} value={g}>
      {gradeLabel(g)}
    </option>
  ));
}

/** The languages Hearth itself speaks, each named in its own words. */
export function UiLanguageOptions() {
  return UI_LANGUAGES.map((tag) => (
    <option key={tag} value={tag} lang={tag}>
      {ownLanguageName(tag)}
    </option>
  ));
}
