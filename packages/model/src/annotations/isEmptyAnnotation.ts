/**
 * True for a free-form text shape that holds no visible text. tldraw creates one on a double
 * click on the empty canvas and deletes it when editing ends empty; in between it is a record like
 * any other. The board never stores one (the canvas skips them), and readers that count
 * annotations (version compare, since the last meeting) ignore those that older clients stored,
 * so an empty box nobody sees never reads as a change.
 */
export function isEmptyAnnotation(record: unknown): boolean {
  if (!isObject(record) || record.typeName !== 'shape' || record.type !== 'text') return false;
  const props = isObject(record.props) ? record.props : {};
  if (typeof props.text === 'string' && props.text.trim() !== '') return false;
  return !hasText(props.richText);
}

/** Rich text is a TipTap document: any text node with something other than spaces counts. */
function hasText(node: unknown, depth = 0): boolean {
  // Deep enough for any real document; a doctored one stops here rather than overflowing.
  if (!isObject(node) || depth > 64) return false;
  if (typeof node.text === 'string' && node.text.trim() !== '') return true;
  if (
    node.type !== undefined &&
    node.type !== 'doc' &&
    node.type !== 'paragraph' &&
    node.type !== 'text' &&
    node.type !== 'hardBreak'
  ) {
    // Anything else (a list, a mention…) is content even without letters.
    return true;
  }
  return Array.isArray(node.content) && node.content.some((child) => hasText(child, depth + 1));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
