import { useRef, type KeyboardEvent } from 'react';

/** How long typed letters keep adding up before the next letter starts a new search. */
const RESET_MS = 800;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * Jump through a list of buttons by typing the start of a name, as native lists do: the
 * letters typed within a moment of each other are matched against the start of any word of
 * each button's text, and focus moves to the first match. Spread the result on the list.
 */
export function useTypeAhead<T extends HTMLElement>() {
  const typed = useRef({ text: '', at: 0 });
  return {
    onKeyDown(event: KeyboardEvent<T>) {
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!/\p{L}/u.test(event.key)) return;
      const now = Date.now();
      const text = (now - typed.current.at < RESET_MS ? typed.current.text : '') + fold(event.key);
      typed.current = { text, at: now };
      const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
      const match = buttons.find((b) =>
        fold(b.textContent ?? '')
          .split(/\s+/)
          .some((word) => word.startsWith(text)),
      );
      if (match) {
        event.preventDefault();
        match.focus();
      }
    },
  };
}
