import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type Problem } from '../api.js';

export interface Loaded<T> {
  data: T | undefined;
  error: Problem | null;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /** Replaces the data, e.g. with the record a save returned. */
  setData: (data: T) => void;
}

/**
 * Loads data for a page and loads it again whenever `key` changes. Answers that arrive after the
 * key changed are dropped, so a slow search never overwrites a newer one. With `initial` (data for
 * the first `key` already in hand), the first render shows it and nothing is asked for until the
 * key changes or `reload` is called.
 */
export function useLoad<T>(key: string, load: () => Promise<T>, initial?: T): Loaded<T> {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(initial === undefined);
  const haveInitial = useRef(initial !== undefined);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `attempt` trigger a load; the loader is read through a ref.
  useEffect(() => {
    if (haveInitial.current) {
      haveInitial.current = false;
      return;
    }
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(describeError(err));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
