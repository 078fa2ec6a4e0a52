/**
 * <prassi-similar practice="2023-004" limit="3" lens="BALANCED" lang="it" api="https://…/graphql">: the practices
 * most similar to one, with their regions and what they share, from Prassi's public API. It belongs to its host page:
 * Shadow DOM, no globals, and nothing it meets (a missing practice, an API that is down) throws into the page.
 */
import query from "../../docs/queries/similar-practices.graphql?raw";
import { ApiError, askApiPersisted } from "../shared/api";
import { LENSES as SIMILARITY_LENSES } from "../shared/lenses";
import { LABELS, widgetLang, type Labels } from "./labels";
import { adoptStyles } from "./styles";
import { frame, matchList, message, type Match } from "./view";

const LENSES = new Set<string>(SIMILARITY_LENSES);
const DEFAULT_LIMIT = 3;
/** The API keeps ten matches per practice and lens. */
const MAX_LIMIT = 10;

/** Resolved once, when the script runs: document.currentScript is only set then. */
function scriptApi(): string {
  const script = document.currentScript;
  const from = script instanceof HTMLScriptElement && script.src ? script.src : document.baseURI;
  return new URL("/graphql", from).href;
}

export function defineElement(): void {
  const defaultApi = scriptApi();

  class PrassiSimilar extends HTMLElement {
    static readonly observedAttributes = ["practice", "limit", "lens", "lang", "api"];
    readonly #root: ShadowRoot;
    #request?: AbortController;
    #scheduled = false;

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: "open" });
      adoptStyles(this.#root);
    }

    connectedCallback(): void {
      this.#schedule();
    }

    disconnectedCallback(): void {
      this.#request?.abort();
    }

    attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
      if (before !== after) this.#schedule();
    }

    /** Attributes set together (by the parser, or a script in one task) make one request. */
    #schedule(): void {
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.isConnected) this.#load().catch(() => undefined);
      });
    }

    async #load(): Promise<void> {
      this.#request?.abort();
      const request = new AbortController();
      this.#request = request;
      const lang = widgetLang(this.getAttribute("lang"));
      const labels = LABELS[lang];
      const show = (body: Node, state: string) =>
        this.#root.replaceChildren(...this.#root.querySelectorAll("style"), frame({ lang, labels, body }, state));
      const id = this.getAttribute("practice")?.trim() ?? "";
      if (!id) return show(message(labels.noPractice, "error"), "error");
      show(message(labels.loading, "status"), "loading");
      try {
        const api = apiUrl(this.getAttribute("api"), defaultApi);
        const variables = {
          id,
          limit: readLimit(this.getAttribute("limit")),
          lens: readLens(this.getAttribute("lens")),
        };
        const { similarPractices } = await askApiPersisted<{ similarPractices: Match[] }>(
          api.href,
          query,
          variables,
          request.signal,
        );
        if (request.signal.aborted) return;
        show(
          similarPractices.length > 0
            ? matchList(similarPractices, api.origin, lang, labels)
            : message(labels.empty, "status"),
          "ready",
        );
      } catch (error) {
        if (request.signal.aborted) return;
        // For the host page's developer: the API's own words; the reader gets a sentence.
        console.warn(`<prassi-similar practice="${id}">: ${error instanceof Error ? error.message : String(error)}`);
        show(message(failureText(error, id, labels), "error"), "error");
      }
    }
  }

  customElements.define("prassi-similar", PrassiSimilar);
}

function apiUrl(attribute: string | null, fallback: string): URL {
  const url = new URL(attribute?.trim() || fallback, document.baseURI);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new ApiError("unreachable", `api must be an http(s) URL, not ${url.protocol}`);
  return url;
}

function readLimit(attribute: string | null): number {
  const limit = Number.parseInt(attribute ?? "", 10);
  return Number.isNaN(limit) ? DEFAULT_LIMIT : Math.min(Math.max(limit, 1), MAX_LIMIT);
}

function readLens(attribute: string | null): string {
  const lens = attribute?.trim().toUpperCase() ?? "";
  return LENSES.has(lens) ? lens : "BALANCED";
}

function failureText(error: unknown, id: string, labels: Labels): string {
  if (error instanceof ApiError && error.code === "NOT_FOUND") return labels.notFound(id);
  if (error instanceof ApiError && error.failure === "unreachable") return labels.unreachable;
  return labels.failed;
}
