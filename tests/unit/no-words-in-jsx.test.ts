import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from '../../scripts/eslint-no-words-in-jsx.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

const words = [{ messageId: 'words' }];

tester.run('hearth/no-words-in-jsx', rule, {
  valid: [
    "const a = <p>{t({ id: 'x', defaultMessage: 'Sign in' })}</p>;",
    "const a = <p>{name}{' '}·{' '}{grade} → (3)</p>;",
    'const a = <input className="field wide" type="text" value={text} />;',
    'const a = <p aria-live="polite">{count}</p>;',
    'const a = <section aria-labelledby="staff-title" />;',
  ],
  invalid: [
    { code: 'const a = <h1>Front desk</h1>;', errors: words },
    { code: "const a = <p>{'In the building'}</p>;", errors: words },
    { code: "const a = <p>{busy ? 'Saving…' : label}</p>;", errors: words },
    { code: 'const a = <p>{error && `Could not save ${what}`}</p>;', errors: words },
    { code: 'const a = <input placeholder="e.g. Ms. Alvarez" />;', errors: words },
    { code: "const a = <nav aria-label={'Main'} />;", errors: words },
    { code: 'const a = <>Ctrl+K search</>;', errors: words },
    { code: 'const a = <p>Señora Núñez</p>;', errors: words },
    { code: 'const a = <FormActions submitLabel="Log contact" />;', errors: words },
    { code: 'const a = <ToneChoice legend="Tone" />;', errors: words },
  ],
});
