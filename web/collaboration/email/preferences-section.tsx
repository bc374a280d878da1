import { Button, Group, Select, SimpleGrid, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { EmailMode } from '../../../domain/collaboration/kinds';
import type { TKindPreference, TNotificationPreferences } from '../../../domain/collaboration/preferences';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { api, ApiError } from '../../ui/api';
import { ErrorState, FormError } from '../../ui/error-state';
import { notifySuccess } from '../../ui/notify';
import { SectionCard } from '../../ui/section-card';

const KEY = ['me', 'notification-preferences'];
const PATH = '/me/notification-preferences';

const EMAIL_OPTIONS: { value: EmailMode; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'immediate', label: 'Immediately' },
  { value: 'digest', label: 'Daily digest' },
];
const emailLabel = (m: EmailMode) => EMAIL_OPTIONS.find((o) => o.value === m)!.label;
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

/** The browser's IANA time zone (UTC if it cannot tell). */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

type Form = { kinds: Record<string, { inApp: boolean; email: EmailMode }>; hour: string; timeZone: string };

function formOf(p: TNotificationPreferences): Form {
  // Never chosen (still UTC): suggest the browser's zone; saving makes it the choice.
  const zone = p.digest.timeZone === 'UTC' ? browserZone() : p.digest.timeZone;
  return { kinds: Object.fromEntries(p.kinds.map((k) => [k.kind, { inApp: k.inApp, email: k.email }])), hour: String(p.digest.hour), timeZone: zone };
}

const isDefault = (k: TKindPreference, v: { inApp: boolean; email: EmailMode }) => v.inApp === k.default.inApp && v.email === k.default.email;

/** How each kind of notification reaches the signed-in person, and when the daily digest goes out. */
export function NotificationPreferences() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: KEY, queryFn: () => api.get<TNotificationPreferences>(PATH) });
  const [form, setForm] = useState<Form | null>(null);
  const saved = useMemo(() => (prefs.data ? formOf(prefs.data) : null), [prefs.data]);
  useEffect(() => setForm(saved), [saved]);
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return form && !all.includes(form.timeZone) ? [form.timeZone, ...all] : all;
  }, [form]);

  const save = useMutation({
    mutationFn: (f: Form) =>
      api.put<TNotificationPreferences>(PATH, {
        kinds: Object.entries(f.kinds).map(([kind, v]) => ({ kind, ...v })),
        digest: { hour: Number(f.hour), timeZone: f.timeZone },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(KEY, data);
      notifySuccess('Notification preferences saved');
    },
  });
  const data = prefs.data;
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const dirty = form !== null && saved !== null && (JSON.stringify(form) !== JSON.stringify(saved) || (prefs.data?.digest.timeZone === 'UTC' && form.timeZone !== 'UTC'));

  const setKind = (kind: string, patch: Partial<{ inApp: boolean; email: EmailMode }>) =>
    setForm((f) => (f ? { ...f, kinds: { ...f.kinds, [kind]: { ...f.kinds[kind]!, ...patch } } } : f));

  // The e-mails' footer links to /profile#notifications: bring the section into view once it is there.
  const loaded = form !== null;
  useEffect(() => {
    if (loaded && window.location.hash === '#notifications') document.getElementById('notifications')?.scrollIntoView();
  }, [loaded]);

  return (
    <div id="notifications">
      <SectionCard
        title="Notifications"
        description="Choose what reaches you in Tandem and by e-mail: at once, or gathered in one daily digest. These settings apply in every workspace."
      >
        {prefs.isError ? (
          <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} what="notification preferences" />
        ) : !data || !form ? (
          <TableSkeleton rows={4} />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(form);
            }}
          >
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label="Notification preferences" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Notify me when</Table.Th>
                    <Table.Th w={90}>In app</Table.Th>
                    <Table.Th w={190}>E-mail</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.kinds.map((k) => {
                    const v = form.kinds[k.kind] ?? k;
                    return (
                      <Table.Tr key={k.kind}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {k.label}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {isDefault(k, v)
                              ? 'Default'
                              : `Default: ${k.default.inApp ? 'in app' : 'not in app'}, e-mail ${emailLabel(k.default.email).toLowerCase()}`}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Switch
                            checked={v.inApp}
                            onChange={(e) => setKind(k.kind, { inApp: e.currentTarget.checked })}
                            aria-label={`In app: ${k.label}`}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Select
                            data={EMAIL_OPTIONS}
                            value={v.email}
                            onChange={(value) => value && setKind(k.kind, { email: value })}
                            allowDeselect={false}
                            aria-label={`E-mail: ${k.label}`}
                            size="sm"
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>

            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="lg" maw={620}>
              <Select
                label="Daily digest time"
                description="The digest goes out from this hour, once a day, when something is waiting."
                data={HOURS}
                value={form.hour}
                onChange={(value) => value && setForm({ ...form, hour: value })}
                allowDeselect={false}
                error={fieldErrors['digest.hour']}
              />
              <Select
                label="Time zone"
                description={data.digest.timeZone === 'UTC' && form.timeZone !== 'UTC' ? 'Your browser’s time zone; save to use it.' : 'The digest hour is in this time zone.'}
                data={zones}
                value={form.timeZone}
                onChange={(value) => value && setForm({ ...form, timeZone: value })}
                searchable
                allowDeselect={false}
                nothingFoundMessage="No such time zone"
                limit={50}
                error={fieldErrors['digest.timeZone']}
              />
            </SimpleGrid>

            <FormError message={save.isError && Object.keys(fieldErrors).length === 0 ? save.error.message : null} mt="md" />
            <Group justify="flex-end" mt="lg" gap="sm">
              <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setForm(saved)}>
                Reset
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                Save preferences
              </Button>
            </Group>
          </form>
        )}
      </SectionCard>
    </div>
  );
}
