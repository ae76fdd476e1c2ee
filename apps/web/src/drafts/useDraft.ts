import { useCallback, useState } from 'react';

/**
 * A form's draft and the draft it started from, taken once when the form mounts: mount the form
 * (or give it a new `key`) to start over, rather than copying props into state.
 */
export function useDraft<D>(start: () => D) {
  const [initial] = useState(start);
  const [draft, setDraft] = useState(initial);
  const set = useCallback(
    <K extends keyof D>(key: K, value: D[K]) =>
      setDraft((current) => ({ ...current, [key]: value })),
    [],
  );
  return { initial, draft, set, setDraft };
}
