import { t } from '../i18n/intl';

/** Hearth's name is the same in every language. */
const PRODUCT_NAME = 'Hearth';

/** The left navigation of the app and the district console: the areas, the current marked. */
export function SideNav<Id extends string>({
  items,
  current,
  onChoose,
}: {
  items: readonly { id: Id; label: string }[];
  /** The area shown, or null when none of them is (a record opened over it). */
  current: Id | null;
  onChoose: (id: Id) => void;
}) {
  return (
    <nav
      className="sidebar"
      aria-label={t({ defaultMessage: 'Main', id: 'Zfs+pR', description: 'the main navigation' })}
    >
      <div className="wordmark" aria-hidden="true">
        {PRODUCT_NAME}
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === item.id ? 'page' : undefined}
              onClick={() => onChoose(item.id)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
