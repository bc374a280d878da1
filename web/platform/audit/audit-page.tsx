import { ActionIcon, Box, Code, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconHistory, IconKey } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { PagedList } from '../../ui/paged-list';
import { auditQuery, emptyAuditFilters } from './audit-api';
import { AuditDiff } from './audit-diff';
import { AuditEntity } from './audit-entity';
import { AuditFiltersBar } from './audit-filters';

/** Every change in the workspace: who, when, what, before and after. Admins and owners only. */
export function AuditLogPage() {
  usePageTitle('Audit log');
  const ws = useWorkspace();
  const allowed = useCan('audit.read');
  const [filters, setFilters] = useState(emptyAuditFilters);
  const [debounced] = useDebouncedValue(filters, 300);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const log = useInfiniteQuery({ ...auditQuery(ws, debounced), enabled: allowed });

  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title="Audit log" description="Every change made in this workspace, with who made it and what it was before and after." />
      {!allowed ? (
        <EmptyState icon={<IconHistory size={28} aria-hidden />} title="Only admins and owners can read the audit log" description="Ask an admin of this workspace if you need to know who changed what." />
      ) : (
        <>
          <AuditFiltersBar value={filters} onChange={setFilters} />
          <PagedList
            query={log}
            skeleton={<TableSkeleton rows={8} />}
            empty={<EmptyState icon={<IconHistory size={28} aria-hidden />} title="No entries" description="Nothing in the log matches these filters." />}
          >
            {(entries) => (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={780}>
                  <Table aria-label="Audit log entries">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={44}>
                          <VisuallyHidden>Details</VisuallyHidden>
                        </Table.Th>
                        <Table.Th>When</Table.Th>
                        <Table.Th>Who</Table.Th>
                        <Table.Th>Action</Table.Th>
                        <Table.Th>Entity</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {entries.map((e) => {
                        const expanded = open.has(e.id);
                        return (
                          <Fragment key={e.id}>
                            <Table.Tr>
                              <Table.Td>
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  onClick={() => toggle(e.id)}
                                  aria-expanded={expanded}
                                  aria-controls={`audit-${e.id}`}
                                  aria-label={`${expanded ? 'Hide' : 'Show'} changes of ${e.action} at ${formatDateTime(e.at)}`}
                                >
                                  {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                                </ActionIcon>
                              </Table.Td>
                              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                              <Table.Td>
                                <Group gap={6} wrap="nowrap">
                                  <Text size="sm">{e.actor.name ?? 'System'}</Text>
                                  {e.actor.tokenId && (
                                    <IconKey size={14} aria-label="through an API token" />
                                  )}
                                </Group>
                              </Table.Td>
                              <Table.Td>
                                <Code>{e.action}</Code>
                              </Table.Td>
                              <Table.Td>
                                <AuditEntity type={e.entityType} id={e.entityId} />
                              </Table.Td>
                            </Table.Tr>
                            {expanded && (
                              <Table.Tr id={`audit-${e.id}`}>
                                <Table.Td colSpan={5} bg="var(--tandem-surface)">
                                  <Box py="xs">
                                    <AuditDiff before={e.before} after={e.after} />
                                    {e.requestId && (
                                      <Text size="xs" c="dimmed" mt={6}>
                                        Request {e.requestId}
                                      </Text>
                                    )}
                                  </Box>
                                </Table.Td>
                              </Table.Tr>
                            )}
                          </Fragment>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </PagedList>
        </>
      )}
    </>
  );
}
