import type { Lang } from './i18n/strings.ts';

/** What every page of one board receives from the app: the board, and the page's language. */
export interface BoardPageProps {
  boardId: string;
  lang: Lang;
  setLang: (lang: Lang) => void;
}
