import { localize } from '@fdr/model';
import {
  HTMLContainer,
  type RecordProps,
  Rectangle2d,
  ShapeUtil,
  T,
  useEditor,
  useValue,
} from 'tldraw';
import { roleLabelOf, stateLabelOf, statusLabelOf } from '../cards/labels.ts';
import { BubbleIcon } from '../comments/BubbleIcon.tsx';
import { commentCountText } from '../comments/commentCountText.ts';
import { format, formatDate } from '../i18n/format.ts';
import { strings } from '../i18n/strings.ts';
import { voteCountText } from '../meetings/meetingCanvasText.ts';
import { useBoard } from './BoardContext.tsx';
import { cardCommentCount } from './cardComments.ts';
import { cardEvents } from './cardEvents.ts';
import { CARD_SHAPE, type CardShape, type CardShapeProps } from './cardShape.ts';
import { cardVoteCount } from './cardVotes.ts';
import { detailLevel, MIN_TEXT_PX, pageFontSize } from './detailLevel.ts';
import { CARD_H, CARD_W } from './layout.ts';

/**
 * A task-team card. It is a projection of the model: tldraw may move it while it is dragged, and
 * the board turns the drop into one model command; it cannot be resized, rotated, edited in place
 * or deleted from the canvas (see CanvasBinding's side effects).
 */
export class CardShapeUtil extends ShapeUtil<CardShape> {
  static override type = CARD_SHAPE;
  static override props: RecordProps<CardShape> = {
    w: T.number,
    h: T.number,
    cardId: T.string,
    titleFr: T.string,
    titleEn: T.string,
    role: T.string,
    state: T.string,
    status: T.string,
    statusAt: T.string,
    stale: T.boolean,
    periods: T.string,
  };

  getDefaultProps(): CardShapeProps {
    return {
      w: CARD_W,
      h: CARD_H,
      cardId: '',
      titleFr: '',
      titleEn: '',
      role: 'In',
      state: 'new',
      status: '',
      statusAt: '',
      stale: false,
      periods: '',
    };
  }

  getGeometry(shape: CardShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  component(shape: CardShape) {
    return <CardView shape={shape} />;
  }

  getIndicatorPath(shape: CardShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, 8);
    return path;
  }

  override canResize() {
    return false;
  }
  override canEdit() {
    return false;
  }
  override canCrop() {
    return false;
  }
  override hideResizeHandles() {
    return true;
  }
  override hideRotateHandle() {
    return true;
  }
  override isAspectRatioLocked() {
    return true;
  }

  override getText(shape: CardShape) {
    return cardTitle(shape.props, this.locale());
  }

  override getAriaDescriptor(shape: CardShape) {
    return describeCard(
      shape.props,
      this.locale(),
      cardEvents(this.editor)?.placeOf(shape.props.cardId),
      cardCommentCount(this.editor, shape.props.cardId),
      cardVoteCount(this.editor, shape.props.cardId),
    );
  }

  override onTranslateStart(shape: CardShape) {
    cardEvents(this.editor)?.translateStart(shape);
  }
  override onTranslate(_initial: CardShape, current: CardShape) {
    cardEvents(this.editor)?.translate(current);
  }
  override onTranslateEnd(_initial: CardShape, current: CardShape) {
    cardEvents(this.editor)?.translateEnd(current);
  }
  override onTranslateCancel(initial: CardShape) {
    cardEvents(this.editor)?.translateCancel(initial);
  }
  override onDoubleClick(shape: CardShape) {
    // The board opens the card (openOnDoubleClick). Returning a change, even an empty one, is
    // what stops tldraw from also creating a text box where a shape cannot be edited.
    return { id: shape.id, type: CARD_SHAPE } as const;
  }

  private locale(): 'fr' | 'en' {
    return cardEvents(this.editor)?.locale() ?? 'fr';
  }
}

/** The title in the UI language, falling back to the other one. */
export function cardTitle(props: Pick<CardShapeProps, 'titleFr' | 'titleEn'>, lang: 'fr' | 'en') {
  return localize({ fr: props.titleFr, en: props.titleEn }, lang);
}

/** Everything the card shows, as one sentence for screen readers. */
export function describeCard(
  props: CardShapeProps,
  lang: 'fr' | 'en',
  place = '',
  comments = 0,
  /** The dot-vote count shown on the card; null when no vote on it shows results. */
  votes: number | null = null,
): string {
  const t = strings[lang];
  const active = [...props.periods].flatMap((on, i) => (on === '1' ? [i + 1] : []));
  const periods =
    props.periods === '' || active.length === props.periods.length
      ? ''
      : format(t.periodsList, { list: active.join(', ') });
  const parts = [
    cardTitle(props, lang),
    // Where it stands: lane, phase and, when not the whole phase, its periods.
    ...[place, periods].filter((part) => part !== ''),
    // French puts a space before the colon.
    `${t.fieldRole}${lang === 'fr' ? ' : ' : ': '}${roleLabelOf(props.role, lang)}`,
    stateLabelOf(props.state, lang),
    props.status
      ? format(t.lastCheckin, {
          status: statusLabelOf(props.status, lang),
          date: formatDate(props.statusAt, lang),
        })
      : t.noCheckin,
  ];
  if (props.stale) parts.push(t.stale);
  if (comments > 0) parts.push(commentCountText(comments, lang));
  if (votes !== null) parts.push(voteCountText(votes, lang));
  return parts.join('. ');
}

