import { CHECKIN_STATUSES, ROLES } from '@fdr/model';
import { useId, useRef, useState } from 'react';
import { roleLabelOf, stateLabelOf, statusLabelOf } from '../cards/labels.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { useOverlay } from '../overlay/useOverlay.ts';

/** What the badges, borders and chips of a card mean; each is text as well as colour. */
export function Legend({ lang }: { lang: Lang }) {
  const t = strings[lang];
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useOverlay({ open, close: () => setOpen(false), root });
  return (
    <div className="fdr-legend" ref={root}>
      <button
        type="button"
        className="fdr-button fdr-button--quiet"
        aria-expanded={open}
        aria-controls={`${id}-legend`}
        onClick={() => setOpen(!open)}
        data-testid="legend-button"
      >
        {t.legend}
      </button>
      {open && (
        <div id={`${id}-legend`} className="fdr-legend__panel" data-testid="legend">
          <h2 className="fdr-legend__heading">{t.legendRoles}</h2>
          <ul>
            {ROLES.map((role) => (
              <li key={role}>
                <span className={`fdr-role fdr-role--${role}`}>{role}</span>{' '}
                {roleLabelOf(role, lang)}
              </li>
            ))}
          </ul>
          <h2 className="fdr-legend__heading">{t.legendStates}</h2>
          <ul>
            {(['existing-modified', 'new', 'external-identity'] as const).map((state) => (
              <li key={state}>
                <span className={`fdr-legend__swatch fdr-card--${state}`} aria-hidden="true" />{' '}
                {stateLabelOf(state, lang)}
              </li>
            ))}
          </ul>
          <h2 className="fdr-legend__heading">{t.legendStatus}</h2>
          <ul>
            {CHECKIN_STATUSES.map((status) => (
              <li key={status}>
                <span className={`fdr-status fdr-status--${status}`}>
                  <span className="fdr-status__dot" aria-hidden="true" />
                  {statusLabelOf(status, lang)}
                </span>
              </li>
            ))}
            <li>
              <span className="fdr-stale">
                <span aria-hidden="true">⚠ </span>
                {t.stale}
              </span>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
