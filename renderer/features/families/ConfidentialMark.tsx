import { isRestricted, type Visibility } from '../../../contract';
import { visibilityName } from '../../ui/visibility';

/** The sign on anything confidential: a lock and who may read it. Plain staff notes get a quiet tag. */
export function VisibilityMark({ visibility }: { visibility: Visibility }) {
  if (!isRestricted(visibility)) return <span className="tag">{visibilityName(visibility)}</span>;
  return (
    <span className="tag tag-confidential">
      <span aria-hidden="true">🔒</span> Confidential · {visibilityName(visibility)}
    </span>
  );
}
