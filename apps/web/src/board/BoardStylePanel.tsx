import { DefaultStylePanel, type TLUiStylePanelProps, useEditor, useValue } from 'tldraw';
import { useOverlayOpen } from '../overlay/useOverlay.ts';
import { isAnnotationRecord } from './AnnotationBinding.ts';

/**
 * tldraw's style panel, only where it applies: colours, fills and fonts are for annotations
 * (notes, arrows, drawings), not for cards or roadmap items, whose look comes from the model. It
 * also steps aside while one of the board's own overlays is open (one overlay at a time).
 */
export function BoardStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor();
  const onlyAnnotations = useValue(
    'only annotations selected',
    () => editor.getSelectedShapes().every((shape) => isAnnotationRecord(shape)),
    [editor],
  );
  const overlayOpen = useOverlayOpen();
  if (!onlyAnnotations || overlayOpen) return null;
  return <DefaultStylePanel {...props} />;
}
