import type { PickupWarning, PickupPermission } from '../../contract';
import { PICKUP_WORDS } from './format';
import { PickupIcon } from './icons';

type PickupStatus = PickupPermission | PickupWarning['status'];

/** "Not allowed to pick up" with its icon beside a student or caregiver; nothing when allowed. */
export function PickupMark({ pickup }: { pickup: PickupStatus }) {
  if (pickup === 'allowed') return null;
  return (
    <span className={`pickup-mark pickup-${pickup}`}>
      <PickupIcon status={pickup} /> {PICKUP_WORDS[pickup]}
    </span>
  );
}
