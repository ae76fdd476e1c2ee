import { DefaultStylePanel, type TLUiStylePanelProps, useEditor, useValue } from 'tldraw';
import { useOverlayOpen } from '../overlay/useOverlay.ts';
import { isAnnotationRecord } from './AnnotationBinding.ts';

/** Tools that draw nothing: with them in hand and nothing selected, no style applies. */
const POINTING_TOOLS = new Set(['select', 'hand', 'laser', 'zoom']);

/**
 * tldraw's style panel, only where it applies: colours, fills and fonts are for annotations
 * (notes, arrows, drawings) selected or about to be drawn, not for cards or roadmap items, whose look comes from the model. It
 * also steps aside while one of the board's own overlays is open (one overlay at a time).
 */
export function BoardStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const applies = useValue('the style panel applies', () => {
    const selected = editor.getSelectedShapes();
    if (selected.length > 0) return selected.every((shape) => isAnnotationRecord(shape));
    // Nothing selected: the styles of the next annotation, only while a drawing tool is in hand.
    return !POINTING_TOOLS.has(editor.getCurrentToolId());
  }, [editor]);
  const overlayOpen = useOverlayOpen();
  if (!applies || overlayOpen) return null;
  return <DefaultStylePanel {...props} />;
}
