import { afterEach, describe, expect, it } from 'vitest';
import { HearthError, REFUSALS, WORDS, newId, say, waitValues } from '../../contract';
import { switchTo } from '../../renderer/i18n/intl';
import { issueText } from '../../renderer/i18n/issues';
import { knownText, saidText } from '../../renderer/i18n/said';
import { fail, tempCore } from '../helpers';

afterEach(() => switchTo('en'));

describe('what the core and the district say, in the window’s language', () => {
  it('says each sentence in English with its values, and carries which sentence it was', () => {
    const saying = say(WORDS.alreadySignedIn, { name: 'Ana Ruiz' });
    expect(saying.text).toBe('Ana Ruiz is already signed in. Sign them out first.');
    expect(saying).toMatchObject({ id: WORDS.alreadySignedIn.id, values: { name: 'Ana Ruiz' } });
    expect(say(WORDS.tooManyPasswords, waitValues(150)).text).toBe(
      'Too many wrong passwords. Wait 3 minutes, then try again.',
    );
    expect(say(WORDS.tooManyPasswords, waitValues(1)).text).toBe(
      'Too many wrong passwords. Wait 1 second, then try again.',
    );
    expect(say(WORDS.thingNotFound, { thing: 'home_visit' }).text).toBe(
      'That home visit could not be found. It may have been removed.',
    );
  });

  it('words a real core error in Spanish, its kind of record and values included', async () => {
    const core = tempCore({ setup: 'school' });
    const body = fail(core, 'family.get', { householdId: newId() });
    expect(body.said?.id).toBe(WORDS.thingNotFound.id);
    const error = HearthError.fromBody(JSON.parse(JSON.stringify(body)));
    expect(saidText(error.said, error.message)).toBe(body.message);
    await switchTo('es');
    expect(saidText(error.said, error.message)).toBe(
      'No se encontró esa familia. Puede que se haya eliminado.',
    );
    core.close();
  });

  it('words waits, selects and numbers as Spanish says them', async () => {
    await switchTo('es');
    const shown = (saying: ReturnType<typeof say>) => saidText(saying, saying.text);
    expect(shown(say(WORDS.tooManyPasswords, waitValues(150)))).toBe(
      'Demasiadas contraseñas incorrectas. Espere 3 minutos y vuelva a intentarlo.',
    );
    expect(shown(say(WORDS.visitAlreadyMarked, { status: 'declined' }))).toBe(
      'Esta visita ya se marcó como rechazada.',
    );
    expect(shown(say(WORDS.serverAnswered, { status: 1502 }))).toBe('El servidor respondió 1502.');
  });

  it('finds a kept refusal or a field problem by its English, details kept as written', async () => {
    await switchTo('es');
    expect(knownText(REFUSALS.notOnServer.defaultMessage)).toBe(
      'Ese registro no está en el servidor del distrito.',
    );
    expect(knownText(`${REFUSALS.invalid.defaultMessage} (notes.body: too long)`)).toBe(
      'Algunos datos no son válidos. (notes.body: too long)',
    );
    expect(issueText(WORDS.inTheFuture.defaultMessage)).toBe('no puede ser en el futuro');
  });

  it('shows a sentence this window does not know in the English it came with', async () => {
    await switchTo('es');
    expect(saidText({ id: 'newer1' }, 'A newer server said this.')).toBe(
      'A newer server said this.',
    );
    expect(knownText('Something no sentence says.')).toBe('Something no sentence says.');
  });
});
