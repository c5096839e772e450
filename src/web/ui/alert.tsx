import type { ReactNode } from 'react';

interface AlertProps {
  children: ReactNode;
  /** Buttons that resolve the problem, e.g. "Reload latest". */
  actions?: ReactNode;
  tone?: 'error' | 'warning';
}

/** A message that needs attention now; screen readers announce it as soon as it appears. */
export function Alert({ children, actions, tone = 'error' }: AlertProps) {
  return (
    <div role="alert" className={`alert alert-${tone}`}>
      <div className="alert-body">{children}</div>
      {actions && <div className="alert-actions">{actions}</div>}
    </div>
  );
}

/** A calm confirmation or piece of advice, announced politely. */
export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <div role="status" className={`notice notice-${tone}`}>
      {children}
    </div>
  );
}
