/**
 * Which forms on screen hold typed changes that are not saved yet. Each form marks itself; the one
 * guard of the app (`UnsavedChangesGuard`) asks before a navigation or a reload when any is marked.
 */

const dirtyForms = new Set<symbol>();

/** Marks (or unmarks) the form named by `id` as holding unsaved changes. */
export function markUnsaved(id: symbol, unsaved: boolean): void {
  if (unsaved) dirtyForms.add(id);
  else dirtyForms.delete(id);
}

/** Whether any form on screen holds unsaved changes. */
export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

interface Place {
  pathname: string;
  search: string;
}

/**
 * Whether moving from `current` to `next` leaves the page: a jump within it (only the `#fragment`
 * changes, as the skip link does) keeps the forms on screen, so it is never stopped.
 */
export function leavesPage(current: Place, next: Place): boolean {
  return current.pathname !== next.pathname || current.search !== next.search;
}
