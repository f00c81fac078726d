import { defineMessage, defineMessages, type MessageDescriptor } from 'react-intl';
import { t } from '../i18n/intl';
import { Dialog } from '../ui/Dialog';

interface Shortcut {
  keys: string[];
  does: MessageDescriptor;
}

/**
 * Every keyboard shortcut Hearth has, by where it works. Keys are written as on the keyboard;
 * a shortcut added to a screen is added here too.
 */
const GROUPS: { where: MessageDescriptor; shortcuts: Shortcut[] }[] = [
  {
    where: defineMessage({ defaultMessage: 'Anywhere', id: 'FVLl2T' }),
    shortcuts: [
      {
        keys: ['Ctrl', 'K'],
        does: defineMessage({ defaultMessage: 'Go to the front desk search', id: 'yYUhn9' }),
      },
      {
        keys: ['Ctrl', 'Shift', 'E'],
        does: defineMessage({
          defaultMessage: 'Emergency roll call: everyone in the building now',
          id: 'u6ieYm',
        }),
      },
      {
        keys: ['?'],
        does: defineMessage({ defaultMessage: 'Show these shortcuts', id: 'ILstvx' }),
      },
      {
        keys: ['Esc'],
        does: defineMessage({ defaultMessage: 'Close a dialog without saving', id: 'GAFhYr' }),
      },
      {
        keys: ['Tab'],
        does: defineMessage({ defaultMessage: 'Move to the next control', id: 'Vm9t3e' }),
      },
    ],
  },
  {
    where: defineMessage({ defaultMessage: 'Front desk search', id: '4EYUkS' }),
    shortcuts: [
      {
        keys: ['↑', '↓'],
        does: defineMessage({ defaultMessage: 'Choose among the people found', id: '2wF7sz' }),
      },
      {
        keys: ['Enter'],
        does: defineMessage({ defaultMessage: 'Pick the one chosen', id: 'FhIIpM' }),
      },
      { keys: ['Esc'], does: defineMessage({ defaultMessage: 'Clear the search', id: 'Wm1xxD' }) },
    ],
  },
  {
    where: defineMessage({ defaultMessage: 'Signing a visitor in', id: 'XDETKc' }),
    shortcuts: [
      {
        keys: ['1', '–', '8'],
        does: defineMessage({ defaultMessage: 'Choose why they came', id: '7HLz3e' }),
      },
      { keys: ['Enter'], does: defineMessage({ defaultMessage: 'Sign them in', id: 'uJSH8x' }) },
      {
        keys: ['Esc'],
        does: defineMessage({ defaultMessage: 'Go back to the search', id: '2BGw0k' }),
      },
    ],
  },
  {
    where: defineMessage({
      defaultMessage: 'Lists of choices (staff at sign-in, who is here for a student)',
      id: 'L/RVXD',
    }),
    shortcuts: [
      {
        keys: ['↑', '↓'],
        does: defineMessage({ defaultMessage: 'Move through the list', id: 'NKhk7J' }),
      },
      {
        keys: ['A', '–', 'Z'],
        does: defineMessage({ defaultMessage: 'Jump to a name that starts so', id: 'zJI6xR' }),
      },
    ],
  },
];

// The names of the keys that are words, so they read in the window's language.
const KEY_WORDS = defineMessages({
  Ctrl: { defaultMessage: 'Ctrl', id: 'UKTs9h', description: 'the Control key' },
  Enter: { defaultMessage: 'Enter', id: 'YkTrP3', description: 'the Enter key' },
  Esc: { defaultMessage: 'Esc', id: 'XTci6a', description: 'the Escape key' },
  Tab: { defaultMessage: 'Tab', id: 'FxsdxF', description: 'the Tab key' },
});
const keyName = (key: string) =>
  key in KEY_WORDS ? t(KEY_WORDS[key as keyof typeof KEY_WORDS]) : key;

/** The "?" dialog: what every key does, grouped by where it works. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      size="wide"
      title={t({ defaultMessage: 'Keyboard shortcuts', id: 'vzYPVX' })}
      onCancel={onClose}
    >
      {GROUPS.map((group) => (
        <section key={group.where.defaultMessage as string} className="shortcut-group">
          <h3>{t(group.where)}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((s) => (
              <div key={`${s.keys.join('')}-${s.does.defaultMessage as string}`}>
                <dt>
                  {s.keys.map((key) => (key === '–' ? ' – ' : <kbd key={key}>{keyName(key)}</kbd>))}
                </dt>
                <dd>{t(s.does)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" className="button primary" data-autofocus onClick={onClose}>
          {t({ defaultMessage: 'Close', id: 'rbrahO' })}
        </button>
      </div>
    </Dialog>
  );
}
