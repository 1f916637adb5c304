import { MeetingDetailPage } from './meeting-detail';
import { MeetingList } from './meeting-list';
import './meetings.css';

/** Routes #/meetings (the list) and #/meetings/<id> (one meeting with its agenda). */
export function MeetingsPage({ route }: { route: string }) {
  const id = /^\/meetings\/([^/?#]+)/.exec(route)?.[1];
  // Keyed by id so moving between meetings never shows one meeting's agenda under another's name.
  return id ? <MeetingDetailPage key={id} id={decodeURIComponent(id)} /> : <MeetingList />;
}
