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
 * when the open tab changes and the observer takes off at once.
 */
export function mendGraphiqlAccessibility(root: HTMLElement): MutationObserver {
  const mend = () => {
    for (const list of root.querySelectorAll('.graphiql-tabs[role="tablist"]')) list.removeAttribute("role");
    for (const tab of root.querySelectorAll("li.graphiql-tab")) {
      if (tab.hasAttribute("role")) tab.removeAttribute("role");
      if (tab.hasAttribute("aria-selected")) tab.removeAttribute("aria-selected");
      const button = tab.querySelector(".graphiql-tab-button");
      const open = tab.classList.contains("graphiql-tab-active");
      if (!button || button.hasAttribute("aria-current") === open) continue;
      if (open) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
    for (const entry of root.querySelectorAll(".graphiql-history-item-label[aria-label]")) entry.removeAttribute("aria-label");
  };
  const observer = new MutationObserver(mend);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["role", "aria-selected", "aria-label", "class"] });
  mend();
  return observer;
}
