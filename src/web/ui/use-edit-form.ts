import { type Dispatch, type SetStateAction, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, type Problem } from '../api.js';
import { sameValues } from './local-draft.js';
import { useUnsavedChanges } from './use-unsaved-changes.js';
import { useVersionedSave } from './use-versioned-save.js';

/** A record the server versions, so that a save based on an older version is refused (409). */
interface Versioned {
  id: string;
  version: number;
}

export interface EditFormOptions<R extends Versioned, V> {
  /** The record being edited, or null when adding one. */
  record: R | null;
  /** The form's first values; called once. */
  initialValues: () => V;
  /** The form's values for a saved record, used by "Reload latest". */
  toValues: (record: R) => V;
  /** Reads the record as it is saved now. */
  fetchLatest: (id: string) => Promise<R>;
  /**
   * Adds the record (when `record` is null) or saves it over `version`, and returns what was saved.
   * Throws what `call` throws; field errors and stale edits are shown by the hook.
   */
  submit: (values: V, version: number | undefined) => Promise<{ id: string }>;
  /** The list's path, e.g. `/people`: saving opens `${basePath}/${id}`, cancelling goes back. */
  basePath: string;
}

export interface EditForm<V> {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  saving: boolean;
  /** Why the last save failed, unless it failed because the record changed elsewhere. */
  problem: Problem | null;
  fieldErrors: Record<string, string>;
  /** The message of a stale edit: someone saved a newer version; the typed values stay. */
  stale: string | null;
  /** Saves; `overwrite` saves over the newest version, after a stale edit. */
  save: (overwrite?: boolean) => Promise<void>;
  /** Replaces the form with the newest saved version, after a stale edit. */
  reloadLatest: () => Promise<void>;
  /** Leaves without saving, back to the record's page or the list. */
  cancel: () => void;
}

/**
 * The flow of a page that adds or edits one versioned record: the form's values, saving with the
 * version the edit started from, field errors next to their inputs (with focus on the first), a
 * stale edit that keeps what was typed and offers the latest or an overwrite, opening the record's
 * page once saved, and asking before leaving with changes not saved.
 */
export function useEditForm<R extends Versioned, V>(options: EditFormOptions<R, V>): EditForm<V> {
  const { record, toValues, fetchLatest, submit, basePath } = options;
  const navigate = useNavigate();
  const [values, setValues] = useState<V>(options.initialValues);
  // The values as saved (or as the form opened): anything else is an unsaved change.
  const [savedValues, setSavedValues] = useState<V>(values);
  const unsaved = useUnsavedChanges(!sameValues(values, savedValues));
  const [version, setVersion] = useState(record?.version);
  const { saving, setSaving, problem, setProblem, stale, setStale, save } = useVersionedSave(
    async (overwrite) => {
      let baseVersion = version;
      if (overwrite && record) {
        baseVersion = (await fetchLatest(record.id)).version;
        setVersion(baseVersion);
      }
      const saved = await submit(values, baseVersion);
      unsaved.release();
      navigate(`${basePath}/${saved.id}`);
    },
  );

  const reloadLatest = async () => {
    if (!record) return;
    setSaving(true);
    try {
      const latest = await fetchLatest(record.id);
      setValues(toValues(latest));
      setSavedValues(toValues(latest));
      setVersion(latest.version);
      setStale(null);
      setProblem(null);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return {
    values,
    setValues,
    saving,
    problem,
    fieldErrors: problem?.fieldErrors ?? {},
    stale,
    save,
    reloadLatest,
    cancel: () => navigate(record ? `${basePath}/${record.id}` : basePath),
  };
}
