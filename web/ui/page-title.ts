import { useEffect } from 'react';

/** Sets the tab title to "<page> · Tandem" while the page is shown. */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Tandem` : 'Tandem';
  }, [title]);
}
