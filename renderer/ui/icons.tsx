import {
  Ban,
  Check,
  Circle,
  Info,
  Lock,
  Plus,
  Star,
  TriangleAlert,
  type LucideIcon,
} from 'lucide-react';
import type { ContactTone, PickupPermission, PickupWarning } from '../../contract';

/**
 * Symbols drawn as SVG (lucide), never as emoji or rare characters, which show as empty
 * boxes on a computer without an emoji font. Each sits beside words that say the same:
 * the icon is decoration for the eye, hidden from screen readers.
 */
function icon(Glyph: LucideIcon) {
  return function Icon({ size = 16 }: { size?: number }) {
    return <Glyph size={size} aria-hidden="true" focusable="false" className="icon" />;
  };
}

export const LockIcon = icon(Lock);
export const PlusIcon = icon(Plus);
export const CheckIcon = icon(Check);
export const CautionIcon = icon(TriangleAlert);
export const NotYetIcon = icon(Circle);

const TONE_ICONS: Record<ContactTone, LucideIcon> = {
  good_news: Star,
  information: Info,
  concern: TriangleAlert,
};

export function ToneIcon({ tone }: { tone: ContactTone }) {
  const Glyph = TONE_ICONS[tone];
  return <Glyph size={14} aria-hidden="true" focusable="false" className="icon" />;
}

type PickupStatus = PickupPermission | PickupWarning['status'];

/** Stop for "not allowed" and "not listed", caution for "see the office". */
export function PickupIcon({ status }: { status: PickupStatus }) {
  const Glyph = status === 'see_office' ? TriangleAlert : Ban;
  return <Glyph size={16} aria-hidden="true" focusable="false" className="icon" />;
}
