import type { ContactRoute } from '../../../contract';
import { CHANNEL_WORDS, fullName, interpreterWords, languageName } from '../../ui/format';
import { CautionIcon } from '../../ui/icons';

/**
 * How a person wants to be contacted, shown wherever someone is about to contact the family:
 * channels in order, best times, language and interpreter, and anything not to do.
 */
export function ContactPreferences({
  person,
  showName = true,
}: {
  person: ContactRoute;
  showName?: boolean;
}) {
  const language = languageName(person.homeLanguage);
  const interpreter = interpreterWords(person.interpreter);
  return (
    <div className="contact-prefs">
      {showName && <strong>{fullName(person)}</strong>}
      <span>
        {person.channels.length > 0
          ? `Prefers ${person.channels.map((c) => CHANNEL_WORDS[c]).join(' → ')}`
          : 'No preferred channel recorded'}
      </span>
      {person.bestTimes && <span>Best: {person.bestTimes}</span>}
      {language && <span>Speaks {language}</span>}
      {interpreter && <span className="tag">{interpreter}</span>}
      {person.phones.length > 0 && <span>{person.phones.join(', ')}</span>}
      {person.email && <span>{person.email}</span>}
      {person.doNotContact && (
        <span className="do-not-contact">
          <CautionIcon /> Please note: {person.doNotContact}
        </span>
      )}
    </div>
  );
}
