import { ITEM_KIND_LABELS, localize, type Roadmap } from '@fdr/model';
import type { ReactNode } from 'react';
import { roleLabelOf } from '../cards/labels.ts';
import { CommentCountButton } from '../comments/CommentCountButton.tsx';
import { commentStrings } from '../comments/commentStrings.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { CellList } from '../table/CellList.tsx';
import { DataTable, RowCell } from '../table/DataTable.tsx';
import { Text } from '../table/Text.tsx';
import type { TableFilters } from '../table/tableRows.ts';
import type { BoardPeriod, ItemRow } from './itemRows.ts';
import { itemStrings } from './itemStrings.ts';

/** What the person may do with roadmap items; absent in a read-only view. */
export interface ItemActions {
  onEdit: (itemId: string) => void;
  onSpan: (itemId: string) => void;
  onRemove: (itemId: string) => void;
  onAdd: (domainId: string) => void;
}

/** Each item's comment count and the button opening its conversation. */
export interface ItemComments {
  countOf: (itemId: string) => number;
  onOpen: (itemId: string) => void;
}

type ItemColumn =
  | 'label'
  | 'domain'
  | 'role'
  | 'kind'
  | 'start'
  | 'end'
  | 'cards'
  | 'comments'
  | 'actions';

/**
 * Roadmap items as a table: one row per item with its label (the row's header), role, kind and
 * span, and the buttons of someone who may edit. The rows of a domain in the grouped view, or
 * every item with a domain column.
 */
export function ItemsTable({
  rows,
  roadmap,
  lang,
  filters,
  caption,
  showDomain,
  actions,
  comments,
}: {
  rows: readonly ItemRow[];
  roadmap: Roadmap;
  lang: Lang;
  filters: TableFilters;
  caption: string;
  showDomain: boolean;
  actions?: ItemActions | undefined;
  comments?: ItemComments | undefined;
}) {
  const t = itemStrings[lang];
  const tt = tableStrings[lang];
  const phased = roadmap.phases.filter((p) => p.periods.length > 0).length > 1;
  const period = (entry: BoardPeriod) =>
    phased
      ? `${localize(entry.phase.label, lang)} — ${localize(entry.period.label, lang)}`
      : localize(entry.period.label, lang);
  const columns: ItemColumn[] = [
    'label',
    ...(showDomain ? (['domain'] as const) : []),
    'role',
    'kind',
    'start',
    'end',
    'cards',
    ...(comments ? (['comments'] as const) : []),
    ...(actions ? (['actions'] as const) : []),
  ];
  const labels: Record<ItemColumn, string> = {
    label: t.colLabel,
    domain: tt.colDomain,
    role: tt.colRole,
    kind: tt.colKind,
    start: t.colStart,
    end: t.colEnd,
    cards: tt.colCards,
    comments: commentStrings[lang].colComments,
    actions: tt.colActions,
  };
  return (
    <DataTable<ItemColumn>
      caption={caption}
      columns={columns}
      lang={lang}
      labelOf={(column) => labels[column]}
      sortedOf={(column) =>
        (column === 'label' && filters.sort === 'title') ||
        (column === 'role' && filters.sort === 'role')
      }
      sort={filters.sort}
      desc={filters.desc}
      interactive={!!actions || (!!comments && rows.length > 0)}
    >
      {rows.map((row) => {
        const { item } = row;
        const name = localize(item.label, lang);
        const button = (action: 'edit' | 'span' | 'remove', label: string, text: string) => (
          <button
            type="button"
            className={`fdr-button fdr-button--quiet${action === 'remove' ? ' fdr-button--danger-quiet' : ''}`}
            aria-label={format(label, { label: name })}
            data-action={action}
            onClick={() =>
              action === 'edit'
                ? actions?.onEdit(item.id)
                : action === 'span'
                  ? actions?.onSpan(item.id)
                  : actions?.onRemove(item.id)
            }
          >
            {text}
          </button>
        );
        const cells: Record<ItemColumn, ReactNode> = {
          label: <Text text={item.label} lang={lang} />,
          domain: <Text text={row.domain.label} lang={lang} />,
          role: (
            <>
              <span className={`fdr-role fdr-role--${item.role}`} aria-hidden="true">
                {item.role}
              </span>{' '}
              {roleLabelOf(item.role, lang)}
            </>
          ),
          kind: ITEM_KIND_LABELS[item.kind][lang],
          start: period(row.start),
          end: period(row.end),
          cards: (
            <CellList
              items={item.cardIds.flatMap((id) => {
                const card = roadmap.cards.find((c) => c.id === id);
                return card ? [<Text key={id} text={card.title} lang={lang} />] : [];
              })}
            />
          ),
          comments: comments && (
            <CommentCountButton
              count={comments.countOf(item.id)}
              label={name}
              lang={lang}
              onOpen={() => comments.onOpen(item.id)}
            />
          ),
          actions: actions && (
            <div className="fdr-row-actions">
              {button('edit', t.editLabel, t.edit)}
              {button('span', t.spanLabel, t.span)}
              {button('remove', t.removeLabel, t.remove)}
            </div>
          ),
        };
        return (
          <tr key={item.id} className="fdr-row" data-item-id={item.id} data-testid="item-row">
            {columns.map((column) => (
              <RowCell key={column} column={column} header={column === 'label'}>
                {cells[column]}
              </RowCell>
            ))}
          </tr>
        );
      })}
    </DataTable>
  );
}
