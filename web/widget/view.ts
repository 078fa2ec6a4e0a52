/**
 * What the widget shows, built as DOM nodes: names from the API are always set as text, never parsed as markup.
 */
import { h } from "../app/dom";
import type { Labels, Lang } from "./labels";

type Named = { id: string; name: string };

/** One answer of docs/queries/similar-practices.graphql. */
export type Match = {
  score: number;
  practice: {
    id: string;
    title: string;
    regions: Array<{ name: string }>;
    leps: Array<{ code: string; name: string; nameEn: string }>;
    targets: Array<{ id: string; nameEn: string }>;
  };
  reasons: Array<{ kind: string; weight: number; shared: Named[] }>;
};

/** Beyond these, a match says "and N more": the first are the most telling. */
const SHOWN_ITEMS = 6;

export type Frame = { lang: Lang; labels: Labels; body: Node };

/** The widget's one landmark: a titled section whose body is the list or a message. */
export function frame({ lang, labels, body }: Frame, state: string): HTMLElement {
  return h(
    "section",
    {
      class: "box",
      part: "container",
      lang,
      "aria-labelledby": "prassi-similar-heading",
      "aria-busy": state === "loading" ? "true" : undefined,
      "data-state": state,
    },
    h("h2", { id: "prassi-similar-heading", part: "heading" }, labels.heading),
    body,
  );
}

export function message(text: string, kind: "status" | "error"): HTMLElement {
  return h("p", { class: "message", part: "message", role: "status", "data-kind": kind }, text);
}

/** The practices, best first, each linked to its page on Prassi with its regions and what it shares. */
export function matchList(matches: Match[], site: string, lang: Lang, labels: Labels): HTMLElement {
  return h(
    "ol",
    { part: "list" },
    matches.map(({ practice, reasons }) => {
      const page = `${site}/practices/${encodeURIComponent(practice.id)}${lang === "en" ? "?lang=en" : ""}`;
      const regions = practice.regions.map((region) => region.name);
      const items = sharedItems(reasons, practice, lang);
      const shown = items.slice(0, SHOWN_ITEMS);
      const hidden = items.length - shown.length;
      return h(
        "li",
        { part: "item", "data-practice": practice.id },
        h("a", { href: page, part: "link" }, practice.title),
        regions.length > 0 &&
          h(
            "p",
            { class: "meta", "data-role": "regions" },
            h("span", { class: "label" }, labels.region(regions.length)),
            " ",
            regions.join(", "),
          ),
        items.length > 0 &&
          h(
            "p",
            { class: "meta", "data-role": "shared" },
            h("span", { class: "label" }, labels.shared),
            " ",
            shown.flatMap((item, index) => [index > 0 ? ", " : "", item]),
            hidden > 0 ? ` ${labels.more(hidden)}` : "",
          ),
      );
    }),
  );
}

/**
 * The shared items' names, most telling first: the rarest item of each kind, kinds in the order of their weight, then
 * the second of each kind, and so on, so that a match sharing five job centres and one LEP names both at once.
 * A LEP reads as its code (LEP M) with its name as the abbreviation's title; target groups take their English name
 * when the widget speaks English; other names are the catalogue's Italian ones.
 */
function sharedItems(reasons: Match["reasons"], practice: Match["practice"], lang: Lang): Array<Node | string> {
  const seen = new Set<string>();
  const items: Array<Node | string> = [];
  const deepest = Math.max(0, ...reasons.map((reason) => reason.shared.length));
  for (let rank = 0; rank < deepest; rank++) {
    for (const reason of reasons) {
      const item = reason.shared[rank];
      const key = `${reason.kind}:${item?.id}`;
      if (!item || seen.has(key)) continue;
      seen.add(key);
      items.push(sharedItem(reason.kind, item, practice, lang));
    }
  }
  return items;
}

function sharedItem(kind: string, item: Named, practice: Match["practice"], lang: Lang): Node | string {
  if (kind === "LEP") {
    const lep = practice.leps.find((candidate) => candidate.code === item.id);
    return h("abbr", { title: lang === "en" && lep ? lep.nameEn : item.name }, `LEP ${item.id}`);
  }
  if (kind === "TARGET" && lang === "en")
    return practice.targets.find((target) => target.id === item.id)?.nameEn ?? item.name;
  return item.name;
}
