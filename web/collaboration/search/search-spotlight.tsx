import '@mantine/spotlight/styles.css';
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import type { Icon } from '@tabler/icons-react';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { entityTypeLabel, searchTerms, type TSearchHit, type TSearchResult } from '../../../domain/collaboration/search';
import { can } from '../../../domain/platform/permissions';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { COMING, NAV } from '../../app/areas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, isApiError, qs } from '../../ui/api';
import { Highlighted } from './highlighted';

export { openSearch, SearchButton } from './search-button';

interface PageEntry {
  label: string;
  /** Path below /w/<ws>: '' for home. */
  path: string;
  icon: Icon;
  section: string | null;
  soon: boolean;
}

/** Every page of the sidebar the user may open, built or coming. */
function pagesOf(ws: TWorkspace): PageEntry[] {
  return NAV.flatMap((section) =>
    section.items.flatMap((item): PageEntry[] => {
      if ('coming' in item) {
        const area = COMING[item.coming];
        return [{ label: area.label, path: area.path, icon: area.icon, section: section.label, soon: true }];
      }
      if (item.permission && !can(ws.role, item.permission)) return [];
      return [{ label: item.label, path: item.to, icon: item.icon, section: section.label, soon: false }];
    }),
  );
}

const matchesPage = (page: PageEntry, query: string) => {
  const q = query.toLowerCase();
  return page.label.toLowerCase().includes(q) || (page.section?.toLowerCase().includes(q) ?? false);
};

const MAX_QUERY = 200;
const VISUALLY_HIDDEN = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;

/** ['search', ws, q]: the workspace's search results for q (q as typed, trimmed). */
function useSearch(ws: TWorkspace, q: string) {
  return useQuery({
    queryKey: ['search', ws.id, q],
    queryFn: () => api.get<TSearchResult>(wsPath(ws, '/search') + qs({ q, limit: 20 })),
    enabled: searchTerms(q).length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/**
 * The Ctrl/Cmd-K spotlight of a workspace: jump to a page, or find anything with a title or
 * text (goals, initiatives, business units, action items, comments). Mount it once inside the
 * workspace shell; open it with the shortcut, SearchButton or openSearch().
 */
export function SearchSpotlight() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim().slice(0, MAX_QUERY), 150);
  const typed = query.trim();
  const searchable = searchTerms(debounced).length > 0;
  const results = useSearch(ws, debounced);

  const pages = pagesOf(ws).filter((p) => !typed || matchesPage(p, typed));
  const hits = searchable ? (results.data?.items ?? []) : [];
  const open = (path: string) => void navigate({ href: `/w/${ws.slug}${path}` });

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      scrollable
      maxHeight={480}
      size="lg"
      // The dialog's name for screen readers; the search box says the rest visibly.
      title="Search"
      styles={{ header: VISUALLY_HIDDEN }}
    >
      <Spotlight.Search
        placeholder="Search goals, initiatives, comments… or jump to a page"
        aria-label="Search the workspace"
        leftSection={<IconSearch size={18} stroke={1.6} aria-hidden />}
        rightSection={searchable && results.isFetching ? <Loader size="xs" role="status" aria-label="Searching" /> : null}
        maxLength={MAX_QUERY}
      />
      <Spotlight.ActionsList aria-label="Search results">
        {hits.length > 0 && (
          <Spotlight.ActionsGroup label="Results">
            {hits.map((hit) => (
              <Spotlight.Action key={`${hit.entityType}:${hit.entityId}`} onClick={() => open(hit.link)}>
                <HitRow hit={hit} />
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {pages.length > 0 && (
          <Spotlight.ActionsGroup label="Pages">
            {pages.map((p) => {
              const PageIcon = p.icon;
              return (
                <Spotlight.Action
                  key={p.path || 'home'}
                  label={p.label}
                  description={p.section ? `${p.section}${p.soon ? ' · coming soon' : ''}` : undefined}
                  leftSection={<PageIcon size={18} stroke={1.6} aria-hidden />}
                  onClick={() => open(p.path ? `/${p.path}` : '')}
                />
              );
            })}
          </Spotlight.ActionsGroup>
        )}
        <SearchState typed={typed} searchable={searchable} results={results} empty={hits.length === 0 && pages.length === 0} />
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

function HitRow({ hit }: { hit: TSearchHit }) {
  return (
    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text fw={600} size="sm" truncate="end">
          <Highlighted html={hit.titleHighlight} />
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {hit.archived && <Badge size="xs" variant="outline" color="gray">Archived</Badge>}
          <Badge size="xs" variant="light">{entityTypeLabel(hit.entityType)}</Badge>
        </Group>
      </Group>
      {hit.snippet && (
        <Text size="xs" lineClamp={2}>
          <Highlighted html={hit.snippet} />
        </Text>
      )}
    </Stack>
  );
}

interface SearchStateProps {
  typed: string;
  searchable: boolean;
  results: ReturnType<typeof useSearch>;
  empty: boolean;
}

/** What the list says when it has no results to show: why, and what to do. */
function SearchState({ typed, searchable, results, empty }: SearchStateProps) {
  if (results.isError && searchable) {
    const detail = isApiError(results.error) ? results.error.message : 'Search is not available right now.';
    return (
      <Spotlight.Empty>
        <Text size="sm" role="alert">Search failed: {detail}</Text>
      </Spotlight.Empty>
    );
  }
  if (!empty) return null;
  if (!typed) return <Spotlight.Empty>Type to search the workspace.</Spotlight.Empty>;
  if (searchTerms(typed).length === 0) return <Spotlight.Empty>Type a word with letters or digits to search.</Spotlight.Empty>;
  if (!searchable || results.isPending || results.isFetching) return <Spotlight.Empty>Searching…</Spotlight.Empty>;
  return <Spotlight.Empty>Nothing found for “{typed}”.</Spotlight.Empty>;
}
