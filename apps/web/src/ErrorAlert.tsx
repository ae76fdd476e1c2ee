/** A form's or a dialog's error, announced as it appears; nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="fdr-error">
      {message}
    </p>
  );
}
