import type { MeetingPageProps } from './MeetingPageProps.ts';

/** Being built: replaced by the page itself. */
export function DecisionsPage(_props: MeetingPageProps) {
  return <main className="fdr-home" />;
}
