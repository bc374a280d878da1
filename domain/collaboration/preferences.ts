import { z } from 'zod';
import { canonicalTimeZone } from './email';
import { NOTIFICATION_KIND_NAMES } from './kinds';

export const EmailMode = z.enum(['off', 'immediate', 'digest']);

/** An IANA time zone name that this runtime's Intl knows, returned in its canonical spelling. */
export const TimeZone = z
  .string()
  .max(100)
  .transform((v, ctx) => {
    const zone = canonicalTimeZone(v);
    if (zone === null) {
      ctx.addIssue({ code: 'custom', message: 'is not an IANA time zone (e.g. Europe/Berlin)' });
      return z.NEVER;
    }
    return zone;
  });

export const DigestHour = z.number().int().min(0, 'must be an hour from 0 to 23').max(23, 'must be an hour from 0 to 23');

/** One notification kind as the person receives it, with the kind's defaults. */
export const KindPreference = z.object({
  kind: z.string(),
  label: z.string(),
  inApp: z.boolean(),
  email: EmailMode,
  default: z.object({ inApp: z.boolean(), email: EmailMode }),
});
export type TKindPreference = z.infer<typeof KindPreference>;

export const NotificationPreferences = z.object({
  kinds: z.array(KindPreference),
  digest: z.object({ hour: z.number().int(), timeZone: z.string() }),
});
export type TNotificationPreferences = z.infer<typeof NotificationPreferences>;

const KindName = z.enum(NOTIFICATION_KIND_NAMES as [string, ...string[]], { error: 'is not a notification kind' });

/**
 * A change of preferences: only the kinds listed change (each with both choices); the digest
 * time only when given. Extra fields (label, default) are ignored, so a GET answer can be sent back.
 */
export const UpdateNotificationPreferences = z.object({
  kinds: z
    .array(z.object({ kind: KindName, inApp: z.boolean(), email: EmailMode }))
    .max(100)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.kind)) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: 'is listed twice' });
        seen.add(item.kind);
      });
    })
    .optional(),
  digest: z.object({ hour: DigestHour.optional(), timeZone: TimeZone.optional() }).optional(),
});
export type TUpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;
