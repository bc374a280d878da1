import type { Config } from '../platform/config';
import type { Db } from '../platform/db/client';
import type { EventHub } from '../platform/events/hub';
import type { JobDefinition, Jobs } from '../platform/jobs/jobs';
import { runActionReminders } from './actions/reminders';
import { runDigests } from './email/digest';
import { queueNotificationEmails } from './email/immediate';
import { sendDueEmails } from '../platform/mail/send-due';
import { deliverDueWebhooks } from './webhooks/deliver';

/**
 * The collaboration layer's background work. Each is a sweep of what is due, safe to repeat:
 * the cron is the safety net (a process that crashed mid-run, retries coming due), and the
 * live events below start a run at once after a change queued something.
 */
export function collaborationJobs(db: Db, config: Config): JobDefinition[] {
  return [
    {
      name: 'email.send', cron: '* * * * *',
      run: async () => ({ queued: await queueNotificationEmails(db, config), ...(await sendDueEmails(db, config)) }),
    },
    {
      name: 'email.digest', cron: '*/15 * * * *',
      run: async () => ({ digests: await runDigests(db, config, new Date()), ...(await sendDueEmails(db, config)) }),
    },
    { name: 'webhooks.deliver', cron: '* * * * *', run: () => deliverDueWebhooks(db, config) },
    { name: 'actions.reminders', cron: '*/15 * * * *', run: () => runActionReminders(db, new Date()) },
  ];
}

/** Which live event starts which job right away. */
const KICKS: Record<string, string> = { 'email.queued': 'email.send', 'webhooks.queued': 'webhooks.deliver' };

/** Starts the matching job whenever this process hears an event that queued work. */
export function kickJobsOnEvents(events: EventHub, jobs: Jobs, onError: (e: unknown) => void): () => void {
  return events.onEvent((e) => {
    const job = KICKS[e.kind];
    if (job) jobs.kick(job).catch(onError);
  });
}
