import { lazy, Suspense, useEffect } from 'react';
import { Home } from './Home.tsx';
import { strings } from './i18n/strings.ts';
import { useLang } from './i18n/useLang.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { Link } from './Link.tsx';
import { useRoute } from './router.ts';

// The board (tldraw, Yjs and their assets) is its own chunk: the home page never downloads it.
const BoardPage = lazy(() => import('./board/BoardPage.tsx'));

export function App() {
  const [lang, setLang] = useLang();
  const route = useRoute();
  const t = strings[lang];

  useEffect(() => {
    if (route.name === 'unknown') document.title = t.title;
  }, [route.name, t.title]);

  if (route.name === 'home') return <Home lang={lang} setLang={setLang} />;
  if (route.name === 'board') {
    return (
      <Suspense
        fallback={
          <main className="fdr-board-message">
            <p role="status">{t.boardLoading}</p>
          </main>
        }
      >
        <BoardPage key={route.boardId} boardId={route.boardId} lang={lang} setLang={setLang} />
      </Suspense>
    );
  }
  return (
    <main className="fdr-home">
      <header className="fdr-home__header">
        <h1>{t.title}</h1>
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      <p role="alert">{t.boardNotFound}</p>
      <Link href="/">{t.back}</Link>
    </main>
  );
}
