import {
  addDomain,
  addPeriod,
  addPhase,
  FALLBACK_DOMAIN_COLOUR,
  isModelError,
  type Localized,
  localize,
  type PhaseRecord,
  type Roadmap,
  recolourDomain,
  removeDomain,
  renameDomain,
  renamePeriod,
  renamePhase,
  reorderDomain,
  setPeriodDates,
  setPhaseDates,
} from '@fdr/model';
import { useRef, useState } from 'react';
import type * as Y from 'yjs';
import { format, formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { DOMAIN_PALETTE, paletteEntry } from './domainPalette.ts';
import { addMonths, firstDay, lastDay, monthOf } from './months.ts';
import { type DialogFields, type DialogValues, StructureDialog } from './StructureDialog.tsx';
import { structureStrings } from './structureStrings.ts';

type Open = {
  heading: string;
  fields: DialogFields;
  submitLabel: string;
  /** Runs the one model command of this dialog. */
  apply: (values: DialogValues) => void;
};

/**
 * The secretariat's editor of a board's structure: the domains of interest (add, rename in
 * both languages, recolour, reorder, remove, saying where their cards and items go) and the
 * phases with their periods (add, rename, re-date). Every action is one model command on the
 * live doc with this page's origin, so it shows for everyone at once and Undo takes back only
 * one's own. Without `editable`, the same lists are shown without their buttons.
 */
export function StructureEditor({
  roadmap,
  doc,
  origin,
  undo,
  lang,
  editable,
}: {
  roadmap: Roadmap;
  doc: Y.Doc;
  origin: object;
  /** The page's undo of its own origin: each command is one step of it. */
  undo: Y.UndoManager;
  lang: Lang;
  editable: boolean;
}) {
  const t = structureStrings[lang];
  const [open, setOpen] = useState<Open | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  const l = (text: Localized) => localize(text, lang);

  const show = (next: Open) => {
    opener.current = document.activeElement as HTMLElement | null;
    setOpen(next);
  };
  const close = () => {
    setOpen(null);
    // Back to the button that opened the dialog, or to the list when that row has gone.
    const target = opener.current;
    requestAnimationFrame(() => {
      if (target?.isConnected) target.focus();
      else document.getElementById('structure-heading')?.focus();
    });
  };
  /** One command; the model's refusal, in the UI language, or null. */
  const run = (command: () => void): string | null => {
    try {
      command();
      // One step per command, even two made within the undo manager's capture delay.
      undo.stopCapturing();
      // A different text each time, so that a screen reader announces a second save too.
      setAnnouncement((previous) => (previous === t.saved ? `${t.saved}\u00a0` : t.saved));
      return null;
    } catch (error) {
      if (isModelError(error)) return error.messages[lang];
      throw error;
    }
  };

  const domains = roadmap.domains;
  const counts = (domainId: string) => ({
    cards: roadmap.cards.filter((c) => c.domainId === domainId).length,
    items: roadmap.items.filter((i) => i.domainId === domainId).length,
  });
  const lastPhase = roadmap.phases.at(-1);
  const nextPhaseStart = lastPhase?.end
    ? addMonths(monthOf(lastPhase.end), 1)
    : addMonths(monthOf(lastPhase?.start ?? new Date().toISOString()), 12);

  return (
    <div className="fdr-structure">
      <section aria-labelledby="structure-domains" className="fdr-structure__section">
        <h2 id="structure-domains">{t.domainsHeading}</h2>
        <ol className="fdr-structure__list" data-testid="structure-domains">
          {domains.map((domain, index) => {
            const label = l(domain.label);
            const named = paletteEntry(domain.colour);
            const { cards, items } = counts(domain.id);
            return (
              <li key={domain.id} className="fdr-structure__row" data-domain-id={domain.id}>
                <span
                  className="fdr-structure__lane"
                  style={{ background: domain.colour }}
                  data-testid="structure-domain-label"
                >
                  {label}
                </span>
                <span className="fdr-structure__meta">
                  <span lang={lang === 'fr' ? 'en' : 'fr'}>
                    {lang === 'fr' ? domain.label.en : domain.label.fr}
                  </span>
                  {' · '}
                  {format(t.colourNamed, {
                    name: named ? l(named.name) : format(t.customColour, { colour: domain.colour }),
                  })}
                  {' · '}
                  {format(t.cardsAndItems, { cards, items })}
                </span>
                {editable && (
                  <span className="fdr-structure__actions">
                    <Action
                      label={format(t.renameLabel, { label })}
                      text={t.rename}
                      onClick={() =>
                        show({
                          heading: format(t.renameLabel, { label }),
                          fields: { labels: domain.label },
                          submitLabel: t.save,
                          apply: (v) =>
                            renameDomain(doc, { id: domain.id, label: v.labels }, origin),
                        })
                      }
                    />
                    <Action
                      label={format(t.recolourLabel, { label })}
                      text={t.recolour}
                      onClick={() =>
                        show({
                          heading: format(t.recolourLabel, { label }),
                          fields: { colour: domain.colour },
                          submitLabel: t.save,
                          apply: (v) =>
                            recolourDomain(doc, { id: domain.id, colour: v.colour }, origin),
                        })
                      }
                    />
                    <Action
                      label={format(t.moveUpLabel, { label })}
                      text={t.moveUp}
                      disabled={index === 0}
                      onClick={() => {
                        const before = domains[index - 1];
                        if (before)
                          run(() =>
                            reorderDomain(
                              doc,
                              { id: domain.id, position: { before: before.id } },
                              origin,
                            ),
                          );
                      }}
                    />
                    <Action
                      label={format(t.moveDownLabel, { label })}
                      text={t.moveDown}
                      disabled={index === domains.length - 1}
                      onClick={() => {
                        const after = domains[index + 1];
                        if (after)
                          run(() =>
                            reorderDomain(
                              doc,
                              { id: domain.id, position: { after: after.id } },
                              origin,
                            ),
                          );
                      }}
                    />
                    <Action
                      label={format(t.removeLabel, { label })}
                      text={t.remove}
                      disabled={domains.length === 1}
                      onClick={() =>
                        show({
                          heading: format(t.removeHeading, { label }),
                          fields: {
                            moveTo: {
                              options: domains
                                .filter((d) => d.id !== domain.id)
                                .map((d) => ({ id: d.id, label: d.label })),
                              explain: format(t.removeExplain, { cards, items }),
                            },
                          },
                          submitLabel: t.removeConfirm,
                          apply: (v) =>
                            removeDomain(doc, { id: domain.id, moveTo: v.moveTo }, origin),
                        })
                      }
                    />
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        {editable && (
          <button
            type="button"
            className="fdr-button"
            data-testid="structure-add-domain"
            onClick={() =>
              show({
                heading: t.addDomain,
                fields: { labels: { fr: '', en: '' }, colour: unusedColour(roadmap) },
                submitLabel: t.add,
                apply: (v) => addDomain(doc, { label: v.labels, colour: v.colour }, origin),
              })
            }
          >
            {t.addDomain}
          </button>
        )}
      </section>

      <section aria-labelledby="structure-phases" className="fdr-structure__section">
        <h2 id="structure-phases">{t.phasesHeading}</h2>
        <ol className="fdr-structure__list" data-testid="structure-phases">
          {roadmap.phases.map((phase) => (
            <PhaseRow
              key={phase.id}
              phase={phase}
              lang={lang}
              editable={editable}
              onRename={() =>
                show({
                  heading: format(t.renameLabel, { label: l(phase.label) }),
                  fields: { labels: phase.label },
                  submitLabel: t.save,
                  apply: (v) => renamePhase(doc, { id: phase.id, label: v.labels }, origin),
                })
              }
              onDates={() =>
                show({
                  heading: format(t.datesLabel, { label: l(phase.label) }),
                  fields: {
                    dates: {
                      start: monthOf(phase.start),
                      end: phase.end === null ? null : monthOf(phase.end),
                      allowOpen: true,
                    },
                  },
                  submitLabel: t.save,
                  apply: (v) =>
                    setPhaseDates(
                      doc,
                      {
                        id: phase.id,
                        start: firstDay(v.start),
                        end: v.end === null ? null : lastDay(v.end),
                      },
                      origin,
                    ),
                })
              }
              onAddPeriod={() => {
                const n = roadmap.phases.reduce((sum, p) => sum + p.periods.length, 0) + 1;
                const last = phase.periods.at(-1);
                const start = last ? addMonths(monthOf(last.end), 1) : monthOf(phase.start);
                show({
                  heading: format(t.addPeriodLabel, { label: l(phase.label) }),
                  fields: {
                    labels: {
                      fr: format(structureStrings.fr.periodDefault, { n }),
                      en: format(structureStrings.en.periodDefault, { n }),
                    },
                    dates: { start, end: addMonths(start, 5), allowOpen: false },
                  },
                  submitLabel: t.add,
                  apply: (v) =>
                    addPeriod(
                      doc,
                      {
                        phaseId: phase.id,
                        label: v.labels,
                        start: firstDay(v.start),
                        end: lastDay(v.end ?? v.start),
                      },
                      origin,
                    ),
                });
              }}
              onRenamePeriod={(period) =>
                show({
                  heading: format(t.renameLabel, { label: l(period.label) }),
                  fields: { labels: period.label },
                  submitLabel: t.save,
                  apply: (v) => renamePeriod(doc, { id: period.id, label: v.labels }, origin),
                })
              }
              onPeriodDates={(period) =>
                show({
                  heading: format(t.datesLabel, { label: l(period.label) }),
                  fields: {
                    dates: {
                      start: monthOf(period.start),
                      end: monthOf(period.end),
                      allowOpen: false,
                    },
                  },
                  submitLabel: t.save,
                  apply: (v) =>
                    setPeriodDates(
                      doc,
                      { id: period.id, start: firstDay(v.start), end: lastDay(v.end ?? v.start) },
                      origin,
                    ),
                })
              }
            />
          ))}
        </ol>
        {editable && (
          <button
            type="button"
            className="fdr-button"
            data-testid="structure-add-phase"
            onClick={() => {
              const n = roadmap.phases.length + 1;
              show({
                heading: t.addPhase,
                fields: {
                  labels: {
                    fr: format(structureStrings.fr.phaseDefault, { n }),
                    en: format(structureStrings.en.phaseDefault, { n }),
                  },
                  dates: {
                    start: nextPhaseStart,
                    end: addMonths(nextPhaseStart, 23),
                    allowOpen: true,
                  },
                },
                submitLabel: t.add,
                apply: (v) =>
                  addPhase(
                    doc,
                    {
                      label: v.labels,
                      start: firstDay(v.start),
                      end: v.end === null ? null : lastDay(v.end),
                    },
                    origin,
                  ),
              });
            }}
          >
            {t.addPhase}
          </button>
        )}
      </section>

      <p className="fdr-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {open && (
        <StructureDialog
          heading={open.heading}
          fields={open.fields}
          submitLabel={open.submitLabel}
          lang={lang}
          onSubmit={(values) => run(() => open.apply(values))}
          onClose={close}
        />
      )}
    </div>
  );
}

function PhaseRow({
  phase,
  lang,
  editable,
  onRename,
  onDates,
  onAddPeriod,
  onRenamePeriod,
  onPeriodDates,
}: {
  phase: PhaseRecord;
  lang: Lang;
  editable: boolean;
  onRename: () => void;
  onDates: () => void;
  onAddPeriod: () => void;
  onRenamePeriod: (period: PhaseRecord['periods'][number]) => void;
  onPeriodDates: (period: PhaseRecord['periods'][number]) => void;
}) {
  const t = structureStrings[lang];
  const label = localize(phase.label, lang);
  const span = (start: string, end: string | null) =>
    end === null
      ? format(t.fromMonth, { date: formatMonth(start, lang) })
      : `${formatMonth(start, lang)} – ${formatMonth(end, lang)}`;
  return (
    <li className="fdr-structure__phase" data-phase-id={phase.id}>
      <div className="fdr-structure__row">
        <h3 className="fdr-structure__name">{label}</h3>
        <span className="fdr-structure__dates" data-testid="structure-phase-dates">
          {span(phase.start, phase.end)}
        </span>
        {editable && (
          <span className="fdr-structure__actions">
            <Action label={format(t.renameLabel, { label })} text={t.rename} onClick={onRename} />
            <Action label={format(t.datesLabel, { label })} text={t.dates} onClick={onDates} />
            <Action
              label={format(t.addPeriodLabel, { label })}
              text={t.addPeriod}
              onClick={onAddPeriod}
            />
          </span>
        )}
      </div>
      {phase.periods.length === 0 ? (
        <p className="fdr-hint fdr-structure__periods">{t.noPeriods}</p>
      ) : (
        <ol className="fdr-structure__periods" aria-label={format(t.periodsOf, { label })}>
          {phase.periods.map((period) => {
            const periodLabel = localize(period.label, lang);
            return (
              <li key={period.id} className="fdr-structure__row" data-period-id={period.id}>
                <span className="fdr-structure__name">{periodLabel}</span>
                <span className="fdr-structure__dates">{span(period.start, period.end)}</span>
                {editable && (
                  <span className="fdr-structure__actions">
                    <Action
                      label={format(t.renameLabel, { label: periodLabel })}
                      text={t.rename}
                      onClick={() => onRenamePeriod(period)}
                    />
                    <Action
                      label={format(t.datesLabel, { label: periodLabel })}
                      text={t.dates}
                      onClick={() => onPeriodDates(period)}
                    />
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

/** A palette colour no lane uses yet, for a new domain (the first one when all are taken). */
function unusedColour(roadmap: Roadmap): string {
  const used = new Set(roadmap.domains.map((d) => d.colour));
  const free = DOMAIN_PALETTE.find((entry) => !used.has(entry.colour)) ?? DOMAIN_PALETTE[0];
  return free?.colour ?? FALLBACK_DOMAIN_COLOUR;
}

/** A row's button: its visible word, and a name that begins with it and says which row. */
function Action({
  text,
  label,
  disabled = false,
  onClick,
}: {
  text: string;
  label: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="fdr-button fdr-button--quiet"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      {text}
    </button>
  );
}
