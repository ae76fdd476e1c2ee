import type { ReactNode } from 'react';

/**
 * A wide table's box: on a narrow screen it scrolls sideways on its own instead of widening the
 * page (which would push dialogs and headers off a phone's screen). The keyboard reaches it with
 * Tab and scrolls it with the arrows; it is named by the heading it belongs to.
 */
export function ScrollRegion({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ReactNode;
}) {
  return (
    <section
      className="fdr-scroll-region"
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box the keyboard must reach
      tabIndex={0}
    >
      {children}
    </section>
  );
}
