import {
  ActionIcon, Alert, Box, Button, Collapse, Group, Paper, Popover, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Switch, Text, Textarea, TextInput,
  Tooltip, VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconChevronDown, IconChevronLeft, IconChevronRight, IconGridDots, IconSearch, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import type { TAlignmentMatrix } from '../../../domain/strategy/alignment';
import { LINK_STRENGTHS, type TGoalLink, type TLinkStrength } from '../../../domain/strategy/schemas';
import { useCan, useWorkspace } from '../../app/workspace';
import { useUnitOptions } from '../../platform/queries';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { GOAL_STATUS, INITIATIVE_STATUS, LINK_STRENGTH } from '../status';
import { type CellChange, matrixQuery, type MatrixParams, useCellChange } from './api';
import { formatCount } from './figures';
import classes from './matrix.module.css';
import { FieldFilterSelects } from '../custom-fields/field-filter-selects';
import { GOAL_SORTS, GOAL_STATUS_FILTERS, INITIATIVE_SORTS, INITIATIVE_STATUS_FILTERS, type MatrixSearch } from './search';

const route = getRouteApi('/app/w/$ws/alignment/matrix');

type Matrix = TAlignmentMatrix;
type MatrixLink = Matrix['links'][number];

/** Page sizes: goals × initiatives per screen (the API allows at most 100 × 200). */
const SIZES = { s: [25, 50], m: [50, 100], l: [100, 200] } as const;
const LETTER: Record<TLinkStrength, string> = { weak: 'W', medium: 'M', strong: 'S' };
const KEY_STRENGTH: Record<string, TLinkStrength> = { w: 'weak', m: 'medium', s: 'strong', 1: 'weak', 2: 'medium', 3: 'strong' };

const GOAL_SORT_LABEL: Record<(typeof GOAL_SORTS)[number], string> = { weight: 'Weight', title: 'Title', links: 'Most links', newest: 'Newest' };
const INITIATIVE_SORT_LABEL: Record<(typeof INITIATIVE_SORTS)[number], string> = {
  links: 'Most links', title: 'Title', cost: 'Cost', effort: 'Effort', newest: 'Newest',
};

/** Goals (rows) × initiatives (columns) with the strength of each link, edited in place. */
export function AlignmentMatrixPage() {
  usePageTitle('Alignment matrix');
  const ws = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (next: MatrixSearch) => void navigate({ search: next, replace: true });
  const [goalLimit, initiativeLimit] = SIZES[search.size ?? 'm'];
  const [offsets, setOffsets] = useState({ goal: 0, initiative: 0, for: '' });
  // Another filter, sort or size starts again at the first page.
  const searchKey = JSON.stringify(search);
  const goalOffset = offsets.for === searchKey ? offsets.goal : 0;
  const initiativeOffset = offsets.for === searchKey ? offsets.initiative : 0;
  const params: MatrixParams = {
    businessUnitId: search.unit, themeId: search.theme, goalStatus: search.goalStatus, initiativeStatus: search.initiativeStatus,
    goalQ: search.goalQ, initiativeQ: search.initiativeQ, linkedOnly: search.linked, goalSort: search.goalSort, initiativeSort: search.initiativeSort,
    goalFields: search.goalFields, initiativeFields: search.initiativeFields, goalLimit, initiativeLimit, goalOffset, initiativeOffset,
  };
  const matrix = useQuery(matrixQuery(ws, params));
  const page = (axis: 'goal' | 'initiative', offset: number) =>
    setOffsets({ goal: goalOffset, initiative: initiativeOffset, [axis]: Math.max(0, offset), for: searchKey });

  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/w/$ws/alignment" params={{ ws: ws.slug }} search={{ unit: search.unit, theme: search.theme }} size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden /> Alignment
            </Group>
          </AnchorLink>
        }
        title="Alignment matrix"
        description="Which initiatives serve which goals, and how strongly. Rows are goals, columns initiatives; archived ones are left out."
      />
      <MatrixFilters search={search} onChange={setSearch} themes={matrix.data?.themes ?? []} />
      {matrix.isPending ? (
        <Skeleton h={420} radius="md" role="status" aria-label="Loading" />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <MatrixView data={matrix.data} params={params} fetching={matrix.isFetching} onPage={page} />
      )}
    </>
  );
}

