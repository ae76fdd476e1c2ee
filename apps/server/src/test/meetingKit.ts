import { readTolerant } from '@fdr/model';
import type { TestServer } from './testServer.ts';

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  json: Json;
  text: string;
  headers: Headers;
}

/** A JSON client of a test server's API, with the given session cookie (the admin's by default). */
export function apiOf(s: TestServer) {
  return async (
    path: string,
    init: { method?: string; body?: unknown; rawBody?: string; cookie?: string } = {},
  ): Promise<Answer> => {
    const hasBody = init.body !== undefined || init.rawBody !== undefined;
    const res = await fetch(`${s.url}/api${path}`, {
      method: init.method ?? (hasBody ? 'POST' : 'GET'),
      headers: { 'content-type': 'application/json', cookie: init.cookie ?? s.cookie },
      ...(hasBody ? { body: init.rawBody ?? JSON.stringify(init.body) } : {}),
    });
    // The byte-order mark is kept (a CSV starts with one).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let json: Json = {};
    try {
      json = JSON.parse(text) as Json;
    } catch {
      json = {};
    }
    return { status: res.status, json, text, headers: res.headers };
  };
}

/** A board made from the template, with its cards, items and domains. */
export async function boardWithTargets(s: TestServer) {
  const api = apiOf(s);
  const created = await api('/boards', {
    body: { title: { fr: 'Feuille', en: 'Roadmap' }, template: 'joint-councils-2016' },
  });
  const boardId = (created.json.board as { id: string }).id;
  const board = await s.registry.acquire(boardId);
  try {
    const { roadmap } = readTolerant(board.doc);
    return {
      boardId,
      cardIds: roadmap.cards.map((c) => c.id),
      itemIds: roadmap.items.map((i) => i.id),
      domainIds: roadmap.domains.map((d) => d.id),
    };
  } finally {
    s.registry.release(boardId);
  }
}
