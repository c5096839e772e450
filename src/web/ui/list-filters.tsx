import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { readPage } from './pager.js';

/**
 * The filters of a list kept in the address, so a filtered list can be bookmarked and shared.
 * Changing a filter goes back to the first page and replaces the history entry.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  return { params, page: readPage(params), setFilter };
}

interface FilterOption<T> {
  value: T;
  label: string;
}

interface FilterChipsProps<T> {
  /** Names the group for screen readers, e.g. "Show tasks". */
  legend: string;
  options: readonly FilterOption<T>[];
  selected: T;
  onSelect: (value: T) => void;
}

/** One choice among a few, as toggle chips; the chosen one is pressed. */
export function FilterChips<T>({ legend, options, selected, onSelect }: FilterChipsProps<T>) {
  return (
    <fieldset className="filter-chips">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => (
        <button
          key={o.label}
          type="button"
          className="filter-chip"
          aria-pressed={selected === o.value}
          onClick={() => onSelect(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}

interface FilterSelectProps<T extends string> {
  label: string;
  /** The first option, which filters nothing, e.g. "Every type". */
  anyLabel: string;
  values: readonly T[];
  labels: Record<T, string>;
  value: T | undefined;
  onChange: (value: T | null) => void;
}

/** A labelled drop-down beside the chips; its first option shows everything. */
export function FilterSelect<T extends string>({
  label,
  anyLabel,
  values,
  labels,
  value,
  onChange,
}: FilterSelectProps<T>) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange((e.target.value as T) || null)}>
        <option value="">{anyLabel}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
}
