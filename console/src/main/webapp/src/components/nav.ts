import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * An `onFollow` for Cloudscape links, buttons with `href` and breadcrumbs: navigates inside the app instead of
 * loading the page again (a link opened in a new tab, or an external one, is left to the browser).
 */
export function useFollow(): (event: CustomEvent<{ href?: string; external?: boolean }>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event) => {
      const href = event.detail.href;
      if (href && !event.detail.external && href.startsWith('/')) {
        event.preventDefault();
        navigate(href);
      }
    },
    [navigate],
  );
}
