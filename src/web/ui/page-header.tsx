import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title.js';

interface PageHeaderProps {
  title: string;
  /** A short line under the title. */
  subtitle?: ReactNode;
  /** Buttons and links for the page's main actions. */
  actions?: ReactNode;
  /** Small text above the title, e.g. a link back to the list. */
  eyebrow?: ReactNode;
}

/** The page's heading, which also names the browser tab. */
export function PageHeader({ title, subtitle, actions, eyebrow }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className="page-header">
      <div>
        {eyebrow && <div className="eyebrow">{eyebrow}</div>}
        <h1>{title}</h1>
        {subtitle && <div className="subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}
