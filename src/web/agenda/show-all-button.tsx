interface ShowAllButtonProps {
  /** Items of the group on screen. */
  shown: number;
  /** Items the group holds in all. */
  total: number;
  /** The id of the list the button fills. */
  controls: string;
  loading: boolean;
  onShowAll: () => void;
}

/** Under a group of Today cut to its first items: brings the rest of the group in place. */
export function ShowAllButton({ shown, total, controls, loading, onShowAll }: ShowAllButtonProps) {
  if (total <= shown) return null;
  return (
    <p className="agenda-show-all">
      <button
        type="button"
        aria-controls={controls}
        aria-expanded={false}
        aria-busy={loading}
        onClick={onShowAll}
      >
        {loading ? `Loading all ${total}…` : `Show all ${total}`}
      </button>
      <span className="muted small"> ({total - shown} more)</span>
    </p>
  );
}
