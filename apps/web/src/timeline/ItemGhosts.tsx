import { localize } from '@fdr/model';
import { useEditor, useValue } from 'tldraw';
import { useBoard } from '../board/BoardContext.tsx';
import { ITEM_H } from '../board/layout.ts';

/** Item bars other people are moving or stretching right now, where their pointer holds them. */
export function ItemGhosts() {
  const editor = useEditor();
  const { view, lang } = useBoard();
  const ghosts = useValue('ghosts', () => view.ghosts.get(), [view]);
  const camera = useValue('camera', () => editor.getCamera(), [editor]);
  const roadmap = useValue('roadmap', () => view.roadmap.get(), [view]);
  if (!ghosts.some((ghost) => ghost.items.length > 0)) return null;
  const z = camera.z;
  return (
    <div className="fdr-ghosts" aria-hidden="true">
      {ghosts.flatMap((ghost) =>
        ghost.items.map((item) => {
          const model = roadmap?.items.find((i) => i.id === item.itemId);
          return (
            <div
              key={`${ghost.clientId}:${item.itemId}`}
              className="fdr-ghost fdr-ghost--item"
              data-testid="fdr-item-ghost"
              data-item-id={item.itemId}
              style={{
                left: (item.x + camera.x) * z,
                top: (item.y + camera.y) * z,
                width: item.w * z,
                height: ITEM_H * z,
                borderColor: ghost.color,
              }}
            >
              <span className="fdr-ghost__who" style={{ background: ghost.color }}>
                {ghost.name}
              </span>
              {model && <span className="fdr-ghost__title">{localize(model.label, lang)}</span>}
            </div>
          );
        }),
      )}
    </div>
  );
}
