import { Writable } from 'node:stream';
import { createTemplateDoc, docRoots, SCHEMA_VERSION, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger.ts';
import { GUARD_ORIGIN, guardDocument } from './guardDocument.ts';

/** The guard's log lines, parsed, and the stream its logger writes them to. */
function logLines() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, sink };
}

/** A board doc guarded like the server's, and a writer whose transactions are checked. */
function guarded() {
  const doc = createTemplateDoc();
  const { lines, sink } = logLines();
  const member = { id: 'conn-1', principal: 'user-1' };
  const origins: unknown[] = [];
  doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
  guardDocument(doc, {
    log: createLogger('warn', sink),
    writerOf: (origin) =>
      origin === member ? { connection: member.id, user: member.principal } : null,
  });
  const roots = docRoots(doc);
  const domainId = [...roots.domains.keys()][0]!;
  const domain = roots.domains.get(domainId) as Y.Map<unknown>;
  return { doc, roots, member, lines, origins, domainId, domain };
}

describe('guardDocument', () => {
  it('checks only the records a transaction touched, and only from a member connection', () => {
    const { doc, roots, member, domain, lines } = guarded();
    const other = [...roots.domains.values()][1] as Y.Map<unknown>;
    // Written before the guard could see it (an old server): left alone until touched.
    doc.transact(() => other.set('colour', 'old-bad'), 'fdr:rest');
    doc.transact(() => domain.set('label.en', 'Fine'), member);
    expect(other.get('colour')).toBe('old-bad');
    expect(lines).toEqual([]);
    // Touched by a member: put right. No valid previous value, so the reader's fallback.
    doc.transact(() => other.set('label.fr', 'Autre'), member);
    expect(other.get('colour')).toBe('#4a4a4a');
    expect(other.get('label.fr')).toBe('Autre');
    expect(lines).toEqual([
      expect.objectContaining({ user: 'user-1', connection: 'conn-1', correction: 'repaired' }),
    ]);
  });

  it('writes its correction as a transaction of its own origin, after the faulty one', () => {
    const { doc, member, domain, origins } = guarded();
    const colour = domain.get('colour');
    const updates: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    doc.transact(() => domain.set('colour', 'red'), member);
    expect(domain.get('colour')).toBe(colour);
    expect(updates).toEqual([member, GUARD_ORIGIN]);
    expect(origins.slice(-2)).toEqual([member, GUARD_ORIGIN]);
  });

  it('lets a member delete a record (undoing its creation does) but replaces a nested Y type', () => {
    const { doc, roots, member, domain } = guarded();
    const itemId = [...roots.items.keys()][0]!;
    doc.transact(() => roots.items.delete(itemId), member);
    expect(roots.items.has(itemId)).toBe(false);
    const label = domain.get('label.fr');
    doc.transact(() => domain.set('label.fr', new Y.Text('piège')), member);
    expect(domain.get('label.fr')).toBe(label);
    expect(() => toJSON(doc)).not.toThrow();
  });

  it('keeps the schema version a member tries to change or delete', () => {
    const { doc, roots, member } = guarded();
    doc.transact(() => roots.meta.set('schemaVersion', 99), member);
    expect(roots.meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
    doc.transact(() => roots.meta.delete('schemaVersion'), member);
    expect(roots.meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
  });
});

describe('guardDocument: the structure is the secretariat’s', () => {
  /** A guarded template doc with a council member (no structure rights) and a secretariat. */
  function withRoles() {
    const doc = createTemplateDoc();
    const { lines, sink } = logLines();
    const council = { id: 'conn-c', principal: 'council-1' };
    const secretariat = { id: 'conn-s', principal: 'secretariat-1' };
    guardDocument(doc, {
      log: createLogger('warn', sink),
      writerOf: (origin) =>
        origin === council
          ? { connection: council.id, user: council.principal, mayChangeStructure: false }
          : origin === secretariat
            ? { connection: secretariat.id, user: secretariat.principal, mayChangeStructure: true }
            : null,
    });
    return { doc, roots: docRoots(doc), council, secretariat, lines };
  }

  it('puts back a council member’s renamed lane, re-dated period and new phase', () => {
    const { doc, roots, council, lines } = withRoles();
    const before = toJSON(doc);
    const domain = roots.domains.get('domain-digital-skills') as Y.Map<unknown>;
    const period = roots.periods.get('period-2') as Y.Map<unknown>;
    doc.transact(() => {
      domain.set('label.en', 'Digital talent');
      domain.set('colour', '#000000');
      period.set('end', '2017-12-31');
      const phase = new Y.Map<unknown>();
      roots.phases.set('phase-3', phase);
      phase.set('label.en', 'Phase 3');
      phase.set('label.fr', 'Phase 3');
      phase.set('start', '2030-01-01');
      phase.set('end', null);
    }, council);
    expect(toJSON(doc)).toEqual(before);
    expect(lines.map((line) => line.record).sort()).toEqual([
      'domain:domain-digital-skills',
      'period:period-2',
      'phase:phase-3',
    ]);
    expect(lines[0]).toMatchObject({ user: 'council-1', correction: 'restored' });
  });

  it('rebuilds a lane a council member deleted outright, and keeps their card move', () => {
    const { doc, roots, council } = withRoles();
    const before = toJSON(doc);
    const card = roots.cards.get('card-security') as Y.Map<unknown>;
    const cell = card.get('cell') as { domainId: string; phaseId: string; order: string };
    doc.transact(() => {
      roots.domains.delete('domain-digital-governance');
      card.set('cell', { ...cell, phaseId: 'phase-2' });
    }, council);
    const after = toJSON(doc);
    expect(after.domains).toEqual(before.domains);
    expect(after.cards.find((c) => c.id === 'card-security')?.phaseId).toBe('phase-2');
  });

  it('lets the secretariat shape the structure', () => {
    const { doc, roots, secretariat, lines } = withRoles();
    const domain = roots.domains.get('domain-digital-skills') as Y.Map<unknown>;
    doc.transact(() => domain.set('label.en', 'Digital talent'), secretariat);
    doc.transact(() => roots.domains.delete('domain-program-structure'), secretariat);
    const after = toJSON(doc);
    expect(after.domains.find((d) => d.id === 'domain-digital-skills')?.label.en).toBe(
      'Digital talent',
    );
    expect(after.domains.some((d) => d.id === 'domain-program-structure')).toBe(false);
    expect(lines).toEqual([]);
  });
});
