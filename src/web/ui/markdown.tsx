import { lazy, Suspense } from 'react';

// The Markdown parser is most of a megabyte of code: it loads with the first page that shows a
// note, not with the app.
const Rendered = lazy(() => import('./markdown-rendered.js').then((m) => ({ default: m.MarkdownRendered })));

/**
 * Renders a note's Markdown. Until the renderer has loaded (a moment, once) the text shows as
 * written, so nothing jumps or goes blank.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <Suspense
      fallback={
        <div className="markdown" style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </div>
      }
    >
      <Rendered text={text} />
    </Suspense>
  );
}
