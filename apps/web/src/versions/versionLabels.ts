import { beforeRestoreNameIn } from '@fdr/model';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import type { VersionInfo } from './versionApi.ts';

/** Named, automatic (daily) or kept before a restore, in words. */
export function kindLabel(kind: VersionInfo['kind'], lang: Lang): string {
  const t = versionStrings[lang];
  return kind === 'named' ? t.kindNamed : kind === 'auto' ? t.kindAuto : t.kindBeforeRestore;
}

export function sizeText(bytes: number, lang: Lang): string {
  const size = new Intl.NumberFormat(`${lang}-CA`, { maximumFractionDigits: 1 }).format(
    bytes / 1024,
  );
  return format(versionStrings[lang].sizeKb, { size });
}

/** A version's name as a reader of `lang` sees it (a restore's own version is named in both). */
export function versionName(version: Pick<VersionInfo, 'name'>, lang: Lang): string {
  return beforeRestoreNameIn(version.name, lang) ?? version.name;
}
