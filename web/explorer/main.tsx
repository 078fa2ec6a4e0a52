/**
 * The explorer at GET /graphql: GraphiQL with its documentation explorer, history and Headers pane, the operations
 * of docs/queries/ as its first tabs, every request to this origin. Monaco (the editor) runs its language services in
 * web workers that vite bundles next to the page (graphiql/setup-workers/vite), so nothing is fetched elsewhere.
 */
import "graphiql/setup-workers/vite";
// GraphiQL's parts without Monaco's styles: graphiql/style.css repeats them (with its icon font inline) for the CDN
// build, 350 kB gzipped, while the bundled Monaco brings its own with its lazy chunk.
import "@graphiql/react/style.css";
import "@graphiql/plugin-doc-explorer/style.css";
import "@graphiql/plugin-history/style.css";
import "graphiql/graphiql.css";
import "./explorer.css";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import { mendGraphiqlAccessibility } from "./accessibility";
import { translateBanner } from "./banner";
import { EXAMPLE_TABS, examplesStorage } from "./examples";
import { fetchFromPrassi } from "./fetcher";

translateBanner();
const root = document.getElementById("explorer")!;
mendGraphiqlAccessibility(root);
createRoot(root).render(
  <GraphiQL
    fetcher={fetchFromPrassi}
    defaultTabs={EXAMPLE_TABS}
    storage={examplesStorage()}
    shouldPersistHeaders={false}
  >
    <GraphiQL.Logo>Prassi</GraphiQL.Logo>
  </GraphiQL>,
);
