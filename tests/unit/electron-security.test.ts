import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveAsset } from '../../electron/security/asset-path';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { guardNavigation, isAppUrl } from '../../electron/security/navigation';
import {
  ALLOWED_PERMISSIONS,
  handlePermissionCheck,
  handlePermissionRequest,
} from '../../electron/security/permissions';
import { secureWebPreferences } from '../../electron/security/web-preferences';
import { denyWindowOpen } from '../../electron/security/window-open';

const ORIGIN = 'hearth://app';

describe('navigation allowlist', () => {
  it('allows only the app origin, judged on the parsed URL', () => {
    expect(isAppUrl('hearth://app/', ORIGIN)).toBe(true);
    expect(isAppUrl('hearth://app/families?id=1#x', ORIGIN)).toBe(true);
    for (const url of [
      'https://app/',
      'hearth://app.evil.example/',
      'hearth://evil/',
      'hearth://user@app/',
      'hearth://app:8080/',
      'hearth://evil.example/?hearth://app/',
      'https://evil.example/hearth://app/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, ORIGIN), url).toBe(false);
    }
  });

  it('prevents navigation and redirects away from the app and blocks webviews', () => {
    type Listener = (event: { preventDefault(): void }, url?: string) => void;
    const listeners = new Map<string, Listener>();
    const contents = { on: (event: string, listener: Listener) => listeners.set(event, listener) };
    guardNavigation(contents as unknown as Parameters<typeof guardNavigation>[0], ORIGIN);
    const attempt = (event: string, url?: string) => {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'hearth://app/settings')).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);
  });
});

describe('windows and permissions', () => {
  it('denies every new window', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('denies every permission not on the allowlist', () => {
    const answers: Record<string, boolean> = {};
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
    ]) {
      handlePermissionRequest(null, permission, (granted) => (answers[permission] = granted));
      expect(handlePermissionCheck(null, permission)).toBe(answers[permission]);
    }
    expect(
      Object.entries(answers)
        .filter(([, granted]) => granted)
        .map(([p]) => p),
    ).toEqual([...ALLOWED_PERMISSIONS]);
  });

  it('creates windows isolated, sandboxed, without Node or webviews', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('content security policy and assets', () => {
  it('allows only the app’s own scripts, never eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/app/renderer';
    expect(resolveAsset(root, '/assets/index.js')).toBe(join(root, 'assets/index.js'));
    expect(resolveAsset(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAsset(root, '/front-desk')).toBe(join(root, 'index.html'));
    for (const attack of [
      '/../../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveAsset(root, attack), attack).toBeNull();
    }
  });
});
