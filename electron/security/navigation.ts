/**
 * Navigation allowlist: a page may only ever show the app's own origin. URLs are parsed,
 * never matched as strings, so "hearth://app.evil.example" or "hearth://app@evil" fail.
 * Protocol and host are compared one by one: for a custom scheme such as hearth:, the
 * WHATWG `origin` is the opaque "null" for every URL, so comparing origins would let any
 * hearth:// host through.
 */
export function isAppUrl(candidate: string, appOrigin: string): boolean {
  try {
    const url = new URL(candidate);
    const app = new URL(appOrigin);
    return (
      url.protocol === app.protocol &&
      url.host === app.host &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

interface NavigationEvent {
  preventDefault(): void;
}

interface NavigableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: NavigationEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
}

export function guardNavigation(contents: NavigableContents, appOrigin: string): void {
  const block = (event: NavigationEvent, url: string) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
