import type { ReactNode } from 'react';
import { Alert } from './alert.js';
import { StaleNotice } from './stale-notice.js';
import type { EditForm } from './use-edit-form.js';

/**
 * What an add or edit form says above its fields when saving failed: a stale edit with its two
 * ways out, or the problem; field errors are shown next to their inputs, so only pointed at here.
 */
export function EditFormNotices({
  form,
  problemActions,
}: {
  form: Pick<EditForm<unknown>, 'problem' | 'stale' | 'saving' | 'save' | 'reloadLatest'>;
  /** Links or buttons that resolve the problem, e.g. opening the record it would duplicate. */
  problemActions?: ReactNode;
}) {
  const { problem, stale, saving } = form;
  return (
    <>
      {stale && (
        <StaleNotice
          message={stale}
          busy={saving}
          onReload={form.reloadLatest}
          onOverwrite={() => form.save(true)}
        />
      )}
      {problem && (
        <Alert actions={problemActions}>
          {Object.keys(problem.fieldErrors).length > 0
            ? 'Some fields need attention; see the messages next to them.'
            : problem.message}
        </Alert>
      )}
    </>
  );
}
