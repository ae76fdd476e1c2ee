import { useValue } from 'tldraw';
import type { Lang } from '../i18n/strings.ts';
import { ReadProblems } from '../ReadProblems.tsx';
import type { BoardView } from './BoardView.ts';

/** The read-problems notice of a live board, following its doc. */
export function LiveReadProblems({ view, lang }: { view: BoardView | undefined; lang: Lang }) {
  const problems = useValue('read problems', () => view?.problems.get() ?? [], [view]);
  return <ReadProblems problems={problems} lang={lang} />;
}
