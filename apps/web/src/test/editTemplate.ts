import { type Change, createTemplateDoc, diff, type Roadmap, toJSON } from '@fdr/model';
import type * as Y from 'yjs';

/**
 * Test support: the 2016 template board before and after `edit` (commands on its doc), and the
 * model's diff between the two, as the views that describe changes receive them.
 */
export function editTemplate(edit: (doc: Y.Doc, before: Roadmap) => void): {
  before: Roadmap;
  after: Roadmap;
  changes: Change[];
} {
  const doc = createTemplateDoc();
  const before = toJSON(doc);
  edit(doc, before);
  const after = toJSON(doc);
  return { before, after, changes: diff(before, after) };
}
