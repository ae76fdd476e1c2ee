import { Fragment, type ReactNode } from 'react';

/**
 * A UI string whose `{markers}` are filled with nodes (a text in another language keeps its own
 * `lang`); a marker without a value stays visible, as with `format`.
 */
export function Template({ text, values }: { text: string; values: Record<string, ReactNode> }) {
  const parts = text.split(/(\{\w+\})/g);
  return (
    <>
      {parts.map((part, index) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        const value = name !== undefined && name in values ? values[name] : part;
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
        return <Fragment key={index}>{value}</Fragment>;
      })}
    </>
  );
}
