/**
 * The roadmap timeline, drawn by hand in HTML and SVG: a header scale, swimlanes, bars coloured
 * by status, milestones as diamonds, finish-to-start dependency arrows and a today line; bars
 * can be dragged to move, their ends to resize, or moved with the keyboard.
 *
 * Why not a library: no maintained React Gantt/timeline component fits swimlanes with packed
 * rows, dependency arrows and accessible dragging (pointer and keyboard) together, and the
 * maths it needs is small and pure (domain/strategy/roadmap.ts, unit-tested).
 */
import { CloseButton, Group, Paper, Portal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import {
  type Dispatch, type FocusEvent as ReactFocusEvent, memo, type SetStateAction, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent, type ReactNode, type RefObject, useEffect, useId, useMemo, useRef, useState,
} from 'react';
import {
  barExtent, daysBetween, draggedDates, type DragMode, packRows, pxPerDay, type RoadmapWindow, type ScaleSegment, scaleRows, snapDays, type TRoadmap,
  type TRoadmapBar, type TRoadmapLane, type TRoadmapZoom, xOf,
} from '../../../domain/strategy/roadmap';
import { formatDate, formatRange } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { INITIATIVE_KIND, RISK_LEVEL } from '../initiatives/labels';
import { INITIATIVE_STATUS } from '../status';
import classes from './timeline.module.css';
import { startsTooEarly } from '../../../domain/strategy/dependencies';

/** The lane name column: narrower on phones. */
const labelWidth = (box: number) => (box > 0 && box < 640 ? 120 : 180);
const SCALE_ROW_H = 24;
const ROW_H = 30;
const BAR_H = 22;
const BAR_TOP = 4;
const LANE_PAD = 6;
const MIN_CHART_W = 640;
/** How far in from either end of a bar grabbing it resizes instead of moving it. */
const HANDLE_W = 10;

export interface TimelineProps {
  data: Pick<TRoadmap, 'window' | 'lanes' | 'initiatives' | 'milestones' | 'dependencies'>;
  zoom: TRoadmapZoom;
  /** What the lanes are, for the corner cell: "Theme", "Business unit", … */
  laneKind: string;
  today: string;
  /** Bars can be dragged and moved with the keyboard (members and up). */
  editable?: boolean;
  onReschedule?: (bar: TRoadmapBar, dates: { startDate: string; endDate: string }) => void;
  /** Buttons and links of a bar's details card (open the initiative, reschedule…). */
  detailsActions?: (bar: TRoadmapBar, close: () => void) => ReactNode;
  /** The element to export as an image. */
  captureRef?: RefObject<HTMLDivElement | null>;
}

interface Drag {
  id: string;
  mode: DragMode;
  originX: number;
  days: number;
  keyboard: boolean;
}

const laneKey = (id: string | null) => id ?? '';

export function Timeline({ data, zoom, laneKind, today, editable = false, onReschedule, detailsActions, captureRef }: TimelineProps) {
  const uid = useId();
  const helpId = `${uid}-help`;
  const { ref: sizeRef, width: boxWidth } = useElementSize();
  const canvasRef = useRef<HTMLDivElement | null>(null);
  const w: RoadmapWindow = data.window;
  const labelW = labelWidth(boxWidth);
  const chartW = Math.max(MIN_CHART_W, Math.floor(boxWidth - labelW - 2));
  const rows = useMemo(() => scaleRows(zoom, w), [zoom, w]);
  const headerH = rows.length * SCALE_ROW_H;

  const barById = useMemo(() => new Map(data.initiatives.map((b) => [b.id, b])), [data.initiatives]);

  // Lanes top to bottom, bars packed into rows inside each (by their saved dates: a bar being
  // dragged keeps its row until it is saved).
  const layout = useMemo(() => {
    const byLane = new Map<string, TRoadmapBar[]>();
    for (const b of data.initiatives) {
      const list = byLane.get(laneKey(b.laneId));
      if (list) list.push(b);
      else byLane.set(laneKey(b.laneId), [b]);
    }
    const place = new Map<string, { y: number; lane: number }>();
    const order: string[] = [];
    let top = 0;
    const lanes = data.lanes.map((lane, index) => {
      const bars = byLane.get(laneKey(lane.id)) ?? [];
      const { rowOf, rows: count } = packRows(bars);
      const sorted = [...bars].sort((a, b) => rowOf.get(a.id)! - rowOf.get(b.id)! || (a.startDate < b.startDate ? -1 : 1));
      for (const b of sorted) {
        place.set(b.id, { y: top + LANE_PAD + rowOf.get(b.id)! * ROW_H + BAR_TOP, lane: index });
        order.push(b.id);
      }
      const height = Math.max(1, count) * ROW_H + 2 * LANE_PAD;
      const out = { lane, bars, top, height, ids: new Set(bars.map((b) => b.id)) };
      top += height;
      return out;
    });
    return { lanes, place, order, height: top };
  }, [data.initiatives, data.lanes]);

  const [drag, setDrag] = useState<Drag | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [said, say] = useState('');
  const activeId = active && barById.has(active) ? active : (layout.order[0] ?? null);

  /** The dates a bar shows: its own, or where it is being dragged to. */
  const datesOf = (b: TRoadmapBar) => (drag && drag.id === b.id ? draggedDates(drag.mode, b.startDate, b.endDate, drag.days) : b);

  const extent = (b: TRoadmapBar) => {
    const d = datesOf(b);
    return barExtent(d.startDate, d.endDate, w, chartW);
  };

  const milestonesOf = useMemo(() => {
    const m = new Map<string, TRoadmap['milestones']>();
    for (const ms of data.milestones) {
      const list = m.get(ms.initiativeId);
      if (list) list.push(ms);
      else m.set(ms.initiativeId, [ms]);
    }
    return m;
  }, [data.milestones]);

  const barEl = (id: string) => canvasRef.current?.querySelector<HTMLElement>(`[data-bar-id="${id}"]`) ?? null;
  const focusBar = (id: string) => {
    setActive(id);
    barEl(id)?.focus();
  };
  const barFromEvent = (e: { target: EventTarget }) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-bar-id]');
    return el ? (barById.get(el.dataset.barId!) ?? null) : null;
  };

  const commit = (b: TRoadmapBar, d: Drag) => {
    setDrag(null);
    if (d.days === 0) return;
    const next = draggedDates(d.mode, b.startDate, b.endDate, d.days);
    if (next.startDate === b.startDate && next.endDate === b.endDate) return;
    say(`Saving ${b.title}: ${formatRange(next.startDate, next.endDate)}.`);
    onReschedule?.(b, next);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const b = barFromEvent(e);
    if (!b) return;
    setActive(b.id);
    if (!editable) return;
    const el = barEl(b.id);
    el?.setPointerCapture(e.pointerId);
    el?.focus({ preventScroll: true });
    e.preventDefault();
    // The mode from where the bar was grabbed: within its end zones (the resize cursors show
    // them), an end that lies inside the window is resized; anywhere else the bar moves.
    let mode: DragMode = 'move';
    if (el) {
      const r = el.getBoundingClientRect();
      const zone = Math.min(HANDLE_W, r.width / 4);
      if (e.clientX - r.left <= zone && el.dataset.clippedStart !== 'true') mode = 'start';
      else if (r.right - e.clientX <= zone && el.dataset.clippedEnd !== 'true') mode = 'end';
    }
    setDrag({ id: b.id, mode, originX: e.clientX, days: 0, keyboard: false });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag || drag.keyboard) return;
    const days = snapDays(e.clientX - drag.originX, w, chartW);
    if (days !== drag.days) setDrag({ ...drag, days });
  };
  const onPointerUp = () => {
    if (!drag || drag.keyboard) return;
    const b = barById.get(drag.id);
    if (!b) return setDrag(null);
    if (drag.days === 0) {
      setDrag(null);
      setSelected(b.id);
      return;
    }
    commit(b, drag);
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const b = barFromEvent(e);
    if (!b || !(e.target as HTMLElement).dataset.barId) return;
    const at = layout.order.indexOf(b.id);
    const go = (i: number) => {
      const id = layout.order[Math.max(0, Math.min(layout.order.length - 1, i))];
      if (id) focusBar(id);
    };
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(layout.order.length - 1);
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (!editable) return;
        const step = (e.shiftKey ? 7 : 1) * (e.key === 'ArrowLeft' ? -1 : 1);
        const next: Drag = drag && drag.keyboard && drag.id === b.id ? { ...drag, days: drag.days + step } : { id: b.id, mode: 'move', originX: 0, days: step, keyboard: true };
        setDrag(next);
        const d = draggedDates('move', b.startDate, b.endDate, next.days);
        say(`${formatRange(d.startDate, d.endDate)}. Enter saves, Escape cancels.`);
        break;
      }
      case 'Enter':
      case ' ':
        if (drag && drag.keyboard && drag.id === b.id) commit(b, drag);
        else setSelected(b.id);
        break;
      case 'Escape':
        if (drag) {
          setDrag(null);
          say('Move cancelled.');
        } else if (selected) setSelected(null);
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // A keyboard move not saved is dropped when focus leaves the bar.
  const onBlur = (e: ReactFocusEvent<HTMLDivElement>) => {
    if (drag?.keyboard && (e.target as HTMLElement).dataset.barId === drag.id) {
      setDrag(null);
      say('Move cancelled.');
    }
  };

  const closeCard = () => {
    const id = selected;
    setSelected(null);
    if (id) barEl(id)?.focus();
  };

  const px = pxPerDay(w, chartW);
  const todayX = today >= w.from && today < w.to ? xOf(today, w, chartW) + px / 2 : null;
  const fine = rows[rows.length - 1] ?? [];

  const helpText = editable
    ? 'Up and down arrows move between initiatives. Left and right arrows move the dates by a day, with Shift by a week; Enter saves, Escape cancels. Enter opens the details, where Reschedule sets exact dates.'
    : 'Up and down arrows move between initiatives; Enter opens the details.';

  return (
    <div className={classes.root} ref={sizeRef}>
      <VisuallyHidden id={helpId}>{helpText}</VisuallyHidden>
      <VisuallyHidden aria-live="polite">{said}</VisuallyHidden>
      <div className={classes.scroller} onScroll={() => setSelected(null)}>
        <div
          className={classes.canvas}
          style={{ width: labelW + chartW }}
          ref={(el) => {
            canvasRef.current = el;
            if (captureRef) captureRef.current = el;
          }}
          role="group"
          aria-label={`Roadmap ${formatRange(w.from, addDay(w.to, -1))}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onClick={(e) => {
            if (editable) return;
            const b = barFromEvent(e);
            if (b) setSelected(b.id);
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        >
          <div className={classes.header} style={{ height: headerH }} aria-hidden>
            <div className={classes.corner} style={{ width: labelW }}>
              {laneKind}
            </div>
            <div className={classes.scale} style={{ width: chartW, height: headerH }}>
              {rows.map((segments, r) =>
                segments.map((s) => {
                  const left = xOf(s.start, w, chartW);
                  return (
                    <div
                      key={`${r}-${s.start}`}
                      className={`${classes.segment} ${r === 0 && rows.length > 1 ? classes.segmentMajor : ''}`}
                      style={{ left, width: xOf(s.end, w, chartW) - left, top: r * SCALE_ROW_H, height: SCALE_ROW_H }}
                    >
                      {s.label}
                    </div>
                  );
                }),
              )}
              {todayX !== null && (
                <div className={classes.todayLabel} style={{ left: todayX, bottom: 2 }}>
                  Today
                </div>
              )}
            </div>
          </div>

          <div style={{ position: 'relative' }}>
            {layout.lanes.map(({ lane, bars, top, height, ids }) => (
              <Lane
                key={laneKey(lane.id)}
                uid={uid}
                helpId={helpId}
                lane={lane}
                bars={bars}
                top={top}
                height={height}
                place={layout.place}
                labelW={labelW}
                chartW={chartW}
                w={w}
                fine={fine}
                editable={editable}
                activeId={activeId && ids.has(activeId) ? activeId : null}
                drag={drag && ids.has(drag.id) ? drag : null}
                milestonesOf={milestonesOf}
                setHover={setHover}
                setActive={setActive}
              />
            ))}

            <Arrows
              data={data}
              place={layout.place}
              extentOf={(id) => {
                const b = barById.get(id);
                return b ? extent(b) : null;
              }}
              datesOf={(id) => {
                const b = barById.get(id);
                return b ? datesOf(b) : null;
              }}
              width={chartW}
              height={layout.height}
              left={labelW}
              markerId={`${uid}-arrow`}
              redMarkerId={`${uid}-arrow-red`}
            />
            {todayX !== null && <div className={classes.today} style={{ left: labelW + todayX - 1 }} aria-hidden />}
          </div>
        </div>
      </div>

      {hover && hover !== selected && barById.has(hover) && <Tip bar={barById.get(hover)!} dates={datesOf(barById.get(hover)!)} anchor={barEl(hover)} />}
      {selected && barById.has(selected) && (
        <DetailsCard
          bar={barById.get(selected)!}
          anchor={barEl(selected)}
          milestones={milestonesOf.get(selected) ?? []}
          waitsFor={data.dependencies.filter((d) => d.initiativeId === selected).map((d) => barById.get(d.dependsOnId)?.title ?? '')}
          neededBy={data.dependencies.filter((d) => d.dependsOnId === selected).map((d) => barById.get(d.initiativeId)?.title ?? '')}
          onClose={closeCard}
          actions={detailsActions?.(barById.get(selected)!, closeCard)}
        />
      )}
    </div>
  );
}

function addDay(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

interface LaneProps {
  uid: string;
  helpId: string;
  lane: TRoadmapLane;
  bars: TRoadmapBar[];
  top: number;
  height: number;
  place: Map<string, { y: number }>;
  labelW: number;
  chartW: number;
  w: RoadmapWindow;
  fine: ScaleSegment[];
  editable: boolean;
  /** The bar of the roving tab stop, when it is in this lane. */
  activeId: string | null;
  /** The drag under way, when its bar is in this lane (other lanes then skip re-rendering). */
  drag: Drag | null;
  milestonesOf: Map<string, TRoadmap['milestones']>;
  setHover: Dispatch<SetStateAction<string | null>>;
  setActive: Dispatch<SetStateAction<string | null>>;
}

/** One swimlane: its name, grid lines, bars and milestones. */
const Lane = memo(function Lane({
  uid, helpId, lane, bars, top, height, place, labelW, chartW, w, fine, editable, activeId, drag, milestonesOf, setHover, setActive,
}: LaneProps) {
  const labelId = `${uid}-lane-${laneKey(lane.id) || 'none'}`;
  const px = pxPerDay(w, chartW);
  const datesOf = (b: TRoadmapBar) => (drag && drag.id === b.id ? draggedDates(drag.mode, b.startDate, b.endDate, drag.days) : b);
  return (
    <div className={classes.lane} style={{ height }} role="group" aria-labelledby={labelId}>
      {/* A lane of one row has room for one line of name: longer names are cut, whole in the tooltip. */}
      <div className={classes.laneLabel} style={{ width: labelW }} data-one-row={height <= ROW_H + 2 * LANE_PAD || undefined} title={lane.name}>
        {lane.color && <span className={classes.swatch} style={{ background: lane.color }} aria-hidden />}
        <span id={labelId} className={classes.laneName}>
          {lane.name}
          {lane.archived ? ' (archived)' : ''}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            ({bars.length})
          </Text>
        </span>
      </div>
      <div className={classes.laneBody} style={{ width: chartW, height }}>
        {fine.slice(1).map((s) => (
          <div key={s.start} className={classes.grid} style={{ left: xOf(s.start, w, chartW) }} />
        ))}
        {bars.map((b) => {
          const d = datesOf(b);
          const x = barExtent(d.startDate, d.endDate, w, chartW);
          if (!x) return null;
          const local = place.get(b.id)!.y - top;
          const moving = drag?.id === b.id;
          const info = INITIATIVE_STATUS[b.status];
          const ms = milestonesOf.get(b.id) ?? [];
          const label = `${b.title}, ${info.label}, ${formatRange(d.startDate, d.endDate)}${ms.length ? `, ${ms.length} milestone${ms.length > 1 ? 's' : ''}` : ''}${moving && drag.days !== 0 ? ' (not saved)' : ''}`;
          return (
            <div
              key={b.id}
              data-bar-id={b.id}
              data-clipped-start={x.clippedStart}
              data-clipped-end={x.clippedEnd}
              role="button"
              tabIndex={b.id === activeId ? 0 : -1}
              aria-label={label}
              aria-describedby={helpId}
              className={[
                classes.bar,
                editable && classes.editable,
                moving && !drag.keyboard && classes.dragging,
                moving && drag.keyboard && classes.pending,
                x.clippedStart && classes.clippedStart,
                x.clippedEnd && classes.clippedEnd,
                b.status === 'cancelled' && classes.cancelled,
              ].filter(Boolean).join(' ')}
              style={{
                left: x.x,
                width: Math.max(4, x.width),
                top: local,
                background: `var(--mantine-color-${info.color}-light)`,
                borderColor: `var(--mantine-color-${info.color}-filled)`,
              }}
              onMouseEnter={() => setHover(b.id)}
              onMouseLeave={() => setHover((h) => (h === b.id ? null : h))}
              onFocus={() => setActive(b.id)}
            >
              {editable && !x.clippedStart && <div className={`${classes.handle} ${classes.handleStart}`} />}
              {x.width >= 28 && <span className={classes.barTitle}>{b.title}</span>}
              {editable && !x.clippedEnd && <div className={`${classes.handle} ${classes.handleEnd}`} />}
            </div>
          );
        })}
        {bars.flatMap((b) => {
          const local = place.get(b.id)!.y - top;
          return (milestonesOf.get(b.id) ?? []).map((m) => {
            if (m.dueDate < w.from || m.dueDate >= w.to) return null;
            const x = xOf(m.dueDate, w, chartW) + px / 2;
            return (
              <div
                key={m.id}
                className={`${classes.milestone} ${m.doneOn ? classes.milestoneDone : ''}`}
                style={{ left: x - 5, top: local + BAR_H - 5 }}
                title={`${m.title} · ${formatDate(m.dueDate)}${m.doneOn ? ' · done' : ''}`}
                aria-hidden
              />
            );
          });
        })}
      </div>
    </div>
  );
});

/** Finish-to-start arrows from the prerequisite's end to the dependent's start; red when the dependent starts too early. */
function Arrows(props: {
  data: TimelineProps['data'];
  place: Map<string, { y: number }>;
  extentOf: (id: string) => ReturnType<typeof barExtent>;
  datesOf: (id: string) => { startDate: string; endDate: string } | null;
  width: number;
  height: number;
  left: number;
  markerId: string;
  redMarkerId: string;
}) {
  const paths = props.data.dependencies.flatMap((d) => {
    const from = props.extentOf(d.dependsOnId);
    const to = props.extentOf(d.initiativeId);
    const pf = props.place.get(d.dependsOnId);
    const pt = props.place.get(d.initiativeId);
    const df = props.datesOf(d.dependsOnId);
    const dt = props.datesOf(d.initiativeId);
    if (!from || !to || !pf || !pt || !df || !dt) return [];
    const fx = from.x + from.width;
    const fy = pf.y + BAR_H / 2;
    const tx = to.x;
    const ty = pt.y + BAR_H / 2;
    const broken = startsTooEarly(dt.startDate, df.endDate);
    // Straight across and down when there is room; otherwise around, between the rows.
    const path =
      tx >= fx + 12
        ? `M ${fx} ${fy} H ${fx + 6} V ${ty} H ${tx - 2}`
        : `M ${fx} ${fy} h 6 V ${(fy + ty) / 2 + (ty === fy ? ROW_H / 2 : 0)} H ${tx - 10} V ${ty} H ${tx - 2}`;
    return [{ id: d.id, path, broken }];
  });
  return (
    <svg className={classes.overlay} style={{ left: props.left }} width={props.width} height={props.height} aria-hidden>
      <defs>
        {[
          [props.markerId, 'var(--mantine-color-gray-7)'],
          [props.redMarkerId, 'var(--mantine-color-red-8)'],
        ].map(([id, color]) => (
          <marker key={id} id={id} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 8 4 L 0 8 z" fill={color} />
          </marker>
        ))}
      </defs>
      {paths.map((p) => (
        <path
          key={p.id}
          d={p.path}
          fill="none"
          stroke={p.broken ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-gray-7)'}
          strokeWidth={1.5}
          strokeDasharray={p.broken ? '4 3' : undefined}
          markerEnd={`url(#${p.broken ? props.redMarkerId : props.markerId})`}
        />
      ))}
    </svg>
  );
}

