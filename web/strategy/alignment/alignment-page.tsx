import { Anchor, Badge, Button, Grid, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCoin, IconHourglass, IconTable, IconTarget, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import type { TAlignmentSummary } from '../../../domain/strategy/alignment';
import { useWorkspace } from '../../app/workspace';
import { useUnitOptions } from '../../platform/queries';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatDays, formatMoney } from '../../ui/format';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { GoalStatusBadge, InitiativeStatusBadge } from '../status';
import { summaryQuery } from './api';
import { FigureCard, formatCount, formatValue, PctCell, ThemeName } from './figures';
import type { AlignmentSearch } from './search';

const route = getRouteApi('/app/w/$ws/alignment');

/**
 * The alignment overview: how much of the IT portfolio's spend and effort serves an active
 * business goal, how many goals have IT work behind them, the orphans and unsupported goals,
 * the strategic value of each initiative, by business unit and by theme.
 */
export function AlignmentPage() {
  usePageTitle('Alignment');
  const ws = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const summary = useQuery(summaryQuery(ws, { businessUnitId: search.unit, themeId: search.theme }));
  const setSearch = (next: AlignmentSearch) => void navigate({ search: next, replace: true });

  return (
    <>
      <PageHeader
        title="Alignment"
        description="How well the IT portfolio serves the business goals. The portfolio is every planned, in-progress and on-hold initiative; an initiative is aligned when it is linked to at least one active goal."
        actions={
          <ButtonLink to="/w/$ws/alignment/matrix" params={{ ws: ws.slug }} search={{ unit: search.unit, theme: search.theme }} leftSection={<IconTable size={16} aria-hidden />}>
            Open the matrix
          </ButtonLink>
        }
      />
      <Filters search={search} onChange={setSearch} summary={summary.data} />
      {summary.isPending ? (
        <SummarySkeleton />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Summary s={summary.data} search={search} onFocus={setSearch} />
      )}
    </>
  );
}

