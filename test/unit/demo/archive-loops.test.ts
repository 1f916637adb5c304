import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statesOf } from '../../../electron/services/loop/loop-records';
import { meetingSchema, yearSchema, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { generateArchive } from '../../bench/archive-gen';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await fsp.rm(dir, { recursive: true, force: true });
});

async function partitions<T>(dir: string, schema: { parse(x: unknown): T }): Promise<T[]> {
  const names = (await fsp.readdir(dir)).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => schema.parse((JSON.parse(await fsp.readFile(join(dir, n), 'utf8')) as { data: unknown }).data)));
}

describe('the benchmarks’ archive', { timeout: 120_000 }, () => {
  it('gives every archived year a complete loop, written by the demo’s history generator', async () => {
    const root = await fsp.mkdtemp(join(tmpdir(), 'pingyi-archive-'));
    made.push(root);
    const { dataDir } = await generateArchive(join(root, 'data'), 7, 2026);
    const years: YearData[] = await partitions(join(dataDir, 'year'), yearSchema);
    const meetings: MeetingData[] = await partitions(join(dataDir, 'meeting'), meetingSchema);
    expect(years.map((y) => y.year).sort()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const states = statesOf(years, meetings);
    const older = years.filter((y) => y.year < 2022);
    for (const y of older) {
      expect(y.evaluations).toHaveLength(12);
      for (const ev of y.evaluations) expect(states.get(ev.id), `${y.year}`).toMatchObject({ stage: 'closed', closedBy: 'followUpVote' });
      expect(y.loop?.ledger.length).toBeGreaterThanOrEqual(36);
      expect(y.loop?.followUps).toHaveLength(12);
      expect(y.opinions?.records).toHaveLength(12);
    }
    // Each archived year's October meeting and the August meeting of the next that held its 满意度测评.
    for (const y of older) {
      const votes = y.loop!.laterVotes;
      const held = new Set(votes.map((v) => v.meetingId));
      expect(held.size).toBe(1);
      const august = meetings.find((m) => held.has(m.meeting.id))!;
      expect(august.meeting.date).toBe(`${y.year + 1}-08-26`);
      expect(august.votes.rounds.every((r) => r.state === 'announced')).toBe(true);
    }
  });
});
