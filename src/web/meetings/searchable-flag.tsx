/** Marks a question a web search would answer, with the reason and a better angle. */
export function SearchableFlag({ reason }: { reason: string }) {
  return (
    <p className="searchable-flag small">
      <strong>A web search answers this.</strong> {reason}
    </p>
  );
}