function Filters({ search, onChange, summary }: { search: AlignmentSearch; onChange: (s: AlignmentSearch) => void; summary?: TAlignmentSummary }) {
  const ws = useWorkspace();
  const units = useUnitOptions(ws, search.unit);
  const unitOptions = useMemo(() => [...units, { value: 'none', label: 'No business unit' }], [units]);
  // The themes come with the figures (every live theme is in the breakdown).
  const themeOptions = useMemo(() => {
    const themes = (summary?.byTheme ?? []).filter((t) => t.themeId).map((t) => ({ value: t.themeId!, label: t.themeName ?? 'Theme' }));
    return [...themes, { value: 'none', label: 'No theme' }];
  }, [summary]);
  const filtered = Boolean(search.unit || search.theme);
  return (
    <Paper withBorder p="sm" mb="lg">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label="Business unit"
          placeholder="All business units"
          data={unitOptions}
          value={search.unit ?? null}
          onChange={(v) => onChange({ ...search, unit: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 240 }}
        />
        <Select
          label="Theme"
          placeholder="All themes"
          data={themeOptions}
          value={search.theme ?? null}
          onChange={(v) => onChange({ ...search, theme: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 240 }}
        />
        {filtered && (
          <Button variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={() => onChange({})}>
            Whole workspace
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function SummarySkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {[0, 1, 2].map((k) => (
          <Skeleton key={k} h={176} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={240} radius="md" />
    </Stack>
  );
}

function Summary({ s, search, onFocus }: { s: TAlignmentSummary; search: AlignmentSearch; onFocus: (next: AlignmentSearch) => void }) {
  const ws = useWorkspace();
  const money = (n: number) => formatMoney(n, ws.currency);
  const theme = Boolean(search.theme);
  const nothing = s.portfolioCount === 0 && s.activeGoalCount === 0 && !search.unit && !search.theme;

  if (nothing) {
    return (
      <EmptyState
        icon={<IconTarget size={28} aria-hidden />}
        title="Nothing to measure yet"
        description="Alignment needs active goals and planned or running initiatives, linked to each other. Create them, then link initiatives to the goals they serve."
        action={
          <Group gap="sm">
            <ButtonLink to="/w/$ws/goals" params={{ ws: ws.slug }} variant="default">
              Goals
            </ButtonLink>
            <ButtonLink to="/w/$ws/initiatives" params={{ ws: ws.slug }}>
              Initiatives
            </ButtonLink>
          </Group>
        }
      />
    );
  }
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={{ base: 'sm', md: 'md' }}>
        <FigureCard
          label={theme ? 'Spend serving the theme' : 'Aligned spend'}
          icon={<IconCoin size={20} />}
          value={s.alignedSpendPct}
          detail={`${money(s.alignedSpend)} of ${money(s.portfolioSpend)} (capex + opex)`}
          counts={`${formatCount(s.alignedCount)} of ${formatCount(s.portfolioCount)} portfolio initiatives aligned`}
          whenNull={s.portfolioCount === 0 ? 'No initiative is planned, in progress or on hold.' : 'The portfolio has no cost recorded.'}
        />
        <FigureCard
          label={theme ? 'Effort serving the theme' : 'Aligned effort'}
          icon={<IconHourglass size={20} />}
          value={s.alignedEffortPct}
          detail={`${formatDays(s.alignedEffort)} of ${formatDays(s.portfolioEffort)}`}
          counts={`${formatCount(s.orphanCount)} ${theme ? 'serve no goal of the theme' : s.orphanCount === 1 ? 'orphan initiative' : 'orphan initiatives'}`}
          whenNull={s.portfolioCount === 0 ? 'No initiative is planned, in progress or on hold.' : 'The portfolio has no effort recorded.'}
        />
        <FigureCard
          label="Goal coverage"
          icon={<IconTarget size={20} />}
          value={s.goalCoveragePct}
          detail={`${formatCount(s.coveredGoalCount)} of ${formatCount(s.activeGoalCount)} active goals supported`}
          counts={`${formatCount(s.unsupportedGoalCount)} without a portfolio initiative`}
          whenNull="No goal is active."
        />
      </SimpleGrid>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <OrphanList s={s} themeFocus={theme} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <UnsupportedList s={s} />
        </Grid.Col>
      </Grid>

      <StrategicValue s={s} />
      <UnitBreakdown s={s} search={search} onFocus={onFocus} />
      <ThemeBreakdown s={s} search={search} onFocus={onFocus} />
    </Stack>
  );
}

function Card({ title, description, children, aside }: { title: string; description?: ReactNode; children: ReactNode; aside?: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title} h="100%">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <div style={{ flex: '1 1 220px' }}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

/** How many items a list shows before "Show more". */
const FIRST = 10;

/** The first items of a list, all those loaded after "Show more" (the API sends at most 50 of `total`). */
function useFirst<T>(items: T[], total: number) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST);
  const more =
    items.length > FIRST ? (
      <Group gap="sm" mt="xs">
        <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show ${items.length - FIRST} more`}
        </Button>
        {all && total > items.length && (
          <Text size="xs" c="dimmed">
            The first {formatCount(items.length)} of {formatCount(total)}.
          </Text>
        )}
      </Group>
    ) : null;
  return { shown, more };
}

/** "Showing 50 of 1,863" when a list is capped. */
function Showing({ shown, total }: { shown: number; total: number }) {
  return (
    <Badge variant="light" color="gray" radius="sm" tt="none" fw={600}>
      {shown < total ? `${formatCount(shown)} of ${formatCount(total)}` : formatCount(total)}
    </Badge>
  );
}

function OrphanList({ s, themeFocus }: { s: TAlignmentSummary; themeFocus: boolean }) {
  const ws = useWorkspace();
  const { items, total } = s.orphanInitiatives;
  const { shown, more } = useFirst(items, total);
  return (
    <Card
      title="Orphan initiatives"
      description="Portfolio initiatives linked to no active goal, the largest cost first."
      aside={<Showing shown={items.length} total={total} />}
    >
      {items.length === 0 ? (
        <EmptyState
          framed={false}
          icon={<IconCircleCheck size={26} aria-hidden />}
          title={themeFocus ? 'Orphans belong to no theme' : 'No orphans'}
          description={themeFocus ? 'An orphan serves no goal, so it has no theme: clear the theme to see them.' : 'Every portfolio initiative serves at least one active goal.'}
        />
      ) : (
        <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {shown.map((i) => (
            <Group key={i.id} component="li" justify="space-between" wrap="nowrap" gap="sm" py={8} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <div style={{ minWidth: 0 }}>
                <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: i.id }} fw={600} size="sm" lineClamp={1}>
                  {i.title}
                </AnchorLink>
                <Group gap={6} mt={2}>
                  <InitiativeStatusBadge status={i.status} />
                  <Text size="xs" c="dimmed">
                    {i.businessUnitName ?? 'No business unit'}
                  </Text>
                </Group>
              </div>
              <Text size="sm" fw={500} ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(i.cost, ws.currency)}
                <Text span display="block" size="xs" c="dimmed">
                  {formatDays(i.effortDays)}
                </Text>
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {more}
    </Card>
  );
}

function UnsupportedList({ s }: { s: TAlignmentSummary }) {
  const ws = useWorkspace();
  const { items, total } = s.unsupportedGoals;
  const { shown, more } = useFirst(items, total);
  const colors = new Map(s.byTheme.map((t) => [t.themeId, t.color]));
  return (
    <Card
      title="Unsupported goals"
      description="Active goals no portfolio initiative is linked to, the heaviest first."
      aside={<Showing shown={items.length} total={total} />}
    >
      {items.length === 0 ? (
        <EmptyState framed={false} icon={<IconCircleCheck size={26} aria-hidden />} title="No unsupported goals" description="Every active goal has IT work behind it." />
      ) : (
        <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {shown.map((g) => (
            <Group key={g.id} component="li" justify="space-between" wrap="nowrap" gap="sm" py={8} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <div style={{ minWidth: 0 }}>
                <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: g.id }} fw={600} size="sm" lineClamp={1}>
                  {g.title}
                </AnchorLink>
                <Group gap={10} mt={2}>
                  <GoalStatusBadge status="active" />
                  <ThemeName name={g.themeName} color={colors.get(g.themeId) ?? null} size="xs" />
                  <Text size="xs" c="dimmed">
                    {g.businessUnitName ?? 'No business unit'}
                  </Text>
                </Group>
              </div>
              <Tooltip label="Goal weight (1–100)">
                <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  Weight {g.weight}
                </Text>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
      {more}
    </Card>
  );
}

function StrategicValue({ s }: { s: TAlignmentSummary }) {
  const ws = useWorkspace();
  const { items, total } = s.strategicValue;
  const { shown, more } = useFirst(items, total);
  return (
    <Card
      title="Strategic value"
      description="How strongly an initiative serves the active goals, weighted by goal weight: 100 × Σ weight × strength ÷ 3 ÷ the weights of all active goals. 100 means strongly linked to every active goal."
      aside={<Showing shown={items.length} total={total} />}
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No portfolio initiative here.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>#</Table.Th>
                <Table.Th>Initiative</Table.Th>
                <Table.Th>Business unit</Table.Th>
                <Table.Th ta="right">Active goals served</Table.Th>
                <Table.Th w={220}>Strategic value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((i, k) => (
                <Table.Tr key={i.id}>
                  <Table.Td c="dimmed">{k + 1}</Table.Td>
                  <Table.Td>
                    <Link to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: i.id }} className="tandem-row-link">
                      {i.title}
                    </Link>
                  </Table.Td>
                  <Table.Td>{i.businessUnitName ?? '—'}</Table.Td>
                  <Table.Td ta="right">{i.activeGoalCount}</Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <ValueBar value={i.value} max={items[0]!.value} />
                      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatValue(i.value)}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more}
    </Card>
  );
}

/** A bar relative to the top value (values of a large workspace are small: each goal is a small share). */
function ValueBar({ value, max }: { value: number; max: number }) {
  const width = max > 0 && value > 0 ? Math.max(2, (100 * value) / max) : 0;
  return (
    <div aria-hidden style={{ width: 120, height: 8, borderRadius: 4, background: 'var(--mantine-color-gray-2)' }}>
      <div style={{ width: `${width}%`, height: '100%', borderRadius: 4, background: 'var(--mantine-color-violet-7)' }} />
    </div>
  );
}

function FocusButton({ label, active, onClick, children }: { label: string; active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Anchor component="button" type="button" onClick={onClick} fw={active ? 700 : 600} size="sm" aria-pressed={active} aria-label={label} ta="left">
      {children}
    </Anchor>
  );
}

function UnitBreakdown({ s, search, onFocus }: { s: TAlignmentSummary; search: AlignmentSearch; onFocus: (next: AlignmentSearch) => void }) {
  const ws = useWorkspace();
  return (
    <Card
      title="By business unit"
      description="Initiatives count in their own unit, goals in theirs. Choose a unit to focus the figures above on it."
    >
      {s.byBusinessUnit.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Business unit</Table.Th>
                <Table.Th ta="right">Portfolio</Table.Th>
                <Table.Th>Aligned spend</Table.Th>
                <Table.Th>Aligned effort</Table.Th>
                <Table.Th ta="right">Orphans</Table.Th>
                <Table.Th ta="right">Active goals</Table.Th>
                <Table.Th>Coverage</Table.Th>
                <Table.Th ta="right">Unsupported</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.byBusinessUnit.map((u) => {
                const key = u.businessUnitId ?? 'none';
                const name = u.businessUnitName ?? 'No business unit';
                return (
                  <Table.Tr key={key} bg={search.unit === key ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td>
                      <FocusButton label={`Focus on ${name}`} active={search.unit === key} onClick={() => onFocus({ ...search, unit: search.unit === key ? undefined : key })}>
                        {name}
                      </FocusButton>
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(u.portfolioCount)}</Table.Td>
                    <Table.Td>
                      <PctCell value={u.alignedSpendPct} />
                      {u.portfolioSpend > 0 && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatMoney(u.alignedSpend, ws.currency)} of {formatMoney(u.portfolioSpend, ws.currency)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <PctCell value={u.alignedEffortPct} />
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(u.orphanCount)}</Table.Td>
                    <Table.Td ta="right">{formatCount(u.activeGoalCount)}</Table.Td>
                    <Table.Td>
                      <PctCell value={u.goalCoveragePct} />
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(u.unsupportedGoalCount)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {s.byBusinessUnit.length === 0 && (
        <Text size="sm" c="dimmed">
          No business units yet.
        </Text>
      )}
    </Card>
  );
}

function ThemeBreakdown({ s, search, onFocus }: { s: TAlignmentSummary; search: AlignmentSearch; onFocus: (next: AlignmentSearch) => void }) {
  return (
    <Card
      title="By theme"
      description="Goals by their theme. A theme's spend and effort are those of the portfolio initiatives serving at least one of its active goals; an initiative serving several themes counts in each, so the shares can add up to more than the aligned spend."
    >
      {s.byTheme.length === 0 ? (
        <Text size="sm" c="dimmed">
          No themes yet. Group goals under strategic themes on the Vision &amp; themes page.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Theme</Table.Th>
                <Table.Th ta="right">Active goals</Table.Th>
                <Table.Th>Coverage</Table.Th>
                <Table.Th ta="right">Unsupported</Table.Th>
                <Table.Th ta="right">Initiatives</Table.Th>
                <Table.Th>Share of spend</Table.Th>
                <Table.Th>Share of effort</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.byTheme.map((t) => {
                const key = t.themeId ?? 'none';
                const name = t.themeName ?? 'No theme';
                return (
                  <Table.Tr key={key} bg={search.theme === key ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td>
                      <FocusButton label={`Focus on ${name}`} active={search.theme === key} onClick={() => onFocus({ ...search, theme: search.theme === key ? undefined : key })}>
                        <ThemeName name={t.themeName} color={t.color} />
                      </FocusButton>
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(t.activeGoalCount)}</Table.Td>
                    <Table.Td>
                      <PctCell value={t.goalCoveragePct} />
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(t.unsupportedGoalCount)}</Table.Td>
                    <Table.Td ta="right">{formatCount(t.initiativeCount)}</Table.Td>
                    <Table.Td>
                      <PctCell value={t.spendPct} />
                    </Table.Td>
                    <Table.Td>
                      <PctCell value={t.effortPct} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
