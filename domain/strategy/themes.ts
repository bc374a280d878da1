import { z } from 'zod';
import { Id, IncludeArchived, IsoDateTime, LongText } from '../common';

/** The workspace's shared vision: statement, mission and the horizon it looks to. */
export const Vision = z.object({
  statement: z.string(),
  mission: z.string(),
  horizon: z.string(),
  updatedByUserId: Id.nullable(),
  /** Null until the vision is first written. */
  updatedAt: IsoDateTime.nullable(),
});
export type TVision = z.infer<typeof Vision>;

/** `PUT …/vision`: the whole vision (a field left out is emptied). */
export const PutVision = z.object({
  statement: z.string().trim().max(2_000).default(''),
  mission: z.string().trim().max(2_000).default(''),
  horizon: z.string().trim().max(100).default(''),
});
export type TPutVision = z.infer<typeof PutVision>;

/** A colour as #rrggbb; upper-case digits are accepted and stored in lower case. */
export const ThemeColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((v) => v.toLowerCase());

const ThemeName = z.string().trim().min(1, 'must not be empty').max(100);
const Position = z.number().int().min(0).max(100_000);

/** A strategic theme (pillar), with how many live goals it holds and their progress. */
export const Theme = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  ownerUserId: Id.nullable(),
  color: z.string(),
  position: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
  /** Live goals under the theme. */
  goalCount: z.number().int(),
  /** Goal-weighted mean progress of those goals with key results (0–1), null when none has any. */
  progress: z.number().min(0).max(1).nullable(),
});
export type TTheme = z.infer<typeof Theme>;

const themeFields = {
  name: ThemeName,
  description: LongText,
  ownerUserId: Id.nullable(),
  color: ThemeColor,
  position: Position,
};
export const CreateTheme = z.object({
  ...themeFields,
  description: LongText.default(''),
  ownerUserId: Id.nullable().default(null),
  color: ThemeColor.default('#1c7ed6'),
  /** Left out: after the last theme. */
  position: Position.optional(),
});
export type TCreateTheme = z.infer<typeof CreateTheme>;
export const UpdateTheme = z.object(themeFields).partial();
export type TUpdateTheme = z.infer<typeof UpdateTheme>;

export const ThemeListQuery = z.object({ includeArchived: IncludeArchived });

// ——— A goal's effective theme ———

/** What the effective-theme rule reads of a goal. */
export interface ThemedGoal {
  id: string;
  parentGoalId: string | null;
  themeId: string | null;
}

/**
 * The one rule for the theme a goal serves, wherever goals are grouped or filtered by theme
 * (alignment graph, roadmap theme lanes and filter, alignment by theme): its own theme, else
 * its nearest ancestor's — a sub-goal without a theme serves its parent's. A theme that
 * `isLiveTheme` refuses (an archived one) is passed over as if unset. Ancestors count whether
 * archived or not (archiving a parent goal does not re-theme the goals below it), so give the
 * archived goals of the workspace too; a parent not among `goals` ends the walk. A cycle
 * (the API refuses them) ends it without a theme.
 *
 * Returns the lookup by goal id (null: no theme; unknown id: null), memoised, so looking up
 * every goal of a workspace takes time linear in the number of goals.
 */
export function effectiveThemes(
  goals: Iterable<ThemedGoal>,
  isLiveTheme: (themeId: string) => boolean = () => true,
): (goalId: string) => string | null {
  const byId = new Map<string, ThemedGoal>();
  for (const g of goals) byId.set(g.id, g);
  const memo = new Map<string, string | null>();
  return (goalId) => {
    const known = memo.get(goalId);
    if (known !== undefined) return known;
    const path: string[] = [];
    const onPath = new Set<string>();
    let found: string | null = null;
    for (let g = byId.get(goalId); g && !onPath.has(g.id); g = g.parentGoalId ? byId.get(g.parentGoalId) : undefined) {
      const cached = memo.get(g.id);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      path.push(g.id);
      onPath.add(g.id);
      if (g.themeId && isLiveTheme(g.themeId)) {
        found = g.themeId;
        break;
      }
    }
    for (const id of path) memo.set(id, found);
    return found;
  };
}

/** One goal's effective theme (see effectiveThemes; use that for many goals). */
export function effectiveThemeId(
  goalId: string, goals: Iterable<ThemedGoal>, isLiveTheme: (themeId: string) => boolean = () => true,
): string | null {
  return effectiveThemes(goals, isLiveTheme)(goalId);
}
