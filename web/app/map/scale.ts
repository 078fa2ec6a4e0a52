/**
 * A sequential colour scale for counts (0..max): 0 has a colour of its own, the other counts share at most
 * COLOURS steps, light to dark, so that equal counts always share a colour and the largest is the darkest. The
 * colours are CSS classes (styles/region.css: `prassi-step-0` to `prassi-step-7`), never inline styles.
 */
export const COLOURS = 7;

export type Step = {
  /** The CSS class of its colour. */
  className: string;
  /** The counts it stands for, from..to (equal when one). */
  from: number;
  to: number;
};

export type Scale = { steps: Step[]; stepOf(count: number): Step };

export function countScale(max: number): Scale {
  const top = Math.max(0, Math.floor(max));
  // At most COLOURS steps above 0; one per count when there are few.
  const size = Math.min(top, COLOURS);
  const indexOf = (count: number) => (count <= 0 || size === 0 ? 0 : Math.ceil((Math.min(count, top) * size) / top));
  // Spread over the whole range of colours, so that the largest count is always the darkest.
  const classOf = (index: number) => `prassi-step-${index === 0 ? 0 : Math.round((index * COLOURS) / size)}`;
  const steps: Step[] = [{ className: classOf(0), from: 0, to: 0 }];
  for (let index = 1; index <= size; index++) {
    steps.push({
      className: classOf(index),
      from: Math.floor((top * (index - 1)) / size) + 1,
      to: Math.floor((top * index) / size),
    });
  }
  return { steps, stepOf: (count) => steps[indexOf(count)]! };
}
