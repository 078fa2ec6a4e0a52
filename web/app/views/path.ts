/**
 * /path?from=..&to=..: how two practices are connected (docs/queries/practice-path.graphql), drawn as a chain and
 * listed as steps. The form picks the two practices by id, with the catalogue's practices offered as suggestions
 * (docs/queries/practices-page.graphql); a submitted form is a URL, so a path can be shared.
 */
import "../styles/pages.css";
import { ApiError } from "../../shared/api";
import { askDocumented } from "../api";
import { h, replace, truncate } from "../dom";
import { readableError } from "../errors";
import { GraphDrawing, nodeKey, type GraphEdge, type GraphNode } from "../graph/drawing";
import { LINKS, NODE_KINDS, PATH_NODE_KINDS } from "../graph/kinds";
import { PATH_DRAWN_MARK } from "../graph/marks";
import { LANG, practiceHref, t } from "../i18n";
import { showView } from "../loading";

const LABELS = {
  title: { it: "Percorsi tra buone prassi", en: "Paths between practices" },
  intro: {
    it: "Come sono collegate due buone prassi: il percorso più breve nel grafo, attraverso soggetti, servizi, destinatari o luoghi in comune.",
    en: "How two practices are connected: the shortest path through the graph, through shared stakeholders, services, target groups or places.",
  },
  from: { it: "Buona prassi di partenza (codice)", en: "Practice to start from (id)" },
  to: { it: "Buona prassi di arrivo (codice)", en: "Practice to reach (id)" },
  hint: {
    it: "Ad esempio 2023-004; scrivere il codice o sceglierlo tra i suggerimenti.",
    en: "For example 2023-004; type the id or pick it from the suggestions.",
  },
  submit: { it: "Trova il percorso", en: "Find the path" },
  result: { it: "Il percorso", en: "The path" },
  graphName: {
    it: "Percorso tra le due buone prassi, disegnato come catena",
    en: "Path between the two practices, drawn as a chain",
  },
  steps: { it: "I passi del percorso", en: "The steps of the path" },
  none: {
    it: "Nessun collegamento entro 4 passi tra queste due buone prassi.",
    en: "No connection within 4 links between these two practices.",
  },
  linkedBy: { it: "legame", en: "link" },
  hops: { it: "passi", en: "links" },
  notFound: { it: "Nessuna buona prassi ha il codice", en: "No practice has the id" },
  or: { it: "o", en: "or" },
  suggestions: {
    it: (shown: number, total: number) =>
      `I suggerimenti sono le ${shown} buone prassi più recenti di ${total}; ogni altro codice si può scrivere.`,
    en: (shown: number, total: number) =>
      `The suggestions are the ${shown} most recent practices of ${total}; any other id can be typed.`,
  },
};

/** The practices offered as suggestions: the newest first, as many as practices-page gives within the cost budget. */
const SUGGESTED = 100;

type Step = {
  position: number;
  kind: string;
  id: string;
  name: string;
  link: string | null;
  practice: { title: string } | null;
};
type PracticesPage = {
  practicesConnection: { totalCount: number; edges: Array<{ node: { id: string; title: string } }> };
};
type Names = {
  leps: Array<{ code: string; nameEn: string }>;
  targetGroups: Array<{ id: string; nameEn: string }>;
  stakeholders: Array<{ id: string; nameEn: string | null }>;
};

export async function render(main: HTMLElement, from: string, to: string): Promise<void> {
  document.title = `${t(LABELS.title)} · Prassi`;
  const asking = from && to;
  const [catalogue, steps] = await Promise.all([
    askDocumented<PracticesPage>("practices-page", { first: SUGGESTED }),
    asking
      ? askDocumented<{ practicePath: Step[] }>("practice-path", { from, to }).catch((error: unknown) =>
          readableError(error, missingPractices(error, from, to)),
        )
      : undefined,
  ]);
  const names =
    LANG === "en" && steps && typeof steps !== "string"
      ? await englishNames(steps.practicePath)
      : new Map<string, string>();
  const result = h("div", {});
  showView(
    main,
    h("h1", {}, t(LABELS.title)),
    h("p", { class: "lead" }, t(LABELS.intro)),
    pathForm(from, to, catalogue),
    result,
  );
  if (steps === undefined) return;
  if (typeof steps === "string")
    return replace(result, h("div", { class: "alert alert-warning", role: "alert" }, steps));
  if (steps.practicePath.length === 0)
    return replace(result, h("p", { class: "alert alert-info", role: "status" }, t(LABELS.none)));
  drawPath(result, steps.practicePath, names);
}

/** What NOT_FOUND means here: the ids the API's message names (it names the first unknown one), or both. */
function missingPractices(error: unknown, from: string, to: string): string {
  const named = [from, to].filter((id) => error instanceof ApiError && error.message.includes(`'${id}'`));
  return `${t(LABELS.notFound)} ${(named.length > 0 ? named : [from, to]).map((id) => `«${id}»`).join(` ${t(LABELS.or)} `)}.`;
}

