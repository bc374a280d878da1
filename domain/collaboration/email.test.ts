import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, digestDue, localDateAndHour } from './email';
import { TimeZone, UpdateNotificationPreferences } from './preferences';

const at = (iso: string) => new Date(iso);

describe('localDateAndHour', () => {
  it('reads the wall clock of the zone', () => {
    expect(localDateAndHour(at('2025-01-15T07:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2025-01-15', hour: 8 }); // CET, +1
    expect(localDateAndHour(at('2025-07-15T06:00:00Z'), 'Europe/Berlin')).toEqual({ date: '2025-07-15', hour: 8 }); // CEST, +2
    expect(localDateAndHour(at('2025-01-14T23:30:00Z'), 'UTC')).toEqual({ date: '2025-01-14', hour: 23 });
    expect(localDateAndHour(at('2025-01-15T00:00:00Z'), 'UTC')).toEqual({ date: '2025-01-15', hour: 0 });
  });
});

describe('digestDue', () => {
  it('is due from the chosen hour on, once per local day (UTC default)', () => {
    const s = { hour: 8, timeZone: 'UTC', lastSentOn: '2025-01-14' };
    expect(digestDue(s, at('2025-01-15T07:59:59Z'))).toEqual({ due: false, today: '2025-01-15' });
    expect(digestDue(s, at('2025-01-15T08:00:00Z'))).toEqual({ due: true, today: '2025-01-15' });
    expect(digestDue(s, at('2025-01-15T23:00:00Z'))).toEqual({ due: true, today: '2025-01-15' });
    expect(digestDue({ ...s, lastSentOn: '2025-01-15' }, at('2025-01-15T09:00:00Z')).due).toBe(false);
    expect(digestDue({ ...s, lastSentOn: null }, at('2025-01-15T09:00:00Z')).due).toBe(true);
  });

  it('follows Berlin across the spring change: 02:00 does not exist, 03:00 CEST counts as reached', () => {
    // 2025-03-30: 01:59:59 CET = 00:59:59Z, then the clock jumps to 03:00 CEST = 01:00Z.
    const s = { hour: 2, timeZone: 'Europe/Berlin', lastSentOn: '2025-03-29' };
    expect(digestDue(s, at('2025-03-30T00:59:59Z'))).toEqual({ due: false, today: '2025-03-30' });
    expect(digestDue(s, at('2025-03-30T01:00:00Z'))).toEqual({ due: true, today: '2025-03-30' });
    // An 08:00 digest on that day: 08:00 CEST = 06:00Z (the day before it was 07:00Z).
    expect(digestDue({ ...s, hour: 8 }, at('2025-03-30T05:59:00Z')).due).toBe(false);
    expect(digestDue({ ...s, hour: 8 }, at('2025-03-30T06:00:00Z')).due).toBe(true);
    expect(digestDue({ ...s, hour: 8, lastSentOn: '2025-03-28' }, at('2025-03-29T06:30:00Z')).due).toBe(false); // 07:30 CET
  });

  it('sends once through the repeated hour of the autumn change in Berlin', () => {
    // 2025-10-26: 02:30 CEST = 00:30Z; the clock falls back and 02:30 CET = 01:30Z comes again.
    const s = { hour: 2, timeZone: 'Europe/Berlin', lastSentOn: '2025-10-25' };
    expect(digestDue(s, at('2025-10-25T23:59:00Z'))).toEqual({ due: false, today: '2025-10-26' }); // 01:59 CEST
    expect(digestDue(s, at('2025-10-26T00:30:00Z'))).toEqual({ due: true, today: '2025-10-26' });
    expect(digestDue({ ...s, lastSentOn: '2025-10-26' }, at('2025-10-26T01:30:00Z'))).toEqual({ due: false, today: '2025-10-26' });
  });

  it('uses the local date in a zone ahead of UTC (Auckland, NZDT +13)', () => {
    // 2025-01-14T19:00Z is 08:00 on 15 January in Auckland.
    const s = { hour: 8, timeZone: 'Pacific/Auckland', lastSentOn: '2025-01-14' };
    expect(digestDue(s, at('2025-01-14T18:59:00Z'))).toEqual({ due: false, today: '2025-01-15' });
    expect(digestDue(s, at('2025-01-14T19:00:00Z'))).toEqual({ due: true, today: '2025-01-15' });
    // Already sent for the local 15th while UTC still says the 14th.
    expect(digestDue({ ...s, lastSentOn: '2025-01-15' }, at('2025-01-14T20:00:00Z')).due).toBe(false);
    // Local midnight crossing: 10:59Z is 23:59 on the 15th, 11:00Z is 00:00 on the 16th (before 08:00).
    expect(digestDue({ ...s, lastSentOn: '2025-01-15' }, at('2025-01-15T10:59:00Z'))).toEqual({ due: false, today: '2025-01-15' });
    expect(digestDue({ ...s, lastSentOn: '2025-01-15' }, at('2025-01-15T11:00:00Z'))).toEqual({ due: false, today: '2025-01-16' });
    expect(digestDue({ ...s, lastSentOn: '2025-01-15' }, at('2025-01-15T19:00:00Z'))).toEqual({ due: true, today: '2025-01-16' });
  });

  it('does not send again after a move to a zone behind the last sent date', () => {
    expect(digestDue({ hour: 8, timeZone: 'America/New_York', lastSentOn: '2025-01-15' }, at('2025-01-15T14:00:00Z')).due).toBe(false);
  });
});

describe('time zones', () => {
  it('accepts IANA names in their canonical spelling and rejects the rest', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(TimeZone.parse('europe/berlin')).toBe('Europe/Berlin');
    expect(TimeZone.parse('UTC')).toBe('UTC');
    for (const bad of ['Mars/Olympus', '', '+01:00', 'Europe/Berlin; drop', 'x'.repeat(101)]) {
      expect(TimeZone.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('validates a preferences change with field paths', () => {
    const r = UpdateNotificationPreferences.safeParse({
      kinds: [{ kind: 'comment.mention', inApp: true, email: 'off' }, { kind: 'nope', inApp: true, email: 'off' }],
      digest: { hour: 24, timeZone: 'Nowhere/Land' },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['digest.hour', 'digest.timeZone', 'kinds.1.kind']);
    const dup = UpdateNotificationPreferences.safeParse({
      kinds: [{ kind: 'comment.mention', inApp: true, email: 'off' }, { kind: 'comment.mention', inApp: false, email: 'off' }],
    });
    expect(dup.error!.issues.map((i) => i.path.join('.'))).toEqual(['kinds.1.kind']);
    expect(UpdateNotificationPreferences.parse({ digest: { timeZone: 'pacific/auckland' } })).toEqual({ digest: { timeZone: 'Pacific/Auckland' } });
  });
});
