import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** What to show instead of an empty list: what belongs here and how to add the first one. */
export function EmptyState({ title, children, actions }: EmptyStateProps) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      {children}
      {actions && <div className="actions">{actions}</div>}
    </section>
  );
}