/** Title size on screen at the summary level: a step above the minimum, as it stands alone. */
const SUMMARY_TITLE_PX = MIN_TEXT_PX + 1;

function CardView({ shape }: { shape: CardShape }) {
  const { lang } = useBoard();
  const editor = useEditor();
  const t = strings[lang];
  const p = shape.props;
  const zoom = useValue('zoom', () => editor.getZoomLevel(), [editor]);
  const selected = useValue('selected', () => editor.getSelectedShapeIds().includes(shape.id), [
    editor,
    shape.id,
  ]);
  const level = detailLevel(zoom);
  const comments = useValue('comments', () => cardCommentCount(editor, p.cardId), [
    editor,
    p.cardId,
  ]);
  const votes = useValue('votes', () => cardVoteCount(editor, p.cardId), [editor, p.cardId]);
  // The focus ring is drawn in screen pixels: 3 px at every zoom, not a hairline when zoomed out.
  const ring = selected ? { outline: `${3 / zoom}px solid #0b57d0`, outlineOffset: 2 / zoom } : {};
  const title = cardTitle(p, lang);
  // Mark the language of a fallback title so screen readers pronounce it right.
  const titleLang =
    (lang === 'fr' ? p.titleFr : p.titleEn) === '' ? (lang === 'fr' ? 'en' : 'fr') : lang;
  const activePeriods = [...p.periods].flatMap((on, i) => (on === '1' ? [i + 1] : []));
  const periodsText =
    p.periods === '' || activePeriods.length === p.periods.length
      ? t.wholePhase
      : format(t.periodsList, { list: activePeriods.join(', ') });
  // A card spanning periods is a one-line strip (see layout.ts STRIP_H).
  const strip = p.h < CARD_H;
  const status = p.status ? (
    <span className={`fdr-status fdr-status--${p.status}`}>
      <span className="fdr-status__dot" aria-hidden="true" />
      {statusLabelOf(p.status, lang)} · {formatDate(p.statusAt, lang)}
    </span>
  ) : (
    <span className="fdr-status fdr-status--none">{t.noCheckin}</span>
  );
  const stale = p.stale && (
    <span className="fdr-stale" title={t.stale}>
      <span aria-hidden="true">⚠ </span>
      {t.stale}
    </span>
  );
  // A speech bubble with the count; its words are in the card's description.
  const bubble = comments > 0 && (
    <span className="fdr-card__comments" title={commentCountText(comments, lang)}>
      <BubbleIcon size={11} />
      {comments}
    </span>
  );
  // Dots with the count; its words are in the card's description too.
  const voteBadge = votes !== null && (
    <span className="fdr-card__votes" title={voteCountText(votes, lang)} data-testid="card-votes">
      <span className="fdr-card__votes-dot" aria-hidden="true" />
      {votes}
    </span>
  );
  const periods = p.periods !== '' && (
    <span className="fdr-periods" title={periodsText} role="img" aria-label={periodsText}>
      {[...p.periods].map((on, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: periods are positional
        <span key={i} className={on === '1' ? 'fdr-periods__on' : 'fdr-periods__off'} />
      ))}
    </span>
  );
  return (
    <HTMLContainer
      className={`fdr-card fdr-card--${p.state} fdr-card--${level}${strip ? ' fdr-card--strip' : ''}${selected ? ' fdr-card--selected' : ''}`}
      data-card-id={p.cardId}
      data-testid="fdr-card"
      data-detail={level}
      style={{ width: p.w, height: p.h, ...ring }}
    >
      {level === 'colours' ? (
        <span className={`fdr-card__swatch fdr-status--${p.status || 'none'}`} aria-hidden="true" />
      ) : level === 'summary' ? (
        <>
          <div
            className="fdr-card__title"
            lang={titleLang}
            style={{ fontSize: pageFontSize(SUMMARY_TITLE_PX, zoom, 14) }}
          >
            {title}
          </div>
          <div
            className="fdr-card__bottom"
            style={{ fontSize: pageFontSize(MIN_TEXT_PX, zoom, 11.5) }}
          >
            <span className={`fdr-status fdr-status--${p.status || 'none'}`}>
              <span className="fdr-status__dot" aria-hidden="true" />
              {p.status ? statusLabelOf(p.status, lang) : t.noCheckin}
            </span>
            {voteBadge}
            {bubble}
          </div>
        </>
      ) : strip ? (
        <>
          <span className={`fdr-role fdr-role--${p.role}`} title={roleLabelOf(p.role, lang)}>
            {p.role}
          </span>
          <div className="fdr-card__title" lang={titleLang}>
            {title}
          </div>
          <div className="fdr-card__side">
            {status}
            <span className="fdr-card__top">
              <span className="fdr-card__state">{stateLabelOf(p.state, lang)}</span>
              {periods}
              {stale}
              {voteBadge}
              {bubble}
            </span>
          </div>
        </>
      ) : (
        <>
          <div className="fdr-card__top">
            <span className={`fdr-role fdr-role--${p.role}`} title={roleLabelOf(p.role, lang)}>
              {p.role}
            </span>
            <span className="fdr-card__state">{stateLabelOf(p.state, lang)}</span>
            {periods}
          </div>
          <div className="fdr-card__title" lang={titleLang}>
            {title}
          </div>
          <div className="fdr-card__bottom">
            {status}
            {stale}
            {voteBadge}
            {bubble}
          </div>
        </>
      )}
    </HTMLContainer>
  );
}