/** The English names of the path's LEP services, target groups and stakeholders (docs/queries/vocabulary-names.graphql). */
async function englishNames(steps: Step[]): Promise<Map<string, string>> {
  const ids = (kind: string) => steps.filter((step) => step.kind === kind).map((step) => step.id);
  const data = await askDocumented<Names>("vocabulary-names", {
    lep: ids("LEP"),
    target: ids("TARGET_GROUP"),
    stakeholder: ids("STAKEHOLDER"),
  });
  return new Map<string, string>([
    ...data.leps.map((lep): [string, string] => [`LEP:${lep.code}`, `${lep.code} · ${lep.nameEn}`]),
    ...data.targetGroups.map((group): [string, string] => [`TARGET_GROUP:${group.id}`, group.nameEn]),
    ...data.stakeholders.flatMap((actor): Array<[string, string]> =>
      actor.nameEn ? [[`STAKEHOLDER:${actor.id}`, actor.nameEn]] : [],
    ),
  ]);
}

function pathForm(from: string, to: string, catalogue: PracticesPage): HTMLFormElement {
  const practices = catalogue.practicesConnection.edges
    .map((edge) => edge.node)
    .sort((a, b) => a.id.localeCompare(b.id));
  const field = (name: string, id: string, text: string, value: string) =>
    h(
      "div",
      { class: "col-md-5 form-group mb-2" },
      h("label", { for: id, class: "active" }, text),
      h("input", {
        type: "text",
        id,
        name,
        class: "form-control",
        value,
        list: "practice-ids",
        required: true,
        autocomplete: "off",
        "aria-describedby": "path-hint",
      }),
    );
  return h(
    "form",
    { action: "/path", method: "get", class: "my-4", "aria-label": t(LABELS.submit) },
    LANG === "en" && h("input", { type: "hidden", name: "lang", value: "en" }),
    h(
      "div",
      { class: "row align-items-end" },
      field("from", "path-from", t(LABELS.from), from),
      field("to", "path-to", t(LABELS.to), to),
      h("div", { class: "col-md-2 mb-2" }, h("button", { type: "submit", class: "btn btn-primary" }, t(LABELS.submit))),
    ),
    h(
      "small",
      { id: "path-hint", class: "form-text" },
      t(LABELS.hint),
      catalogue.practicesConnection.totalCount > practices.length &&
        ` ${LABELS.suggestions[LANG](practices.length, catalogue.practicesConnection.totalCount)}`,
    ),
    h(
      "datalist",
      { id: "practice-ids" },
      practices.map((practice) => h("option", { value: practice.id }, `${practice.id} · ${practice.title}`)),
    ),
  );
}

function drawPath(result: HTMLElement, steps: Step[], names: ReadonlyMap<string, string>): void {
  const nodes: GraphNode[] = steps.map((step) => {
    const kind = PATH_NODE_KINDS[step.kind] ?? "practice";
    const name = names.get(`${step.kind}:${step.id}`) ?? step.name;
    return {
      key: nodeKey(kind, step.id),
      id: step.id,
      kind,
      label: kind === "practice" ? `${step.id}\n${truncate(name, 40)}` : truncate(name, 40),
      name,
      focus: step.position === 0 || step.position === steps.length - 1,
    };
  });
  const edges: GraphEdge[] = steps.slice(1).map((step, index) => ({
    source: nodes[index]!.key,
    target: nodes[index + 1]!.key,
    link: step.link ?? "",
    label: step.link ? (LINKS[step.link]?.[LANG] ?? step.link) : "",
  }));
  const canvas = h("div", {
    class: "prassi-graph prassi-graph-chain",
    id: "path-graph",
    role: "img",
    "aria-label": t(LABELS.graphName),
    "aria-describedby": "path-steps-heading",
  });
  replace(
    result,
    h("h2", {}, `${t(LABELS.result)} (${steps.length - 1} ${t(LABELS.hops)})`),
    canvas,
    h("h3", { class: "h5 mt-4", id: "path-steps-heading" }, t(LABELS.steps)),
    h(
      "ol",
      { class: "prassi-steps", id: "path-steps" },
      steps.map((step, index) => {
        const node = nodes[index]!;
        return h(
          "li",
          { "data-kind": node.kind, "data-id": step.id },
          step.link &&
            h(
              "span",
              { class: "small text-muted me-2" },
              `${t(LABELS.linkedBy)}: ${LINKS[step.link]?.[LANG] ?? step.link} →`,
            ),
          h("span", { class: `badge prassi-kind prassi-kind-${node.kind} me-2` }, t(NODE_KINDS[node.kind])),
          node.kind === "practice" ? h("a", { href: practiceHref(step.id) }, `${step.id} · ${node.name}`) : node.name,
        );
      }),
    ),
  );
  new GraphDrawing(canvas, "chain", { drawnMark: PATH_DRAWN_MARK }).add(nodes, edges);
}
