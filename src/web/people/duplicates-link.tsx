import { Link } from 'react-router';
import { useLoad } from '../ui/use-load.js';
import { listDuplicates } from './duplicates-api.js';

/** The People page's way to the duplicates, with how many pairs wait for review. */
export function DuplicatesLink() {
  // One pair is enough to know the total; the page itself loads the list.
  const pairs = useLoad('duplicates-count', () => listDuplicates(1));
  const total = pairs.data?.total ?? 0;
  return (
    <Link to="/people/duplicates" className="button">
      Possible duplicates{total > 0 && ` (${total})`}
    </Link>
  );
}