/** Where an element is on the page (document coordinates), for floating cards. */
function pagePosition(el: HTMLElement | null) {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { left: r.left + window.scrollX, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, width: r.width };
}

function Tip({ bar, dates, anchor }: { bar: TRoadmapBar; dates: { startDate: string; endDate: string }; anchor: HTMLElement | null }) {
  const at = pagePosition(anchor);
  if (!at) return null;
  return (
    <Portal>
      <div className={classes.tip} style={{ left: Math.max(8, at.left), top: at.top - 6, transform: 'translateY(-100%)' }} aria-hidden>
        <strong>{bar.title}</strong>
        <br />
        {INITIATIVE_STATUS[bar.status].label} · {formatRange(dates.startDate, dates.endDate)}
      </div>
    </Portal>
  );
}

interface DetailsCardProps {
  bar: TRoadmapBar;
  anchor: HTMLElement | null;
  milestones: TRoadmap['milestones'];
  waitsFor: string[];
  neededBy: string[];
  onClose: () => void;
  actions?: ReactNode;
}

/** A bar's details, under it: status, kind, risk, dates, milestones, dependencies and actions. */
function DetailsCard({ bar, anchor, milestones, waitsFor, neededBy, onClose, actions }: DetailsCardProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const at = pagePosition(anchor);
  useEffect(() => {
    cardRef.current?.focus();
  }, [bar.id]);
  useEffect(() => {
    const away = (e: PointerEvent) => {
      const t = e.target as Node;
      if (cardRef.current && !cardRef.current.contains(t) && !anchor?.contains(t)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [anchor, onClose]);
  if (!at) return null;
  const left = Math.max(8, Math.min(at.left, window.scrollX + document.documentElement.clientWidth - 336));
  return (
    <Portal>
      <Paper
        ref={cardRef}
        className={classes.card}
        style={{ left, top: at.bottom + 8 }}
        withBorder
        shadow="md"
        p="sm"
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text id={titleId} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {bar.title}
            </Text>
            <CloseButton size="sm" aria-label="Close details" onClick={onClose} />
          </Group>
          <Group gap="xs">
            <StatusBadge info={INITIATIVE_STATUS[bar.status]} />
            <Text size="xs">{INITIATIVE_KIND[bar.kind].label}</Text>
            <Text size="xs">· {RISK_LEVEL[bar.riskLevel].label}</Text>
          </Group>
          <Text size="sm">
            {formatRange(bar.startDate, bar.endDate)} · {daysBetween(bar.startDate, bar.endDate) + 1} days
          </Text>
          {milestones.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                Milestones
              </Text>
              {milestones.map((m) => (
                <Text key={m.id} size="xs">
                  ◆ {m.title} — {formatDate(m.dueDate)}
                  {m.doneOn ? ` (done ${formatDate(m.doneOn)})` : ''}
                </Text>
              ))}
            </Stack>
          )}
          {waitsFor.length > 0 && <Text size="xs">Starts after: {waitsFor.join(', ')}</Text>}
          {neededBy.length > 0 && <Text size="xs">Needed by: {neededBy.join(', ')}</Text>}
          {actions && (
            <Group gap="xs" mt={4}>
              {actions}
            </Group>
          )}
        </Stack>
      </Paper>
    </Portal>
  );
}
