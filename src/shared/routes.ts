/**
 * The app's pages and the parameters each takes, in one typed map. The renderer reads the route from the
 * hash (`#/library?deck=3&level=Junior`) and writes it with `href`/`navigate`; main opens the window at a
 * page with the same `href`. Shared (and free of imports) so that both sides spell a route one way.
 */

/** How one parameter is read from the query string. */
type Field =
  | 'id' // a positive whole number, required: the route does not exist without it
  | 'id?' // the same, optional
  | 'ids' // repeated: `kw=1&kw=2`
  | 'text?'
  | 'texts' // repeated: `level=Junior&level=Senior`
  | readonly string[]; // one of these words, optional

export const ROUTES = {
  home: {},
  practice: {},
  session: { id: 'id' },
  results: { id: 'id' },
  history: {},
  stats: {},
  library: { deck: 'id?', level: 'texts', kw: 'ids', q: 'text?', id: 'id?' },
  decks: { panel: ['import', 'export', 'backup'] },
} as const satisfies Record<string, Record<string, Field>>;

export type Page = keyof typeof ROUTES;
type Fields<P extends Page> = (typeof ROUTES)[P];

type Value<F> = F extends 'id' | 'id?'
  ? number
  : F extends 'ids'
    ? number[]
    : F extends 'text?'
      ? string
      : F extends 'texts'
        ? string[]
        : F extends readonly (infer W)[]
          ? W
          : never;

type RequiredKeys<P extends Page> = { [K in keyof Fields<P>]: Fields<P>[K] extends 'id' ? K : never }[keyof Fields<P>];
type ListKeys<P extends Page> = {
  [K in keyof Fields<P>]: Fields<P>[K] extends 'ids' | 'texts' ? K : never;
}[keyof Fields<P>];

/** A page's parameters as read: required ones and lists always present, the rest when given. */
export type RouteParams<P extends Page> = { [K in RequiredKeys<P> | ListKeys<P>]: Value<Fields<P>[K]> } & {
  [K in Exclude<keyof Fields<P>, RequiredKeys<P> | ListKeys<P>>]?: Value<Fields<P>[K]>;
};

/** A page's parameters as written: required ones must be given, lists may be left out. */
export type RouteInput<P extends Page> = { [K in RequiredKeys<P>]: Value<Fields<P>[K]> } & {
  [K in Exclude<keyof Fields<P>, RequiredKeys<P>>]?: Value<Fields<P>[K]>;
};

export type Route = { [P in Page]: { page: P; params: RouteParams<P> } }[Page];

/** `href('home')`, `href('results', { id })`: the parameters are required exactly when the page has required ones. */
export type RouteArgs<P extends Page> = [RequiredKeys<P>] extends [never]
  ? [page: P, params?: RouteInput<P>]
  : [page: P, params: RouteInput<P>];

const isPage = (name: string): name is Page => Object.hasOwn(ROUTES, name);
const readId = (value: string | null): number | undefined =>
  value !== null && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;

/** Reads one field; `null` when a required one is missing or malformed (the route is then not this page). */
function readField(field: Field, name: string, query: URLSearchParams): unknown {
  if (field === 'id') return readId(query.get(name)) ?? null;
  if (field === 'id?') return readId(query.get(name));
  if (field === 'ids') return query.getAll(name).flatMap((v) => readId(v) ?? []);
  if (field === 'texts') return query.getAll(name);
  const value = query.get(name) ?? undefined;
  if (field === 'text?') return value === '' ? undefined : value;
  return value !== undefined && field.includes(value) ? value : undefined;
}

const HOME: Route = { page: 'home', params: {} };

/** The route a hash names; an unknown page, or one without its required parameters, is Home. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#?\/?/, '').split('?', 2);
  const page = path || 'home';
  if (!isPage(page)) return HOME;
  const query = new URLSearchParams(search);
  const params: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(ROUTES[page] as Record<string, Field>)) {
    const value = readField(field, name, query);
    if (value === null) return HOME;
    if (value !== undefined) params[name] = value;
  }
  return { page, params } as Route;
}

/** The hash of a page with its parameters, in the map's order (so one route has one spelling). */
export function href<P extends Page>(...args: RouteArgs<P>): string {
  const [page, params = {}] = args as [Page, Record<string, unknown>?];
  const query = new URLSearchParams();
  for (const name of Object.keys(ROUTES[page])) {
    const value = params[name];
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined && item !== '') query.append(name, String(item));
  }
  const text = query.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}
