import type { Editor } from 'tldraw';

/**
 * A per-editor slot. Shape utils are constructed by tldraw and must be stable across renders, so
 * they reach the board's bindings through such a registry instead of constructor arguments.
 */
export function editorRegistry<T>(): {
  set(editor: Editor, value: T | null): void;
  get(editor: Editor): T | undefined;
} {
  const registry = new WeakMap<Editor, T>();
  return {
    set(editor, value) {
      if (value) registry.set(editor, value);
      else registry.delete(editor);
    },
    get: (editor) => registry.get(editor),
  };
}
