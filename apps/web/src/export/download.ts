/** Saves a file in the browser (a `blob:` link: nothing goes over the network). */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `roadmap-<board>-<yyyy-mm-dd>[-suffix].<ext>`, safe on every file system. */
export function fileName(boardId: string, ext: string, suffix = '', now = new Date()): string {
  const safe = boardId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `roadmap-${safe}-${now.toISOString().slice(0, 10)}${suffix ? `-${suffix}` : ''}.${ext}`;
}
