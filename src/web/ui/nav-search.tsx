import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { parseTypes, searchUrl } from '../search/search-links.js';
import '../search/search.css';

/** Typing a "/" anywhere but in a field jumps to the search box, as on many sites. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The search box in the navigation bar. Results show on the search page as you type, after a
 * short pause; while on that page the box edits its query in place instead of adding history.
 */
export function NavSearch() {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const onSearchPage = location.pathname === '/search';
  const params = new URLSearchParams(location.search);
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const typesParam = onSearchPage ? params.get('types') : null;
  const [text, setText] = useState(urlQuery);
  const [seenQuery, setSeenQuery] = useState(urlQuery);

  // The address changed from elsewhere (back button, a link): show its query.
  // The box's own searches already match what is typed (perhaps with a trailing space): keep it.
  if (urlQuery !== seenQuery) {
    setSeenQuery(urlQuery);
    if (urlQuery !== text.trim()) setText(urlQuery);
  }

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const query = text.trim();
    if (query === urlQuery.trim() || (!query && !onSearchPage)) return;
    const timer = setTimeout(() => {
      navigate(searchUrl(query, parseTypes(typesParam)), { replace: onSearchPage });
    }, 150);
    return () => clearTimeout(timer);
  }, [text, urlQuery, onSearchPage, typesParam, navigate]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const query = text.trim();
    if (!query) return;
    navigate(searchUrl(query, parseTypes(typesParam)), { replace: onSearchPage });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') input.current?.blur();
  };

  return (
    <search className="nav-search">
      <form onSubmit={submit}>
        <label htmlFor={id} className="visually-hidden">
          Search
        </label>
        <input
          ref={input}
          id={id}
          type="search"
          value={text}
          placeholder="Search"
          autoComplete="off"
          aria-keyshortcuts="/"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <span className="nav-search-key" aria-hidden="true">
          /
        </span>
      </form>
    </search>
  );
}
