// Pages by URL hash (`#/lineage/3`): the app server serves one page, and links keep working.
import { useEffect, useState } from "react";

/** The current route: its page name and the rest of the path. */
export type Route = { page: string; params: string[] };

/** Parses `#/page/a/b` into `{ page, params }` (`home` for an empty hash). */
export function parseRoute(hash: string): Route {
  const [page = "", ...params] = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  return { page: page || "home", params };
}

/** The route of `window.location.hash`, updated on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}

/** The href of a page. */
export const href = (page: string, ...params: (string | bigint | number)[]) =>
  `#/${[page, ...params.map(String)].join("/")}`;
