import { waitFor } from './clients.ts';

export interface ReceivedEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  status: number;
  events: ReceivedEvent[];
  /** Comment lines received (keep-alives). */
  comments: string[];
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  next(event: string, match?: (data: unknown) => boolean): Promise<unknown>;
  close(): void;
}

/** A reader of `GET /api/events` over a real connection, parsing Server-Sent Events. */
export async function openEventStream(baseUrl: string, cookie: string): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  let ended: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            }
            if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')) });
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by the test.
      }
    })();
  } else {
    await res.body?.cancel();
  }
  return {
    status: res.status,
    events,
    comments,
    ended,
    async next(event, match = () => true) {
      let found: ReceivedEvent | undefined;
      await waitFor(() => {
        found = events.find((e) => e.event === event && match(e.data));
        return found !== undefined;
      }, `event ${event}`);
      return found!.data;
    },
    close: () => abort.abort(),
  };
}
