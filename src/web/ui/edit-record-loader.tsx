import { Fragment, type ReactNode } from 'react';
import { Alert } from './alert.js';
import { Loading } from './loading.js';
import { PageHeader } from './page-header.js';
import { useLoad } from './use-load.js';

interface EditRecordLoaderProps<R> {
  /** Names what is loaded, e.g. `person:new`; a new key loads again. */
  loadKey: string;
  /** Reads the record to edit, or gives null to add one. */
  load: () => Promise<R | null>;
  /** The page's title for the record: undefined until it has loaded, or when loading failed. */
  title: (record: R | null | undefined) => string;
  /** The editor, given the loaded record and the title. */
  children: (record: R | null, title: string) => ReactNode;
}

/**
 * Loads the record an add or edit page works on, then shows its editor. The editor starts afresh
 * for each record, so its form never keeps the values of the one shown before.
 */
export function EditRecordLoader<R extends { id: string }>({
  loadKey,
  load,
  title,
  children,
}: EditRecordLoaderProps<R>) {
  const record = useLoad(loadKey, load);
  const heading = title(record.data);
  if (record.error) {
    return (
      <>
        <PageHeader title={heading} />
        <Alert>{record.error.message}</Alert>
      </>
    );
  }
  if (record.data === undefined) return <Loading />;
  return <Fragment key={record.data?.id ?? 'new'}>{children(record.data, heading)}</Fragment>;
}
