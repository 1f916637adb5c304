import { coreSchema, emptyCore, emptyYear, meetingSchema, parsePartitionKey, yearSchema, type MeetingData } from '../../shared/domain/partitions';
import { sessionSchema } from '../../shared/domain/live';
import type { Clock } from './deps';
import type { PartitionType } from './store/types';

/** The store's partition kinds with the domain schemas that validate every file of each kind. */
export function partitionTypes(clock: Clock): Record<string, PartitionType<unknown>> {
  return {
    core: { schema: coreSchema, empty: () => emptyCore(new Date(clock.now()).getFullYear()) },
    year: {
      schema: yearSchema,
      empty: (key) => {
        const parsed = parsePartitionKey(key);
        return emptyYear(parsed?.kind === 'year' ? parsed.year : new Date(clock.now()).getFullYear());
      },
    },
    // A meeting has no meaningful empty state: the first update fills `meeting` before validation.
    meeting: {
      schema: meetingSchema,
      empty: () => ({}) as MeetingData,
      // While the meeting is being held, every acknowledged change (sheet, draw, minute) is journaled too.
      journal: (data: MeetingData) => (data.live.status === 'running' ? { label: data.meeting.name } : null),
    },
    rehearsal: { schema: meetingSchema, empty: () => ({}) as MeetingData },
    session: { schema: sessionSchema, empty: () => ({ active: null }) },
  };
}
