import { z } from 'zod';

/**
 * Field-level building blocks shared by every record and call. Limits live here so a
 * record, a form and the core agree on what "too long" means.
 */

// C0 and C1 control characters. Tab and newline are allowed only in multi-line text.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/**
 * Every character a field may refuse: the control characters, the direction controls and
 * separators below, and either half of a surrogate pair. Most text holds none, so a field's
 * checks are one test of this; text holding one goes through the rules themselves, which say
 * which one it broke (a surrogate pair may be whole, a note may hold a newline). Separate
 * tests of every rule were a fifth of a bulk load's validation time.
 */
const MAYBE_REFUSED =
  /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029\uD800-\uDFFF]/;
/* eslint-enable no-control-regex */
/**
 * Half of a UTF-16 surrogate pair with no other half: no keyboard types one, JSON and
 * PostgreSQL cannot carry one faithfully (they store a replacement character, or refuse), so
 * the computer's copy and the district's would differ.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every character whole: no lone surrogate. */
export const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
/** Text a person could have typed: no control characters but those `control` allows. */
const typeable = (control: RegExp) => (s: string) => !control.test(s) && wellFormed(s);
const typeableOnOneLine = typeable(CONTROL_SINGLE_LINE);
const typeableOnManyLines = typeable(CONTROL_MULTI_LINE);
export const UNTYPEABLE = 'contains characters that cannot be typed';
/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and
 * the line and paragraph separators (U+2028, U+2029). In a name or any one-line field the
 * first reorder what is shown around them (a name that reads backwards, a label that hides
 * part of itself) and the second break the line; screens isolate each value's direction
 * themselves. Multi-line text keeps them: a note's own direction marks stay inside its block.
 * Values stored before these were refused had them removed (local migration 0020, server
 * migration 12).
 */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
export const DIRECTION_CONTROLS = 'contains hidden characters that change how text is shown';
const withoutDirectionControls = (s: string) => !DIRECTION_CONTROL.test(s);

const MAX_LONG_TEXT = 10_000;

export const id = z.uuidv7({ error: 'must be a Hearth id' });

/**
 * Trimmed text that is not empty, at most `max` characters long and passes `typed`: the
 * length rules and the characters in one refinement rather than zod's `.min` and `.max`
 * and a refinement. Each check zod runs has a fixed cost, and a record is mostly such
 * fields: one check instead of three took about a quarter off validating a bulk load
 * (tests/bench, `bulk_insert_rows_per_s`). The words are zod's, so forms show the same.
 */
function typedText(max: number, typed: (s: string, ctx: z.RefinementCtx) => void) {
  return z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      if (s.length === 0) ctx.addIssue({ code: 'custom', message: 'cannot be empty' });
      else if (s.length > max)
        ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
      typed(s, ctx);
    });
}

function typedOnOneLine(s: string, ctx: z.RefinementCtx): void {
  if (!MAYBE_REFUSED.test(s)) return;
  if (!typeableOnOneLine(s)) ctx.addIssue({ code: 'custom', message: UNTYPEABLE });
  if (!withoutDirectionControls(s)) ctx.addIssue({ code: 'custom', message: DIRECTION_CONTROLS });
}

function typedOnManyLines(s: string, ctx: z.RefinementCtx): void {
  if (MAYBE_REFUSED.test(s) && !typeableOnManyLines(s))
    ctx.addIssue({ code: 'custom', message: UNTYPEABLE });
}

/** One line of text a person typed: trimmed, not empty, no control characters. */
export const line = (max = 200) => typedText(max, typedOnOneLine);

/** Multi-line text (notes, summaries): newlines and tabs allowed, other control characters not. */
export const text = (max = MAX_LONG_TEXT) => typedText(max, typedOnManyLines);

/** A BCP 47 language tag such as "es", "vi", "so" or "zh-Hant"; names come from Intl on screen. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "es" or "vi"');

/** A timestamp with an explicit offset, stored in UTC. */
export const instant = z.iso.datetime({ offset: true, error: 'must be a date and time' });

/** A calendar day, "2026-11-23". */
export const isoDate = z.iso.date({ error: 'must be a date' });

/**
 * A date of birth: a real calendar day from 1900 on. Whether it is in the future depends on
 * the school's today, so the core checks that.
 */
export const birthDate = isoDate.refine(
  (day) => day >= '1900-01-01',
  'must be a date from 1900 on (year, month, day)',
);

/** Phone numbers keep the format people typed; search uses the digits. */
// Allowed characters only, with at least three digits (the lookahead).
const PHONE = /^(?=(?:[^0-9]*[0-9]){3})[0-9+()\-.\s/x]+$/i;

export const phone = typedText(40, (s, ctx) => {
  typedOnOneLine(s, ctx);
  if (!PHONE.test(s))
    ctx.addIssue({ code: 'custom', message: 'must be a phone number (digits, spaces, + ( ) - .)' });
});

export const email = z.email({ error: 'must be an email address' }).max(254);

/** An IANA time zone such as "America/Chicago". */
export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be a time zone such as "America/Chicago"');

/** Filter text: may be empty, otherwise like a line. */
export function filterText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(typeableOnOneLine, UNTYPEABLE)
    .refine(withoutDirectionControls, DIRECTION_CONTROLS);
}

/**
 * A password: kept exactly as typed (never trimmed), any characters a keyboard can type.
 * `min` is 8 for a new password (NIST SP 800-63B), 1 for one being checked.
 */
export function secret(min: number) {
  return z
    .string()
    .min(min, min === 1 ? 'cannot be empty' : `must be at least ${min} characters`)
    .max(256, 'must be at most 256 characters')
    .refine(typeableOnOneLine, UNTYPEABLE);
}

/**
 * A name typed in one box at the front desk, as Hearth stores it: the first word is the
 * given name, the rest (if any) the family name. The desk's duplicate check splits the same
 * way, so it compares what would be saved.
 */
export function splitTypedName(typed: string): { firstName: string; lastName: string | null } {
  const [firstName = '', ...rest] = typed.trim().split(/\s+/);
  return { firstName, lastName: rest.length > 0 ? rest.join(' ') : null };
}
