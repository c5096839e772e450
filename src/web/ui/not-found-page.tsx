import { Link } from 'react-router';
import { PageHeader } from './page-header.js';

/** Any address the app does not know. */
export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is nothing at this address. It may have been mistyped, or the record was deleted.</p>
      <p>
        <Link to="/" className="button">
          Go to the home page
        </Link>
      </p>
    </>
  );
}
