import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Text for a polite live region. The region is emptied first and refilled a moment later, so
 * screen readers announce a message again even when it repeats the previous one word for word.
 */
export function useAnnouncer(): [
  message: { text: string; error: boolean } | null,
  announce: (text: string, error?: boolean) => void,
] {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const announce = useCallback((text: string, error = false) => {
    for (const timer of timers.current.splice(0)) clearTimeout(timer);
    setMessage(null);
    timers.current.push(
      setTimeout(() => setMessage({ text, error }), 60),
      // Long enough to read; the history of changes is in the table itself.
      setTimeout(() => setMessage(null), 8000),
    );
  }, []);
  useEffect(
    () => () => {
      for (const timer of timers.current) clearTimeout(timer);
    },
    [],
  );
  return [message, announce];
}
