import { useEffect } from 'react';

/** Every screen names itself in the browser tab and for screen readers announcing navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Tandem`;
  }, [title]);
}
