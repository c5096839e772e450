import {
  CONVERSATION_STATUS_LABELS,
  CONVERSATION_STATUSES,
  type ConversationStatus,
} from '../../domain/vocab.js';

interface StatusFilterProps {
  selected: ConversationStatus[];
  onChange: (selected: ConversationStatus[]) => void;
}

/** Toggle chips for filtering by status; none selected means all. */
export function StatusFilter({ selected, onChange }: StatusFilterProps) {
  const toggle = (s: ConversationStatus) =>
    onChange(selected.includes(s) ? selected.filter((x) => x !== s) : [...selected, s]);
  return (
    <fieldset className="filter-chips">
      <legend className="visually-hidden">Filter by status</legend>
      <button
        type="button"
        className="filter-chip"
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
      >
        All
      </button>
      {CONVERSATION_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          className={`filter-chip filter-chip-${s}`}
          aria-pressed={selected.includes(s)}
          onClick={() => toggle(s)}
        >
          {CONVERSATION_STATUS_LABELS[s]}
        </button>
      ))}
    </fieldset>
  );
}
