import type { BoardRole } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';

/** What each meeting page gets from the app. */
export interface MeetingPageProps {
  boardId: string;
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The caller's role on the board (administrators: secretariat); null while unknown. */
  role: BoardRole | null;
  userId: string | null;
}
