import { useEffect, useState } from 'react';
import { type Lang, strings } from './i18n/strings.ts';

interface BoardInfo {
  id: string;
  updatedAt: number;
}

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; boards: BoardInfo[] };

/** The home page: stored boards and the language switch. */
export function Home() {
  const [lang, setLang] = useState<Lang>(() =>
    localStorage.getItem('fdr.lang') === 'en' ? 'en' : 'fr',
  );
  const [state, setState] = useState<State>({ kind: 'loading' });
  const t = strings[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
    localStorage.setItem('fdr.lang', lang);
  }, [lang, t.title]);

  useEffect(() => {
    fetch('/api/boards')
      .then((res) => (res.ok ? (res.json() as Promise<{ boards: BoardInfo[] }>) : Promise.reject()))
      .then(({ boards }) => setState({ kind: 'ready', boards }))
      .catch(() => setState({ kind: 'error' }));
  }, []);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '48rem', margin: '2rem auto' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1>{t.title}</h1>
        <button type="button" onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}>
          <span lang={lang === 'fr' ? 'en' : 'fr'}>{t.switchTo}</span>
        </button>
      </header>
      <p>{t.tagline}</p>
      <h2>{t.boards}</h2>
      <div aria-live="polite">
        {state.kind === 'loading' && <p>{t.loading}</p>}
        {state.kind === 'error' && <p role="alert">{t.error}</p>}
        {state.kind === 'ready' && state.boards.length === 0 && <p>{t.empty}</p>}
        {state.kind === 'ready' && state.boards.length > 0 && (
          <ul>
            {state.boards.map((b) => (
              <li key={b.id}>
                {b.id} — {t.updated} {new Date(b.updatedAt).toLocaleString(`${lang}-CA`)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}
