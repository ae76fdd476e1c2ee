import { describe, expect, it } from 'vitest';
import { diff } from '../diff.ts';
import type { JsonValue } from '../records/expect.ts';
import { templateRoadmap } from '../template/templateRoadmap.ts';
import { isEmptyAnnotation } from './isEmptyAnnotation.ts';

const richText = (...paragraphs: string[]): JsonValue => ({
  type: 'doc',
  content: paragraphs.map(
    (text): JsonValue =>
      text === ''
        ? { type: 'paragraph' }
        : { type: 'paragraph', content: [{ type: 'text', text }] },
  ),
});

const textShape = (props: { [key: string]: JsonValue }): { [key: string]: JsonValue } => ({
  id: 'shape:t',
  typeName: 'shape',
  type: 'text',
  props,
});

describe('isEmptyAnnotation', () => {
  it('is true for a text shape without visible text', () => {
    expect(isEmptyAnnotation(textShape({ richText: richText('') }))).toBe(true);
    expect(isEmptyAnnotation(textShape({ richText: richText('  ', '') }))).toBe(true);
    expect(isEmptyAnnotation(textShape({ text: '' }))).toBe(true);
    expect(isEmptyAnnotation(textShape({}))).toBe(true);
  });

  it('is false for text, for other shapes and for anything else', () => {
    expect(isEmptyAnnotation(textShape({ richText: richText('', 'Note') }))).toBe(false);
    expect(isEmptyAnnotation(textShape({ text: 'old style' }))).toBe(false);
    const list = { type: 'doc', content: [{ type: 'bulletList', content: [] }] };
    expect(isEmptyAnnotation(textShape({ richText: list }))).toBe(false);
    expect(isEmptyAnnotation({ ...textShape({ richText: richText('') }), type: 'note' })).toBe(
      false,
    );
    expect(isEmptyAnnotation(null)).toBe(false);
    expect(isEmptyAnnotation('shape')).toBe(false);
  });

  it('keeps empty text boxes out of the compare', () => {
    const before = templateRoadmap();
    const empty = textShape({ richText: richText('') });
    const after = {
      ...before,
      annotations: { ...before.annotations, records: { 'shape:t': empty } },
    };
    expect(diff(before, after).filter((c) => c.kind === 'annotations-changed')).toEqual([]);
    const filled = textShape({ richText: richText('Décision') });
    const written = {
      ...before,
      annotations: { ...before.annotations, records: { 'shape:t': filled } },
    };
    expect(diff(before, written)).toContainEqual(
      expect.objectContaining({ kind: 'annotations-changed', added: 1 }),
    );
  });
});
