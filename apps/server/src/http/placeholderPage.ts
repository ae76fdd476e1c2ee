/** Served at `/` when the web app has not been built (e.g. the server alone in development). */
export const placeholderPage = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feuille de route</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<main>
<h1>Feuille de route</h1>
<p>Le serveur fonctionne. L’application web n’est pas encore construite&nbsp;: lancez <code>pnpm build</code>.</p>
<h2 lang="en">Roadmap</h2>
<p lang="en">The server is running. The web app has not been built yet: run <code>pnpm build</code>.</p>
</main>
</body>
</html>
`;
