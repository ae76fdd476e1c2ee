import { BOARD_ROLE_LABELS } from '@fdr/model';
import { format } from '../i18n/format.ts';
import { roleStrings } from '../i18n/roleStrings.ts';
import type { Lang } from '../i18n/strings.ts';
import type { RoleNotice as Notice } from './liveRole.ts';

/**
 * The banner that tells a person their role on the board changed while it was open: what they
 * may do now and, when the server refused their last changes, that those are gone. It stays
 * until dismissed (a toast could vanish before it is read).
 */
export function RoleNotice({
  notice,
  lang,
  onDismiss,
}: {
  notice: Notice;
  lang: Lang;
  onDismiss: () => void;
}) {
  if (notice.kind === 'removed') return null;
  const t = roleStrings[lang];
  const roleName = BOARD_ROLE_LABELS[notice.role][lang];
  const lost = notice.kind === 'refused' || notice.lost;
  const canEdit = notice.kind === 'changed' && notice.canEdit;
  return (
    <div
      className={`fdr-role-notice ${lost ? 'fdr-role-notice--lost' : ''}`}
      role="alert"
      aria-label={t.roleNoticeLabel}
      data-testid="role-notice"
      data-lost={lost}
    >
      <p className="fdr-role-notice__text">
        {notice.kind === 'changed' ? (
          <>
            <strong>{format(t.roleChangedTo, { role: roleName })}</strong>{' '}
            {notice.lost && `${t.roleChangesNotKept} `}
            {canEdit ? t.roleEditNow : `${t.roleReadOnlyNow} ${t.roleAskSecretariat}`}
          </>
        ) : (
          <>
            <strong>{format(t.roleRefused, { role: roleName })}</strong> {t.roleAskSecretariat}
          </>
        )}
      </p>
      <button type="button" className="fdr-button" onClick={onDismiss} data-testid="role-notice-ok">
        {t.roleNoticeDismiss}
      </button>
    </div>
  );
}
