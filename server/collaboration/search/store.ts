import { sql } from 'drizzle-orm';
import {
  HIGHLIGHT_START, HIGHLIGHT_STOP, type TSearchHit, highlightHtml, prefixTsquery,
} from '../../../domain/collaboration/search';
import type { Queryable } from '../../platform/db/client';

export interface SearchRequest {
  /** From searchTerms(): at least one. */
  terms: string[];
  /** The types to search (those the caller may find); none finds nothing. */
  types: string[];
  includeArchived: boolean;
  limit: number;
}

// ts_rank_cd weights {D, C, B, A}: a title (A) word counts five times a body (B) word.
const WEIGHTS = '{0.05, 0.1, 0.2, 1.0}';
const MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}"`;
const TITLE_OPTIONS = `${MARKS}, HighlightAll=true`;
const SNIPPET_OPTIONS = `${MARKS}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;
/**
 * At most this many matches are ranked. Reading and ranking a match costs a few microseconds,
 * so a query as broad as a two-letter prefix (tens of thousands of matches in a large
 * workspace) would take far longer than typing the next letter; beyond this many, the first
 * ones found are ranked, and the next keystroke narrows the query anyway (bench/search.ts:
 * a 12,000-match prefix took 20 ms instead of 110 ms at 100,000 documents). 500 rather than
 * 1,000 took a sixth off a query of the bench's mix; on that mix the best hit's rank moved
 * by at most 0.1 %, the top 20 held title matches as often, and their mean rank fell by at most 5 %.
 */
const CANDIDATES = 500;
/** A body up to this long is shown whole; a longer one as its best passages. */
const SHORT_BODY = 240;
// The markers are removed from the text first, so a title cannot fake a highlight.
const STRIP = `${HIGHLIGHT_START}${HIGHLIGHT_STOP}`;

interface Row extends Record<string, unknown> {
  entity_type: string;
  entity_id: string;
  title: string;
  title_marked: string;
  snippet_marked: string;
  link: string;
  archived: boolean;
  rank: number;
}

/**
 * The best matches in the workspace: every term must match as a word prefix; documents whose
 * title holds every term come first, then by cover-density rank (title words weigh more than
 * body words), live before archived. Highlights are computed for the page only. A very broad
 * query ranks the first CANDIDATES matches found.
 */
export async function searchDocumentsOf(db: Queryable, workspaceId: string, r: SearchRequest): Promise<TSearchHit[]> {
  if (r.terms.length === 0 || r.types.length === 0) return [];
  const { rows } = await db.execute<Row>(sql`
    with q as (select to_tsquery('simple', ${prefixTsquery(r.terms)}) as q, to_tsquery('simple', ${prefixTsquery(r.terms, 'A')}) as qa),
    candidates as (
      select d.entity_type, d.entity_id, d.title, d.body, d.link, d.archived, d.updated_at, d.document
      from search_documents d, q
      where d.workspace_id = ${workspaceId} and d.document @@ q.q
        and d.entity_type = any(${sql.param(r.types)}::text[])
        ${r.includeArchived ? sql`` : sql`and not d.archived`}
      limit ${CANDIDATES}
    ),
    hits as (
      select c.entity_type, c.entity_id, c.title, c.body, c.link, c.archived, c.updated_at,
             (ts_rank_cd(${WEIGHTS}::float4[], c.document, q.q) + (c.document @@ q.qa)::int)::float8 as rank
      from candidates c, q
      order by c.archived, rank desc, c.updated_at desc, c.entity_id
      limit ${r.limit}
    )
    select h.entity_type, h.entity_id, h.title, h.link, h.archived, h.rank,
           ts_headline('simple', translate(h.title, ${STRIP}, ''), q.q, ${TITLE_OPTIONS}) as title_marked,
           case when h.body = '' then ''
                when length(h.body) <= ${SHORT_BODY} then ts_headline('simple', translate(h.body, ${STRIP}, ''), q.q, ${TITLE_OPTIONS})
                else ts_headline('simple', translate(h.body, ${STRIP}, ''), q.q, ${SNIPPET_OPTIONS}) end as snippet_marked
    from hits h, q
    order by h.archived, h.rank desc, h.updated_at desc, h.entity_id`);
  return rows.map((row) => ({
    entityType: row.entity_type,
    entityId: row.entity_id,
    title: row.title,
    titleHighlight: highlightHtml(row.title_marked),
    snippet: highlightHtml(row.snippet_marked.replace(/\s+/g, ' ').trim()),
    link: row.link,
    archived: row.archived,
    rank: Math.round(row.rank * 10_000) / 10_000,
  }));
}
