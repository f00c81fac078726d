import type { PickupWarning, PickupPermission } from '../../contract';
import { PICKUP_WORDS } from './format';

type PickupStatus = PickupPermission | PickupWarning['status'];

/** The icon for a pickup status: never colour alone, always with words beside it. */
export function pickupIcon(status: PickupStatus): string {
  return status === 'see_office' ? '⚠' : '⛔';
}

/** "⛔ Not allowed to pick up" beside a student or caregiver; nothing when pickup is allowed. */
export function PickupMark({ pickup }: { pickup: PickupStatus }) {
  if (pickup === 'allowed') return null;
  return (
    <span className={`pickup-mark pickup-${pickup}`}>
      <span aria-hidden="true">{pickupIcon(pickup)}</span> {PICKUP_WORDS[pickup]}
    </span>
  );
}
