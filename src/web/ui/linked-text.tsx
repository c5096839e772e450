import { Fragment } from 'react';
import { linkParts } from '../../domain/web-links.js';

/**
 * A short text a user typed, such as a meeting's place, with every http(s) address in it as a
 * link that opens in a new tab. Other text, and addresses of any other kind, stay plain.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
