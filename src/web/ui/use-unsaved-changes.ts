import { useEffect, useRef } from 'react';
import { markUnsaved } from './unsaved-changes.js';

/**
 * Marks this form as holding unsaved changes while `dirty`, so that a link, Back, a reload or closing
 * the tab asks first. Call `release()` just before leaving on purpose after a save.
 */
export function useUnsavedChanges(dirty: boolean): { release: () => void } {
  const id = useRef<symbol>(null);
  id.current ??= Symbol('form');
  const key = id.current;
  useEffect(() => {
    markUnsaved(key, dirty);
    return () => markUnsaved(key, false);
  }, [key, dirty]);
  return { release: () => markUnsaved(key, false) };
}
