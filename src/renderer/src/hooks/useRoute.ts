import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { page: path || 'home', params: new URLSearchParams(query) };
}

/** Hash routing: survives a reload (the session page comes back) and needs no server routes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(page: string, params?: Record<string, string | number | undefined>): void {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  window.location.hash = `#/${page}${text ? `?${text}` : ''}`;
}

export const href = (page: string): string => `#/${page}`;
