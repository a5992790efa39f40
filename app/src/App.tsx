// The layout: navigation, the wallet panel, and the page of the current route.
import { lazy, type ReactNode, Suspense } from "react";
import { ConnectPanel } from "./components/ConnectPanel.tsx";
import { href, type Route, useRoute } from "./lib/route.ts";
import { AssetPage } from "./pages/Asset.tsx";
import { Audit } from "./pages/Audit.tsx";
import { Explore } from "./pages/Explore.tsx";
import { LicenseDataset } from "./pages/LicenseDataset.tsx";
import { MyWork } from "./pages/MyWork.tsx";
import { Register } from "./pages/Register.tsx";
import { Remix } from "./pages/Remix.tsx";
import { Terms } from "./pages/Terms.tsx";

// The explorer's layout engine is most of the bundle: loaded when a lineage is first opened.
const Lineage = lazy(() => import("./pages/Lineage.tsx").then((m) => ({ default: m.Lineage })));

const NAV = [
  ["home", "Explore"],
  ["work", "My work"],
  ["register", "Register"],
  ["remix", "Remix"],
  ["dataset", "License a dataset"],
  ["audit", "Audit"],
] as const;

function assetIdOf(route: Route): bigint | null {
  const [id] = route.params;
  return id !== undefined && /^\d+$/.test(id) ? BigInt(id) : null;
}

function page(route: Route): ReactNode {
  switch (route.page) {
    case "home":
      return <Explore />;
    case "work":
      return <MyWork />;
    case "audit":
      return <Audit />;
    case "register":
      return <Register />;
    case "remix":
      return <Remix key={route.params.join("/")} parentIds={route.params} />;
    case "dataset":
      return <LicenseDataset />;
    case "asset":
    case "terms":
    case "lineage": {
      const assetId = assetIdOf(route);
      if (assetId === null) return <p role="alert">An asset id is a number, as in #/asset/1.</p>;
      if (route.page === "terms") return <Terms key={String(assetId)} assetId={assetId} />;
      return route.page === "asset" ? (
        <AssetPage key={String(assetId)} assetId={assetId} />
      ) : (
        <Suspense fallback={<p aria-busy="true">Loading the explorer…</p>}>
          <Lineage key={String(assetId)} assetId={assetId} />
        </Suspense>
      );
    }
    default:
      return <p role="alert">There is no page “{route.page}”.</p>;
  }
}

/** The whole app. */
export function App() {
  const route = useRoute();
  return (
    <>
      <header>
        <a className="brand" href={href("home")}>
          Remix Royalties
        </a>
        <nav>
          {NAV.map(([name, label]) => (
            <a key={name} href={href(name)} aria-current={route.page === name ? "page" : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <ConnectPanel />
      </header>
      <main className="page">{page(route)}</main>
    </>
  );
}
