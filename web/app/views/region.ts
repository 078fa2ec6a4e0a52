// Placeholder until the region view lands (issue 8).
import { h, replace } from "../dom";

export async function render(main: HTMLElement, ..._route: string[]): Promise<void> {
  replace(main, h("h1", {}, "region"));
}
