import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';

function withQuery(params: URLSearchParams, text: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (text.trim()) next.set('q', text.trim());
  else next.delete('q');
  return next;
}

interface SearchBoxProps {
  label: string;
  placeholder?: string;
}

/**
 * A search field kept in the address bar as `?q=`, so a search survives a reload and the back
 * button. Typing searches after a short pause; Enter searches at once.
 */
export function SearchBox({ label, placeholder }: SearchBoxProps) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = withQuery(params, text);
      if (next.toString() !== params.toString()) setParams(next, { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, params, setParams]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = withQuery(params, text);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  };

  return (
    <search>
      <form className="search-box" onSubmit={submit}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
      </form>
    </search>
  );
}
