import { useEffect, useState } from 'react';
import { href, parseRoute, type Page, type Route, type RouteArgs } from '../../../shared/routes';

export { href, type Page, type Route, type RouteParams } from '../../../shared/routes';

/** Hash routing: survives a reload (the session page comes back) and needs no server routes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Opens a page: `navigate('results', { id })`. A new history entry, so Back returns. */
export function navigate<P extends Page>(...args: RouteArgs<P>): void {
  window.location.hash = href<P>(...args);
}

/** Changes the current page's parameters in place (filters typed into a page), without a history entry. */
export function replaceRoute<P extends Page>(...args: RouteArgs<P>): void {
  window.history.replaceState(null, '', href<P>(...args));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
