import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { highlightParts } from '../../domain/search-query.js';
import { api, call, describeError } from '../api.js';
import type { SearchHit } from '../meetings/preparation-api.js';
import {
  SEARCH_TYPE_LABELS,
  SEARCH_TYPE_TAGS,
  SEARCH_TYPES,
  type SearchType,
} from '../meetings/preparation-labels.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { hitLink, parseTypes } from './search-links.js';
import './search.css';

interface Results {
  /** The query and types these hits answer, so a stale list is never shown as current. */
  key: string;
  hits: SearchHit[];
}

/**
 * Everything that matches the search box: people, organizations, conversations, notes, debriefs,
 * tasks, insights, messages and questions, each listed once with its kind.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const types = parseTypes(params.get('types'));
  const typeList = types.join(',');
  const key = `${q}|${typeList}`;
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!q) return;
    // A newer query cancels the request of the one before, so answers never arrive out of order.
    const controller = new AbortController();
    setError(null);
    call(
      api.search.$get(
        { query: { q, types: typeList || undefined, limit: '50' } },
        { init: { signal: controller.signal } },
      ),
    ).then(
      (hits) => {
        if (!controller.signal.aborted) setResults({ key: `${q}|${typeList}`, hits });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err).message);
      },
    );
    return () => controller.abort();
  }, [q, typeList]);

  const toggle = (type: SearchType) => {
    const next = types.includes(type) ? types.filter((t) => t !== type) : [...types, type];
    const updated = new URLSearchParams(params);
    if (next.length) updated.set('types', next.join(','));
    else updated.delete('types');
    setParams(updated, { replace: true });
  };
  const showAll = () => {
    const updated = new URLSearchParams(params);
    updated.delete('types');
    setParams(updated, { replace: true });
  };

  const current = results?.key === key ? results.hits : null;
  return (
    <>
      <PageHeader title={q ? `Search: ${q}` : 'Search'} />
      <fieldset className="filter-chips">
        <legend className="visually-hidden">Show only</legend>
        <button type="button" className="filter-chip" aria-pressed={types.length === 0} onClick={showAll}>
          Everything
        </button>
        {SEARCH_TYPES.map((t) => (
          <button
            key={t}
            type="button"
            className="filter-chip"
            aria-pressed={types.includes(t)}
            onClick={() => toggle(t)}
          >
            {SEARCH_TYPE_LABELS[t]}
          </button>
        ))}
      </fieldset>
      {error && <Alert>{error}</Alert>}
      {!q && (
        <p className="muted">
          Type in the search box at the top (press <kbd>/</kbd> to jump there). The last word matches as you
          type: “anal” finds analyst.
        </p>
      )}
      {q && !current && !error && <Loading what="Searching" />}
      {q && current && (
        <>
          <p className="muted" role="status">
            {current.length === 0
              ? `Nothing matches “${q}”. Try fewer words, or a different spelling.`
              : `${current.length} ${current.length === 1 ? 'result' : 'results'}`}
          </p>
          <ol className="search-results" aria-label="Results">
            {current.map((hit) => (
              <SearchResult key={`${hit.type}-${hit.id}`} hit={hit} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const to = hitLink(hit);
  return (
    <li className="search-result">
      <span className="tag">{SEARCH_TYPE_TAGS[hit.type]}</span>{' '}
      {to ? (
        <Link to={to} className="strong-link">
          {hit.title}
        </Link>
      ) : (
        <strong>{hit.title}</strong>
      )}
      {hit.snippet && (
        <p className="search-snippet">
          {highlightParts(hit.snippet).map((part, n) =>
            part.highlight ? <mark key={n}>{part.text}</mark> : <span key={n}>{part.text}</span>,
          )}
        </p>
      )}
    </li>
  );
}
