import type { ContactRoute } from '../../../contract';
import { CHANNEL_WORDS, fullName, interpreterWords, languageName } from '../../ui/format';
import { CautionIcon } from '../../ui/icons';
import { t } from '../../i18n/intl';

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
          ? t(
              { defaultMessage: 'Prefers {channels}', id: 't2wDrb' },
              { channels: person.channels.map((c) => CHANNEL_WORDS[c]).join(' → ') },
            )
          : t({ defaultMessage: 'No preferred channel recorded', id: 'D5zXD8' })}
      </span>
      {person.bestTimes && (
        <span>
          {t({ defaultMessage: 'Best: {times}', id: 'nTBXIz' }, { times: person.bestTimes })}
        </span>
      )}
      {language && (
        <span>{t({ defaultMessage: 'Speaks {language}', id: 'wvc+CT' }, { language })}</span>
      )}
      {interpreter && <span className="tag">{interpreter}</span>}
      {person.phones.length > 0 && <span>{person.phones.join(', ')}</span>}
      {person.email && <span>{person.email}</span>}
      {person.doNotContact && (
        <span className="do-not-contact">
          <CautionIcon />{' '}
          {t(
            { defaultMessage: 'Please note: {note}', id: 'hfI9nb' },
            { note: person.doNotContact },
          )}
        </span>
      )}
    </div>
  );
}
