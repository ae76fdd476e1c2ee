import type { ReactNode } from 'react';

/** Several values in one table cell, as a list (nothing when there is none). */
export function CellList({ items }: { items: readonly ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="fdr-cell-list">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list of plain texts, in order
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
