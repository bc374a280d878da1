import { eq } from 'drizzle-orm';
import { type TRoadmap, toCsv } from '../../../domain/strategy/roadmap';
import type { Queryable } from '../../platform/db/client';
import { businessUnits, teams } from '../../platform/tables';

const HEADER = ['Title', 'Status', 'Kind', 'Lane', 'Business unit', 'Team', 'Start', 'End', 'Risk', 'Milestones'];

/** The roadmap as CSV: one row per initiative; its milestones in the window as "title (due)" joined by "; ". */
export async function roadmapCsv(db: Queryable, workspaceId: string, roadmap: TRoadmap): Promise<string> {
  const [units, teamRows] = await Promise.all([
    db.select({ id: businessUnits.id, name: businessUnits.name }).from(businessUnits).where(eq(businessUnits.workspaceId, workspaceId)),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.workspaceId, workspaceId)),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const laneName = new Map(roadmap.lanes.map((l) => [l.id, l.name]));
  const milestonesOf = new Map<string, string[]>();
  for (const m of roadmap.milestones) {
    const text = `${m.title} (${m.dueDate}${m.doneOn ? `, done ${m.doneOn}` : ''})`;
    const list = milestonesOf.get(m.initiativeId);
    if (list) list.push(text);
    else milestonesOf.set(m.initiativeId, [text]);
  }
  const rows = roadmap.initiatives.map((i) => [
    i.title, i.status, i.kind, laneName.get(i.laneId) ?? '', i.businessUnitId ? (unitName.get(i.businessUnitId) ?? '') : '',
    i.teamId ? (teamName.get(i.teamId) ?? '') : '', i.startDate, i.endDate, i.riskLevel, (milestonesOf.get(i.id) ?? []).join('; '),
  ]);
  // A byte order mark first: without it Excel reads UTF-8 as the local code page (ü → Ã¼).
  return `\uFEFF${toCsv([HEADER, ...rows])}`;
}
