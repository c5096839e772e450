import { useMemo } from 'react';
import { checkRequest, countWords } from '../../domain/request-checker.js';
import { SEVERITY_LABELS } from '../ui/labels.js';

interface RequestCheckProps {
  text: string;
  /** Only requests are held to the rules of a good request; other messages just get a word count. */
  isRequest: boolean;
  warnAbove: number;
  strongAbove: number;
  /** Names that connect the user to the reader (referrer, school), expected in the first sentence. */
  connectionHints: string[];
  /** What draws the user to this reader (their organization, the narrow interest they typed). */
  narrowHints: string[];
  /** The wider field the user typed as their broad interest. */
  broadHints: string[];
}

/**
 * Advice on a draft, recomputed in the browser as the user types: the word count and, for a
 * request, what the rules of a good request have to say. Nothing here stops the user sending.
 */
export function RequestCheck({
  text,
  isRequest,
  warnAbove,
  strongAbove,
  connectionHints,
  narrowHints,
  broadHints,
}: RequestCheckProps) {
  const hintsKey = [connectionHints, narrowHints, broadHints].map((h) => h.join('\n')).join('\n\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the hints are compared by their text, not by the array's identity.
  const result = useMemo(
    () =>
      isRequest && text.trim()
        ? checkRequest(text, { warnAbove, strongAbove, connectionHints, narrowHints, broadHints })
        : null,
    [text, isRequest, warnAbove, strongAbove, hintsKey],
  );
  const words = result ? result.wordCount : countWords(text);
  const over = isRequest && words > warnAbove;

  return (
    <section className="request-check" aria-labelledby="request-check-heading">
      <h2 id="request-check-heading" className="visually-hidden">
        Advice on this draft
      </h2>
      <p className={`word-count${over ? ' word-count-over' : ''}`}>
        <strong>{words}</strong> {words === 1 ? 'word' : 'words'}
        {isRequest && (
          <span className="muted">
            {' '}
            · aim for {warnAbove} or fewer, not counting the greeting and signature
          </span>
        )}
      </p>
      {isRequest && text.trim() === '' && (
        <p className="muted small">Advice on your draft shows up here as you write.</p>
      )}
      <div aria-live="polite">
        {result && result.findings.length === 0 && (
          <p className="notice notice-success">
            This reads like a good request: short, about them, with a clear question.
          </p>
        )}
        {result && result.findings.length > 0 && (
          <ul className="findings" aria-label="Advice on this draft">
            {result.findings.map((f, i) => (
              <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`}>
                <span className={`severity severity-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
                <p className="finding-message">{f.message}</p>
                {(f.excerpts ?? (f.excerpt ? [f.excerpt] : [])).map((excerpt) => (
                  <blockquote key={excerpt} className="finding-excerpt">
                    {excerpt}
                  </blockquote>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
      {result && <p className="muted small">This is advice only: you decide what to send.</p>}
    </section>
  );
}
