import { useEffect, useState } from 'react';
import { switchTo, uiLanguage, type UiLanguage } from './intl';

/**
 * Speak `wanted` once its words are loaded; returns the language shown. The component that
 * calls this re-renders when it changes, and with it everything below (see intl.ts).
 */
export function useWindowLanguage(wanted: UiLanguage): UiLanguage {
  const [shown, setShown] = useState<UiLanguage>(uiLanguage);
  useEffect(() => {
    let current = true;
    void switchTo(wanted).then(() => {
      if (!current) return;
      // Screen readers and hyphenation follow the page's language.
      document.documentElement.lang = wanted;
      setShown(wanted);
    });

    return () => {
      current = false;
    };
  }, [wanted]);
  return shown;
}
