import './timeline.css';
import { localize } from '@fdr/model';
import {
  HTMLContainer,
  type RecordProps,
  Rectangle2d,
  resizeBox,
  ShapeUtil,
  T,
  type TLResizeInfo,
  useEditor,
  useValue,
} from 'tldraw';
import { useBoard } from '../board/BoardContext.tsx';
import { detailLevel, MIN_TEXT_PX, pageFontSize } from '../board/detailLevel.ts';
import { ITEM_H, type ItemGesture } from '../board/layout.ts';
import { roleLabelOf } from '../cards/labels.ts';
import { format } from '../i18n/format.ts';
import { itemEvents } from './itemEvents.ts';
import { ITEM_SHAPE, type ItemShape, type ItemShapeProps } from './itemShape.ts';
import { timelineStrings } from './timelineStrings.ts';

/**
 * A roadmap item: a bar from its first period's column to its last's. A projection of the model:
 * tldraw may move it or stretch it by one end while it is dragged, and the board turns the drop
 * into one model command; nothing else about it changes on the canvas.
 */
export class ItemShapeUtil extends ShapeUtil<ItemShape> {
  static override type = ITEM_SHAPE;
  static override props: RecordProps<ItemShape> = {
    w: T.number,
    h: T.number,
    itemId: T.string,
    labelFr: T.string,
    labelEn: T.string,
    role: T.string,
    kind: T.string,
    startPeriodId: T.string,
    endPeriodId: T.string,
    spanFr: T.string,
    spanEn: T.string,
    cards: T.number,
  };

  getDefaultProps(): ItemShapeProps {
    return {
      w: 200,
      h: ITEM_H,
      itemId: '',
      labelFr: '',
      labelEn: '',
      role: 'In',
      kind: 'new',
      startPeriodId: '',
      endPeriodId: '',
      spanFr: '',
      spanEn: '',
      cards: 0,
    };
  }

  getGeometry(shape: ItemShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  component(shape: ItemShape) {
    return <ItemView shape={shape} />;
  }

  getIndicatorPath(shape: ItemShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, 6);
    return path;
  }

  override canEdit() {
    return false;
  }
  override canCrop() {
    return false;
  }
  override hideRotateHandle() {
    return true;
  }
  // The ends are what people stretch: the side handles only, never the height.
  override hideResizeHandles() {
    return false;
  }

  override getText(shape: ItemShape) {
    return itemLabel(shape.props, this.locale());
  }

  override getAriaDescriptor(shape: ItemShape) {
    return describeItem(shape.props, this.locale());
  }

  override onTranslateStart(shape: ItemShape) {
    itemEvents(this.editor)?.dragStart(shape, 'move');
  }
  override onTranslate(_initial: ItemShape, current: ItemShape) {
    itemEvents(this.editor)?.drag(current, 'move');
  }
  override onTranslateEnd(_initial: ItemShape, current: ItemShape) {
    itemEvents(this.editor)?.dragEnd(current, 'move');
  }
  override onTranslateCancel(initial: ItemShape) {
    itemEvents(this.editor)?.dragCancel(initial);
  }

  override onResize(shape: ItemShape, info: TLResizeInfo<ItemShape>) {
    const gesture = gestureOf(info.handle);
    if (gesture === null) return { x: shape.x, y: shape.y };
    const resized = resizeBox(shape, info);
    itemEvents(this.editor)?.drag(
      { ...shape, x: resized.x, props: { ...shape.props, w: resized.props.w } },
      gesture,
    );
    // Only the horizontal extent follows the pointer: a bar's height is the layout's.
    return {
      x: resized.x,
      y: info.initialShape.y,
      props: { w: resized.props.w, h: shape.props.h },
    };
  }
  override onResizeEnd(initial: ItemShape, current: ItemShape) {
    const gesture = current.x !== initial.x ? 'start' : 'end';
    itemEvents(this.editor)?.dragEnd(current, gesture);
  }
  override onResizeCancel(initial: ItemShape) {
    itemEvents(this.editor)?.dragCancel(initial);
  }

  override onDoubleClick(shape: ItemShape) {
    itemEvents(this.editor)?.open(shape.props.itemId);
  }

  private locale(): 'fr' | 'en' {
    return itemEvents(this.editor)?.locale() ?? 'fr';
  }
}

function gestureOf(handle: TLResizeInfo<ItemShape>['handle']): ItemGesture | null {
  if (handle.includes('left')) return 'start';
  if (handle.includes('right')) return 'end';
  return null;
}

/** The label in the UI language, falling back to the other one. */
export function itemLabel(props: Pick<ItemShapeProps, 'labelFr' | 'labelEn'>, lang: 'fr' | 'en') {
  return localize({ fr: props.labelFr, en: props.labelEn }, lang);
}

export function kindLabelOf(kind: string, lang: 'fr' | 'en'): string {
  const t = timelineStrings[lang];
  return kind === 'ongoing' ? t.kindOngoing : t.kindNew;
}

/** Everything the bar shows, as one sentence for screen readers. */
export function describeItem(props: ItemShapeProps, lang: 'fr' | 'en'): string {
  const t = timelineStrings[lang];
  return format(t.describe, {
    label: itemLabel(props, lang),
    kind: kindLabelOf(props.kind, lang),
    role: roleLabelOf(props.role, lang),
    span: lang === 'fr' ? props.spanFr : props.spanEn,
  });
}

function ItemView({ shape }: { shape: ItemShape }) {
  const { lang } = useBoard();
  const t = timelineStrings[lang];
  const p = shape.props;
  const label = itemLabel(p, lang);
  const labelLang =
    (lang === 'fr' ? p.labelFr : p.labelEn) === '' ? (lang === 'fr' ? 'en' : 'fr') : lang;
  const span = lang === 'fr' ? p.spanFr : p.spanEn;
  // Semantic zoom, as for cards: zoomed out, the label alone in larger page units; further out,
  // the bar alone (its tooltip and description still say it all).
  const editor = useEditor();
  const zoom = useValue('zoom', () => editor.getZoomLevel(), [editor]);
  const level = detailLevel(zoom);
  return (
    <HTMLContainer
      className={`fdr-item fdr-item--${p.kind} fdr-item--${level}`}
      data-detail={level}
      data-testid="fdr-item"
      data-item-id={p.itemId}
      data-start-period={p.startPeriodId}
      data-end-period={p.endPeriodId}
      style={{ width: p.w, height: p.h }}
      title={`${label} — ${span}`}
    >
      {level === 'summary' && (
        <span
          className="fdr-item__label"
          lang={labelLang}
          style={{ fontSize: pageFontSize(MIN_TEXT_PX, zoom, 13) }}
        >
          {label}
        </span>
      )}
      {level === 'full' && (
        <>
          <span className={`fdr-role fdr-role--${p.role}`} title={roleLabelOf(p.role, lang)}>
            {p.role}
          </span>
          <span className="fdr-item__kind">{kindLabelOf(p.kind, lang)}</span>
          <span className="fdr-item__label" lang={labelLang}>
            {label}
          </span>
          {p.cards > 0 && (
            <span className="fdr-item__cards">{format(t.teams, { count: String(p.cards) })}</span>
          )}
        </>
      )}
    </HTMLContainer>
  );
}
