import fc from 'fast-check';

/**
 * Values an attacker or a careless paste sends, for the fuzz tests of the API table and the
 * server's routes: control and bidirectional characters, half surrogate pairs, 100k
 * characters, SQL-looking text, prototype keys, deep nesting, and other types.
 */
const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : [deep(depth - 1)]);

export const ADVERSARIAL_STRINGS = [
  'Ana\u0000',
  'Ana\u0007\u001b[31m',
  '\u202Eevil\u202C',
  '\u2066isolate\u2069',
  'half \uD800 pair',
  '\uDC00 low first',
  'x'.repeat(100_000),
  "Robert'); DROP TABLE people;--",
  '1 OR 1=1; --',
  '__proto__',
  'constructor',
  '',
  ' ',
  '../../etc/passwd',
  '%00%2e%2e',
];

export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ADVERSARIAL_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom<unknown>(
    null,
    -1,
    2 ** 53,
    Number.NaN,
    true,
    [],
    {},
    deep(200),
    JSON.parse('{"__proto__": {"admin": true}}'),
    { constructor: { prototype: { polluted: 1 } } },
  ),
);

/** A valid input with one field (its own, or a new one) replaced by an adversarial value. */
export function spoiled(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = [...Object.keys(valid), '__proto__', 'extra'];
  return fc
    .record({ field: fc.constantFrom(...fields), value: adversarialValue })
    .map(({ field, value }) => {
      const input: Record<string, unknown> = { ...valid };
      Object.defineProperty(input, field, { value, enumerable: true, writable: true });
      return input;
    });
}
