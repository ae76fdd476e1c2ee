import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { META } from '../doc/layout.ts';
import { expectJson } from '../records/expect.ts';
import { docRoots, readState, write } from './commandSupport.ts';

/**
 * Records the tldraw store schema the annotations were written with, so a newer canvas can
 * migrate them. The model stores it as opaque JSON.
 */
export function setAnnotationsSchema(doc: Y.Doc, schema: unknown, origin: unknown): void {
  readState(doc);
  const value = expectJson(schema, 'schema');
  const { meta } = docRoots(doc);
  write(doc, origin, () => setField(meta, META.annotationsSchema, value));
}
