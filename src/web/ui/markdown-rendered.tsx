import ReactMarkdown from 'react-markdown';

/**
 * Renders a note's Markdown. HTML inside a note is shown as text, never run: react-markdown
 * escapes it unless a raw-HTML plugin is added, and none must be.
 */
export function MarkdownRendered({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
