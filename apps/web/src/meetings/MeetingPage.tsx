import type { MeetingPageProps } from './MeetingPageProps.ts';

/** Being built: replaced by the page itself. */
export function MeetingPage(_props: MeetingPageProps & { meetingId: string }) {
  return <main className="fdr-home" />;
}
