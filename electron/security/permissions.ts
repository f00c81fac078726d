/**
 * Permission allowlist. Hearth needs no camera, microphone, location, notifications or
 * anything else a page can ask for, so every request is denied unless named here.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

export function handlePermissionRequest(
  _contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(isPermissionAllowed(permission));
}

export function handlePermissionCheck(_contents: unknown, permission: string): boolean {
  return isPermissionAllowed(permission);
}
