/** Under a meeting form: the refusal, if any (an alert), then what the last save did (a status). */
export function SaveStatus({ error, done }: { error: string | null; done: string }) {
  return (
    <>
      {error && (
        <p role="alert" className="fdr-error">
          {error}
        </p>
      )}
      <p role="status" className="fdr-hint">
        {done}
      </p>
    </>
  );
}
