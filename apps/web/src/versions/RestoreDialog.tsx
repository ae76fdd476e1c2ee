import { beforeRestoreName } from '@fdr/model';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import { Dialog } from '../table/Dialog.tsx';
import type { VersionInfo } from './versionApi.ts';
import { versionName } from './versionLabels.ts';

/**
 * Asks before a restore, in the app's own modal dialog (focus kept inside, Escape cancels). Focus
 * starts on Cancel: a restore changes the board for everyone, so Enter alone must not do it.
 */
export function RestoreDialog({
  version,
  lang,
  onConfirm,
  onCancel,
}: {
  version: VersionInfo;
  lang: Lang;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = versionStrings[lang];
  const name = versionName(version, lang);
  return (
    <Dialog heading={format(t.restoreHeading, { name })} onClose={onCancel} testId="restore-dialog">
      <p>
        {format(t.restoreConfirm, {
          before: versionName({ name: beforeRestoreName(version.name) }, lang),
        })}
      </p>
      <div className="fdr-actions">
        <button
          type="button"
          className="fdr-button fdr-button--danger"
          data-testid="restore-confirm"
          onClick={onConfirm}
        >
          {t.restoreConfirmButton}
        </button>
        <button type="button" className="fdr-button" data-autofocus onClick={onCancel}>
          {t.restoreCancel}
        </button>
      </div>
    </Dialog>
  );
}
