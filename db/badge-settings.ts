import { BADGE_LAYOUTS, type AppStatus, type BadgeLayout } from '../contract';
import type { Ctx } from './context';
import { getMeta, setMeta } from './store';

/** Where this computer keeps its badge choices (meta): a desk's printer is its own. */
const PRINT_KEY = 'badge_print_at_sign_in';
const LAYOUT_KEY = 'badge_layout';

/** This computer's badge choices; off and the 2.25 × 4 in label until an administrator says. */
export function badgeSettings(ctx: Ctx): AppStatus['badges'] {
  const layout = getMeta(ctx.store, LAYOUT_KEY);
  return {
    printAtSignIn: getMeta(ctx.store, PRINT_KEY) === 'on',
    layout: BADGE_LAYOUTS.includes(layout as BadgeLayout) ? (layout as BadgeLayout) : 'label',
  };
}

export function setBadgeSettings(ctx: Ctx, badges: AppStatus['badges']): void {
  setMeta(ctx.store, PRINT_KEY, badges.printAtSignIn ? 'on' : 'off');
  setMeta(ctx.store, LAYOUT_KEY, badges.layout);
}
