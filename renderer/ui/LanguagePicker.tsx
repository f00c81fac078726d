import { useCombobox } from 'downshift';
import { useMemo, useState } from 'react';
import { t } from '../i18n/intl';
import { languageItem, languageMatches, type LanguageItem } from './languages';

interface Props {
  label: string;
  /** BCP 47 tag, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  /** Offered first with nothing typed: the family's own languages. */
  also?: readonly (string | null)[];
  /** The choice of none ("Not recorded", "Any language"); without it a language is required. */
  emptyLabel?: string;
  invalid?: boolean;
  /** Only these languages (e.g. those a paper exists in); otherwise every one Hearth names. */
  among?: readonly string[];
}

/**
 * A language, found by typing its name in the window's language or in its own ("viet",
 * "tieng", "espa", "vi"), with no accents needed; arrows and Enter choose, Escape goes back
 * to what was chosen. A WAI-ARIA combobox by downshift, which keeps the roles, the active
 * option and the announcements right.
 */
export function LanguagePicker({
  label,
  value,
  onChange,
  also = [],
  emptyLabel,
  invalid,
  among,
}: Props) {
  const [query, setQuery] = useState('');
  const extra = useMemo(() => also.filter((c): c is string => !!c), [also]);
  const empty: LanguageItem | null = emptyLabel ? { code: '', label: emptyLabel, keys: '' } : null;
  const matches = languageMatches(query, value ? [value, ...extra] : extra, 60, among);
  const items = empty && !query.trim() ? [empty, ...matches] : matches;
  const selected = value ? languageItem(value) : empty;

  const combobox = useCombobox<LanguageItem>({
    items,
    selectedItem: selected,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.code,
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setQuery(inputValue);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      setQuery('');
      if (selectedItem && selectedItem.code !== value) onChange(selectedItem.code);
    },
    onIsOpenChange: ({ isOpen }) => {
      if (!isOpen) setQuery('');
    },
    // Leaving the field keeps what was chosen: half a word typed is not a choice.
    stateReducer: (_state, { type, changes }) =>
      type === useCombobox.stateChangeTypes.InputBlur
        ? { ...changes, selectedItem: selected, inputValue: selected?.label ?? '' }
        : changes,
  });
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } =
    combobox;

  return (
    <div className="field language-picker">
      <label {...getLabelProps()}>{label}</label>
      <input
        {...getInputProps({
          'aria-invalid': invalid || undefined,
          spellCheck: false,
          onFocus: (event) => event.currentTarget.select(),
        })}
      />
      <ul {...getMenuProps()} className="picker-menu" hidden={!isOpen}>
        {isOpen && items.length === 0 && (
          <li className="muted" role="presentation">
            {t({ defaultMessage: 'No language by that name', id: 'Zjn0rs' })}
          </li>
        )}
        {isOpen &&
          items.map((item, index) => (
            <li
              key={item.code || 'none'}
              className={index === highlightedIndex ? 'active' : undefined}
              {...getItemProps({ item, index })}
            >
              {item.label}
            </li>
          ))}
      </ul>
    </div>
  );
}
