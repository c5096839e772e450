import { Link } from 'react-router';
import { useLoad } from '../ui/use-load.js';
import { listDuplicates } from './duplicates-api.js';

/**
 * The People page's way to the duplicates, with how many pairs wait for review. The count is
 * asked for once the list is `ready`: finding duplicates reads every person, and the list must not
 * wait behind it.
 */
export function DuplicatesLink({ ready = true }: { ready?: boolean }) {
  if (!ready) return <PlainLink total={0} />;
  return <CountedLink />;
}

function CountedLink() {
  // One pair is enough to know the total; the page itself loads the list.
  const pairs = useLoad('duplicates-count', () => listDuplicates(1));
  return <PlainLink total={pairs.data?.total ?? 0} />;
}

function PlainLink({ total }: { total: number }) {
  return (
    <Link to="/people/duplicates" className="button">
      Possible duplicates{total > 0 && ` (${total})`}
    </Link>
  );
}
