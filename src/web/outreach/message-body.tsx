import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Message } from '../api.js';
import './message-body.css';

/** Lines of text a message shows before "Show more". */
const CLAMPED_LINES = 2;

interface MessageBodyProps {
  message: Pick<Message, 'subject' | 'body'>;
  /** Opened from a link to this message (a search hit): start with the whole text shown. */
  initiallyExpanded?: boolean;
}

/**
 * A logged message as it was written: the subject, then the text cut to two lines, which "Show
 * more" opens in place. The toggle only appears when the text is longer than what is shown.
 */
export function MessageBody({ message, initiallyExpanded = false }: MessageBodyProps) {
  const textId = useId();
  const textRef = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(initiallyExpanded);
  const [long, setLong] = useState(false);
  const subject = message.subject?.trim() ?? '';
  const body = message.body.trim();

  // Whether the text takes more than two lines at the current width (clamped or not, its scroll
  // height is the whole text); measured again when the width changes.
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const measure = () => {
      const line = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
      setLong(el.scrollHeight > line * CLAMPED_LINES + 2);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  if (!subject && !body) return <p className="message-text muted">No text saved</p>;
  return (
    <div className="message-body">
      {subject && <p className="message-subject">{subject}</p>}
      {body && (
        <p ref={textRef} id={textId} className={`message-text${expanded ? '' : ' message-text-clamped'}`}>
          {body}
        </p>
      )}
      {body && long && (
        <button
          type="button"
          className="message-toggle"
          aria-expanded={expanded}
          aria-controls={textId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}