function MatrixFilters({ search, onChange, themes }: { search: MatrixSearch; onChange: (s: MatrixSearch) => void; themes: Matrix['themes'] }) {
  const ws = useWorkspace();
  const units = useUnitOptions(ws, search.unit);
  const unitOptions = useMemo(() => [...units, { value: 'none', label: 'No business unit' }], [units]);
  const themeOptions = useMemo(() => [...themes.map((t) => ({ value: t.id, label: t.name })), { value: 'none', label: 'No theme' }], [themes]);
  const goalStatusOptions = GOAL_STATUS_FILTERS.map((s) => ({ value: s, label: GOAL_STATUS[s].label }));
  const initiativeStatusOptions = INITIATIVE_STATUS_FILTERS.map((s) => ({
    value: s, label: s === 'portfolio' ? 'Portfolio (planned, in progress, on hold)' : INITIATIVE_STATUS[s].label,
  }));
  const active = [search.unit, search.theme, search.goalStatus, search.initiativeStatus, search.goalQ, search.initiativeQ, search.linked].filter(Boolean).length
    + Object.keys(search.goalFields ?? {}).length + Object.keys(search.initiativeFields ?? {}).length;
  const filtered = active > 0;
  // On a phone the filters fold away behind one button, so the grid is reached without scrolling.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [shown, { toggle }] = useDisclosure(false);

  return (
    <Paper withBorder p="sm" mb="md">
      {phone && (
        <Button variant="default" fullWidth onClick={toggle} aria-expanded={shown} mb={shown ? 'sm' : 0}
          rightSection={<IconChevronDown size={16} aria-hidden style={{ transform: shown ? 'rotate(180deg)' : undefined }} />}>
          Filters and sort{filtered ? ` (${active} active)` : ''}
        </Button>
      )}
      <Collapse expanded={!phone || shown}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Select label="Business unit" placeholder="All business units" data={unitOptions} value={search.unit ?? null}
            onChange={(v) => onChange({ ...search, unit: v ?? undefined })} clearable searchable />
          <Select label="Theme (goals)" placeholder="All themes" data={themeOptions} value={search.theme ?? null}
            onChange={(v) => onChange({ ...search, theme: v ?? undefined })} clearable searchable />
          <Select label="Goal status" placeholder="Any status" data={goalStatusOptions} value={search.goalStatus ?? null}
            onChange={(v) => onChange({ ...search, goalStatus: (v as MatrixSearch['goalStatus']) ?? undefined })} clearable />
          <Select label="Initiative status" placeholder="Any status" data={initiativeStatusOptions} value={search.initiativeStatus ?? null}
            onChange={(v) => onChange({ ...search, initiativeStatus: (v as MatrixSearch['initiativeStatus']) ?? undefined })} clearable />
          <FieldFilterSelects entityType="goal" labelSuffix="(goals)" visibleLabels value={search.goalFields}
            onChange={(goalFields) => onChange({ ...search, goalFields })} />
          <FieldFilterSelects entityType="initiative" labelSuffix="(initiatives)" visibleLabels value={search.initiativeFields}
            onChange={(initiativeFields) => onChange({ ...search, initiativeFields })} />
          <SearchBox label="Search goals" value={search.goalQ} onChange={(goalQ) => onChange({ ...search, goalQ })} />
          <SearchBox label="Search initiatives" value={search.initiativeQ} onChange={(initiativeQ) => onChange({ ...search, initiativeQ })} />
          <Select label="Sort goals by" data={GOAL_SORTS.map((s) => ({ value: s, label: GOAL_SORT_LABEL[s] }))} value={search.goalSort ?? 'weight'}
            onChange={(v) => onChange({ ...search, goalSort: v === 'weight' || !v ? undefined : v })} allowDeselect={false} />
          <Select label="Sort initiatives by" data={INITIATIVE_SORTS.map((s) => ({ value: s, label: INITIATIVE_SORT_LABEL[s] }))} value={search.initiativeSort ?? 'links'}
            onChange={(v) => onChange({ ...search, initiativeSort: v === 'links' || !v ? undefined : v })} allowDeselect={false} />
        </SimpleGrid>
        <Group mt="sm" gap="md" wrap="wrap" justify="space-between">
          <Group gap="md" wrap="wrap">
            <Switch
              label="Only initiatives linked to these goals"
              checked={Boolean(search.linked)}
              onChange={(e) => onChange({ ...search, linked: e.currentTarget.checked || undefined })}
            />
            {filtered && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} aria-hidden />}
                onClick={() => onChange({ goalSort: search.goalSort, initiativeSort: search.initiativeSort, size: search.size })}>
                Clear filters
              </Button>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" id="matrix-size-label">
              Grid size
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="matrix-size-label"
              data={[{ value: 's', label: '25 × 50' }, { value: 'm', label: '50 × 100' }, { value: 'l', label: '100 × 200' }]}
              value={search.size ?? 'm'}
              onChange={(v) => onChange({ ...search, size: v === 'm' ? undefined : v })}
            />
          </Group>
        </Group>
      </Collapse>
    </Paper>
  );
}

