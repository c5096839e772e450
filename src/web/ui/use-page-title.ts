import { useEffect } from 'react';

/** Sets the browser tab's title, e.g. "People · Rapport". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}
