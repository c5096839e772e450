import { type Dispatch, type SetStateAction, useState } from 'react';
import { describeError, type Problem } from '../api.js';
import { useFocusFirstInvalid } from './use-focus-invalid.js';

export interface VersionedSave {
  saving: boolean;
  setSaving: Dispatch<SetStateAction<boolean>>;
  /** Why the last save failed, unless it failed because the record changed elsewhere. */
  problem: Problem | null;
  setProblem: Dispatch<SetStateAction<Problem | null>>;
  /** The message of a stale edit: someone saved a newer version; the typed values stay. */
  stale: string | null;
  setStale: Dispatch<SetStateAction<string | null>>;
  /** Saves; `overwrite` saves over the newest version, after a stale edit. */
  save: (overwrite?: boolean) => Promise<void>;
}

/**
 * Saving a form for a record the server versions: `write` sends it (over the newest version when
 * `overwrite`) and, on success, leaves the form, so `saving` stays on. A refusal because the record
 * changed elsewhere (409, code `stale`) becomes `stale`, to offer the latest or an overwrite; any other
 * failure becomes `problem`, with focus on the first field it marks invalid.
 */
export function useVersionedSave(write: (overwrite: boolean) => Promise<void>): VersionedSave {
  const [problem, setProblem] = useState<Problem | null>(null);
  useFocusFirstInvalid(problem);
  const [stale, setStale] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (overwrite = false) => {
    setSaving(true);
    setProblem(null);
    try {
      await write(overwrite);
    } catch (err) {
      const p = describeError(err);
      setSaving(false);
      if (p.code === 'stale') {
        setStale(p.message);
        return;
      }
      setStale(null);
      setProblem(p);
    }
  };

  return { saving, setSaving, problem, setProblem, stale, setStale, save };
}