/** A search box that updates the address once typing pauses. */
function SearchBox({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q !== value) onChange(q);
    // Only the typed text drives this; the other filters pass through unchanged.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return <TextInput label={label} placeholder="Words in the title" leftSection={<IconSearch size={16} aria-hidden />} value={text} onChange={(e) => setText(e.currentTarget.value)} />;
}

interface MatrixViewProps {
  data: Matrix;
  params: MatrixParams;
  fetching: boolean;
  onPage: (axis: 'goal' | 'initiative', offset: number) => void;
}

function MatrixView({ data, params, fetching, onPage }: MatrixViewProps) {
  const canWrite = useCan('strategy.write');
  if (data.goals.length === 0 || data.initiatives.length === 0) {
    const none = data.goals.length === 0 ? 'goals' : 'initiatives';
    return (
      <EmptyState
        icon={<IconGridDots size={28} aria-hidden />}
        title={`No ${none} to show`}
        description={data.goalTotal + data.initiativeTotal === 0 ? 'Create goals and initiatives, then link them here.' : `No ${none} match these filters, or this page is past the end.`}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="lg" wrap="wrap">
          <Pager noun="goals" offset={params.goalOffset} shown={data.goals.length} total={data.goalTotal} limit={params.goalLimit} onPage={(o) => onPage('goal', o)} />
          <Pager noun="initiatives" offset={params.initiativeOffset} shown={data.initiatives.length} total={data.initiativeTotal} limit={params.initiativeLimit} onPage={(o) => onPage('initiative', o)} />
        </Group>
        <Legend />
      </Group>
      {canWrite ? (
        <Text size="xs" c="dimmed">
          Choose a cell to link, change or unlink. With the keyboard: arrow keys move, Enter opens the cell, W, M or S sets the strength, Delete unlinks.
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          Choose a cell to read a link’s rationale. Viewers cannot change links.
        </Text>
      )}
      <Grid data={data} canWrite={canWrite} busy={fetching} params={params} />
    </Stack>
  );
}

function Pager({ noun, offset, shown, total, limit, onPage }: { noun: string; offset: number; shown: number; total: number; limit: number; onPage: (offset: number) => void }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={`Previous ${noun}`}>
        <ActionIcon variant="default" aria-label={`Previous ${noun}`} disabled={offset === 0} onClick={() => onPage(offset - limit)}>
          <IconChevronLeft size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text size="sm" px={4} aria-live="polite">
        {shown < total ? (
          <>
            Showing {noun} {formatCount(offset + 1)}–{formatCount(offset + shown)} of <b>{formatCount(total)}</b>
          </>
        ) : (
          <>
            All <b>{formatCount(total)}</b> {noun}
          </>
        )}
      </Text>
      <Tooltip label={`Next ${noun}`}>
        <ActionIcon variant="default" aria-label={`Next ${noun}`} disabled={offset + shown >= total} onClick={() => onPage(offset + limit)}>
          <IconChevronRight size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function Legend() {
  return (
    <Group gap="md" wrap="wrap" aria-label="Legend" role="group">
      {LINK_STRENGTHS.map((s) => (
        <Group key={s} gap={6} wrap="nowrap">
          <span className={classes.swatch} data-strength={s} aria-hidden>
            {LETTER[s]}
          </span>
          <Text size="xs">{LINK_STRENGTH[s].label}</Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <span className={classes.swatch} data-strength="none" aria-hidden />
        <Text size="xs">Not linked</Text>
      </Group>
    </Group>
  );
}

/** A grid position: r = goal row, c = initiative column; -1 is the header row or column. */
type Pos = { r: number; c: number };
const posKey = (p: Pos) => `${p.r}:${p.c}`;

interface GridProps {
  data: Matrix;
  canWrite: boolean;
  busy: boolean;
  params: MatrixParams;
}

/**
 * The grid, as an ARIA grid: one tab stop, arrow keys between cells and headers (the headers
 * link to the goal or initiative), Enter or a click opens a cell. Hand-written: Mantine has no
 * data grid, and a spreadsheet-like layout with rotated sticky headers needs a plain table.
 */
function Grid({ data, canWrite, busy, params }: GridProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const tableRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<Pos>({ r: 0, c: 0 });
  const [open, setOpen] = useState<Pos | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const rows = data.goals.length;
  const cols = data.initiatives.length;

  const links = useMemo(() => new Map(data.links.map((l) => [`${l.goalId}|${l.initiativeId}`, l])), [data.links]);
  const linkAt = useCallback((p: Pos) => links.get(`${data.goals[p.r]?.id}|${data.initiatives[p.c]?.id}`), [links, data.goals, data.initiatives]);

  // Keep the roving position inside the grid when the page shrinks.
  const at: Pos = { r: Math.min(active.r, rows - 1), c: Math.min(active.c, cols - 1) };

  const focus = (p: Pos) => {
    setActive(p);
    requestAnimationFrame(() => tableRef.current?.querySelector<HTMLElement>(`[data-pos="${posKey(p)}"]`)?.focus());
  };

  const change = useCellChange((c, link) => {
    const key = matrixQuery(ws, params).queryKey;
    // Show the new state at once; the refetch that follows brings the counts.
    queryClient.setQueryData<Matrix>(key, (old) => old && { ...old, links: patchLinks(old.links, c, link) });
  });

  const describe = (p: Pos, strength: TLinkStrength | null) =>
    `${data.goals[p.r]!.title} and ${data.initiatives[p.c]!.title}: ${strength ? `${LINK_STRENGTH[strength].label.toLowerCase()} link` : 'not linked'}`;

  const quickSet = (p: Pos, strength: TLinkStrength | null) => {
    const link = linkAt(p);
    const goal = data.goals[p.r]!;
    const ini = data.initiatives[p.c]!;
    if (strength === null) {
      if (link) change.mutate({ kind: 'delete', linkId: link.id }, { onSuccess: () => setAnnouncement(describe(p, null)) });
      return;
    }
    if (link?.strength === strength) return;
    const c: CellChange = link
      ? { kind: 'update', linkId: link.id, strength, rationale: link.rationale }
      : { kind: 'create', goalId: goal.id, initiativeId: ini.id, strength, rationale: '' };
    change.mutate(c, { onSuccess: () => setAnnouncement(describe(p, strength)) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    const pos = target.dataset.pos?.split(':').map(Number);
    if (!pos || open) return;
    const [r, c] = pos as [number, number];
    const moves: Record<string, Pos> = {
      ArrowUp: { r: Math.max(r - 1, c === -1 ? 0 : -1), c },
      ArrowDown: { r: Math.min(r + 1, rows - 1), c },
      ArrowLeft: { r, c: Math.max(c - 1, r === -1 ? 0 : -1) },
      ArrowRight: { r, c: Math.min(c + 1, cols - 1) },
      Home: { r, c: r === -1 ? 0 : -1 },
      End: { r, c: cols - 1 },
      PageUp: { r: Math.max(r - 10, 0), c },
      PageDown: { r: Math.min(r + 10, rows - 1), c },
    };
    const next = moves[e.key];
    if (next) {
      e.preventDefault();
      focus(next);
      return;
    }
    if (r < 0 || c < 0 || !canWrite || e.ctrlKey || e.metaKey || e.altKey) return;
    const strength = KEY_STRENGTH[e.key.toLowerCase()];
    if (strength) {
      e.preventDefault();
      quickSet({ r, c }, strength);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      quickSet({ r, c }, null);
    }
  };

  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('button[data-pos]');
    if (!button) return;
    const [r, c] = button.dataset.pos!.split(':').map(Number) as [number, number];
    setActive({ r, c });
    setOpen({ r, c });
  };

  const closeEditor = () => {
    const p = open;
    setOpen(null);
    if (p) focus(p);
  };

  const saveCell = (r: number, c: number, strength: TLinkStrength | null, rationale: string) => {
    const p = { r, c };
    const link = linkAt(p);
    const ch: CellChange | null = strength === null
      ? (link ? { kind: 'delete', linkId: link.id } : null)
      : link
        ? { kind: 'update', linkId: link.id, strength, rationale }
        : { kind: 'create', goalId: data.goals[r]!.id, initiativeId: data.initiatives[c]!.id, strength, rationale };
    if (!ch) return closeEditor();
    change.mutate(ch, {
      onSuccess: () => {
        setAnnouncement(describe(p, strength));
        closeEditor();
      },
    });
  };
  // The rows are memoised: hand them callbacks that never change and call the latest code.
  const latest = useRef({ closeEditor, saveCell });
  useEffect(() => {
    latest.current = { closeEditor, saveCell };
  });
  const onClose = useCallback(() => latest.current.closeEditor(), []);
  const onSave = useCallback((r: number, c: number, strength: TLinkStrength | null, rationale: string) => latest.current.saveCell(r, c, strength, rationale), []);

  return (
    <Box className={classes.scroller} style={{ opacity: busy ? 0.85 : 1 }}>
      <table
        ref={tableRef}
        role="grid"
        className={classes.grid}
        aria-label="Goals and the initiatives that serve them"
        aria-busy={busy || change.isPending}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={(e) => {
          const pos = (e.target as HTMLElement).dataset.pos?.split(':').map(Number);
          if (pos && (pos[0] !== at.r || pos[1] !== at.c)) setActive({ r: pos[0]!, c: pos[1]! });
        }}
      >
        <thead>
          <tr>
            <th className={classes.corner} scope="col">
              <Text size="xs" c="dimmed" fw={600}>
                Goals ↓ · Initiatives →
              </Text>
            </th>
            {data.initiatives.map((ini, c) => (
              <th key={ini.id} className={classes.colHead} scope="col" title={`${ini.title} (${INITIATIVE_STATUS[ini.status].label})`}>
                <Link
                  to="/w/$ws/initiatives/$initiativeId"
                  params={{ ws: ws.slug, initiativeId: ini.id }}
                  className={classes.colLabel}
                  data-pos={posKey({ r: -1, c })}
                  tabIndex={at.r === -1 && at.c === c ? 0 : -1}
                >
                  {ini.title}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.goals.map((goal, r) => (
            <GoalRow
              key={goal.id}
              r={r}
              goal={goal}
              initiatives={data.initiatives}
              links={links}
              activeCol={at.r === r ? at.c : null}
              openCol={open?.r === r ? open.c : null}
              canWrite={canWrite}
              onClose={onClose}
              onSave={onSave}
              pending={open?.r === r && change.isPending}
            />
          ))}
        </tbody>
      </table>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </Box>
  );
}

function patchLinks(links: MatrixLink[], c: CellChange, link: TGoalLink | void): MatrixLink[] {
  if (c.kind === 'delete') return links.filter((l) => l.id !== c.linkId);
  if (!link) return links;
  const next = { id: link.id, goalId: link.goalId, initiativeId: link.initiativeId, strength: link.strength, rationale: link.rationale };
  return c.kind === 'create' ? [...links, next] : links.map((l) => (l.id === link.id ? next : l));
}

interface GoalRowProps {
  r: number;
  goal: Matrix['goals'][number];
  initiatives: Matrix['initiatives'];
  links: Map<string, MatrixLink>;
  /** The column of the roving tab stop when it is on this row. */
  activeCol: number | null;
  /** The column whose editor is open on this row. */
  openCol: number | null;
  canWrite: boolean;
  pending: boolean;
  onClose: () => void;
  onSave: (r: number, c: number, strength: TLinkStrength | null, rationale: string) => void;
}

/** One goal's row; rows that do not change skip re-rendering (a grid holds up to 20,000 cells). */
const GoalRow = memo(function GoalRow({ r, goal, initiatives, links, activeCol, openCol, canWrite, pending, onClose, onSave }: GoalRowProps) {
  const ws = useWorkspace();
  return (
    <tr>
      <th className={classes.rowHead} scope="row">
        <Link to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: goal.id }} className={classes.rowLabel} data-pos={posKey({ r, c: -1 })} tabIndex={activeCol === -1 ? 0 : -1} title={goal.title}>
          {goal.title}
        </Link>
        <Text size="xs" c="dimmed" component="span">
          {GOAL_STATUS[goal.status].label} · weight {goal.weight}
        </Text>
      </th>
      {initiatives.map((ini, c) => {
        const link = links.get(`${goal.id}|${ini.id}`);
        const button = (
          <button
            type="button"
            className={classes.cellButton}
            data-pos={posKey({ r, c })}
            data-strength={link?.strength}
            data-readonly={canWrite ? undefined : ''}
            tabIndex={activeCol === c ? 0 : -1}
            aria-label={link ? `${LINK_STRENGTH[link.strength].label} link` : 'Not linked'}
            aria-haspopup="dialog"
            aria-expanded={openCol === c}
          >
            {link ? LETTER[link.strength] : ''}
          </button>
        );
        return (
          <td key={ini.id} className={classes.cell}>
            {openCol === c ? (
              <CellEditor goalTitle={goal.title} initiativeTitle={ini.title} link={link} canWrite={canWrite} pending={pending} onClose={onClose}
                onSave={(strength, rationale) => onSave(r, c, strength, rationale)}>
                {button}
              </CellEditor>
            ) : (
              button
            )}
          </td>
        );
      })}
    </tr>
  );
});

interface CellEditorProps {
  goalTitle: string;
  initiativeTitle: string;
  link: MatrixLink | undefined;
  canWrite: boolean;
  pending: boolean;
  onClose: () => void;
  /** strength null: unlink. */
  onSave: (strength: TLinkStrength | null, rationale: string) => void;
  children: ReactElement;
}

/** The small dialog of one cell: set the strength and rationale, or unlink (members); read them (viewers). */
function CellEditor({ goalTitle, initiativeTitle, link, canWrite, pending, onClose, onSave, children }: CellEditorProps) {
  const [strength, setStrength] = useState<TLinkStrength>(link?.strength ?? 'medium');
  const [rationale, setRationale] = useState(link?.rationale ?? '');
  const titleId = useId();
  const strengthId = useId();
  return (
    <Popover opened onChange={(o) => !o && onClose()} trapFocus returnFocus={false} position="bottom" withArrow shadow="md" width={340} withinPortal>
      <Popover.Target>{children}</Popover.Target>
      <Popover.Dropdown role="dialog" aria-labelledby={titleId}>
        <Stack gap="sm">
          <div id={titleId}>
            <Text size="sm" fw={700} lineClamp={2}>
              {goalTitle}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              served by {initiativeTitle}
            </Text>
          </div>
          {canWrite ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                onSave(strength, rationale.trim());
              }}
            >
              <Stack gap="sm">
                <div>
                  <Text size="sm" fw={500} id={strengthId} mb={4}>
                    Strength
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-labelledby={strengthId}
                    data={LINK_STRENGTHS.map((s) => ({ value: s, label: LINK_STRENGTH[s].label }))}
                    value={strength}
                    onChange={setStrength}
                  />
                  <Text size="xs" c="dimmed" mt={4}>
                    {LINK_STRENGTH[strength].description}
                  </Text>
                </div>
                <Textarea label="Rationale" description="Optional: how the initiative serves the goal." maxLength={300} autosize minRows={2} maxRows={5}
                  value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} />
                <Group justify="space-between" gap="xs">
                  {link ? (
                    <Button variant="subtle" color="red" size="compact-sm" onClick={() => onSave(null, '')} disabled={pending}>
                      Unlink
                    </Button>
                  ) : (
                    <span />
                  )}
                  <Group gap="xs">
                    <Button variant="default" size="compact-sm" onClick={onClose}>
                      Cancel
                    </Button>
                    <Button type="submit" size="compact-sm" loading={pending}>
                      {link ? 'Save' : 'Link'}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </form>
          ) : (
            <>
              {link ? (
                <Alert variant="light" color="gray" p="xs">
                  <Text size="sm" fw={600}>
                    {LINK_STRENGTH[link.strength].label} link
                  </Text>
                  <Text size="sm" c={link.rationale ? undefined : 'dimmed'}>
                    {link.rationale || 'No rationale given.'}
                  </Text>
                </Alert>
              ) : (
                <Text size="sm">Not linked.</Text>
              )}
              <Group justify="flex-end">
                <Button variant="default" size="compact-sm" onClick={onClose}>
                  Close
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
