import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { formatDate } from '../ui/format.js';
import { useLoad } from '../ui/use-load.js';
import { listMerges, undoMerge } from './duplicates-api.js';
import './duplicates.css';

/** The latest merges with an Undo button each, so a merge made by mistake is easy to take back. */
export function RecentMerges({ personId, onUndone }: { personId?: string; onUndone?: () => void }) {
  const [version, setVersion] = useState(0);
  const merges = useLoad(`merges:${personId ?? ''}:${version}`, () => listMerges(personId));
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const undo = async (id: string, mergedName: string) => {
    setProblem(null);
    try {
      await undoMerge(id);
      setNotice(`Merge undone: ${mergedName} is back, with everything they had.`);
      setVersion((v) => v + 1);
      onUndone?.();
    } catch (err) {
      setProblem(describeError(err).message);
    }
  };

  const items = merges.data?.items ?? [];
  const open = personId ? items.filter((m) => !m.undoneAt) : items;
  if (!open.length && !notice && !problem) return null;
  return (
    <section
      className={personId ? 'recent-merges recent-merges-person' : 'recent-merges'}
      aria-label={personId ? 'Merged records' : 'Recent merges'}
    >
      {!personId && <h2>Recent merges</h2>}
      {problem && <Alert>{problem}</Alert>}
      {notice && <Notice tone="success">{notice}</Notice>}
      <ul>
        {open.map((m) => (
          <li key={m.id}>
            {personId ? (
              <>
                Merged with {m.mergedName} on {formatDate(m.at)}
              </>
            ) : (
              <>
                {m.mergedName} merged into <Link to={`/people/${m.keptId}`}>{m.keptName}</Link> on{' '}
                {formatDate(m.at)}
              </>
            )}
            {m.undoneAt ? (
              <span className="muted"> — undone</span>
            ) : (
              <>
                {' — '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void undo(m.id, m.mergedName)}
                  aria-label={`Undo merging ${m.mergedName} into ${m.keptName}`}
                >
                  Undo
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
