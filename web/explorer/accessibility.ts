/**
 * Two places where GraphiQL 5's markup fails WCAG 2.1 AA (axe-core, serious), mended in the page until GraphiQL
 * changes them:
 *
 * - its tabs are `<li role="tab">` elements that each hold two buttons (select, close): controls nested in a tab, whose
 *   children ARIA makes presentational, so a screen reader reaches neither (nested-interactive). The strip is presented
 *   as what it is, a list of buttons: the list and its items lose the tab roles, the selecting button of the open tab
 *   says so (`aria-current`), the close button stays beside it;
 * - each entry of the history is a button showing the operation's name but named "Set active" (label-content-name-
 *   mismatch: a voice user says what they see). The button is named by its text; the tooltip still says what it does.
 *
 * React writes none of these attributes again (their values never change) except `aria-selected`, which it re-sets
 * on the two tabs whose state changes when another tab is opened (with their classes, in the same commit).
 *
 * Only the two containers are watched, the tab strip's header and the plugin pane that shows the history: GraphiQL
 * renders both once and keeps them. Monaco's editors, whose DOM changes at every keystroke and cursor blink, are
 * outside both; the whole tree is watched only until the two containers are there.
 */
export function mendGraphiqlAccessibility(root: HTMLElement): () => void {
  const observers: MutationObserver[] = [];
  const watch = (container: Element, mend: (container: Element) => void, attributeFilter: string[]) => {
    mend(container);
    const observer = new MutationObserver(() => mend(container));
    observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter });
    observers.push(observer);
  };
  const attach = () => {
    const header = root.querySelector(".graphiql-session-header");
    const plugins = root.querySelector(".graphiql-plugin");
    if (!header || !plugins) return;
    waiting.disconnect();
    watch(header, mendTabs, ["role", "aria-selected"]);
    watch(plugins, mendHistory, ["aria-label"]);
  };
  const waiting = new MutationObserver(attach);
  waiting.observe(root, { subtree: true, childList: true });
  attach();
  return () => {
    waiting.disconnect();
    for (const observer of observers) observer.disconnect();
  };
}

function mendTabs(header: Element): void {
  for (const list of header.querySelectorAll('.graphiql-tabs[role="tablist"]')) list.removeAttribute("role");
  for (const tab of header.querySelectorAll("li.graphiql-tab")) {
    if (tab.hasAttribute("role")) tab.removeAttribute("role");
    if (tab.hasAttribute("aria-selected")) tab.removeAttribute("aria-selected");
    const button = tab.querySelector(".graphiql-tab-button");
    const open = tab.classList.contains("graphiql-tab-active");
    if (!button || button.hasAttribute("aria-current") === open) continue;
    if (open) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  }
}

function mendHistory(plugins: Element): void {
  for (const entry of plugins.querySelectorAll(".graphiql-history-item-label[aria-label]"))
    entry.removeAttribute("aria-label");
}
