import { QuestionBankPage } from '../questions/question-bank-page';
import { MeetingDetailPage } from './meeting-detail';
import { MeetingList } from './meeting-list';
import './meetings.css';

/** Routes #/meetings (the list), #/meetings/<id> (one meeting with its agenda) and #/meetings/<id>/questions (its question bank). */
export function MeetingsPage({ route }: { route: string }) {
  const bank = /^\/meetings\/([^/?#]+)\/questions/.exec(route)?.[1];
  if (bank) return <QuestionBankPage key={bank} meetingId={decodeURIComponent(bank)} />;
  const id = /^\/meetings\/([^/?#]+)/.exec(route)?.[1];
  // Keyed by id so moving between meetings never shows one meeting's agenda under another's name.
  return id ? <MeetingDetailPage key={id} id={decodeURIComponent(id)} /> : <MeetingList />;
}
