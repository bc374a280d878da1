import { ActionIcon, Button, Kbd, Tooltip } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const SHORTCUT = isMac ? '⌘ K' : 'Ctrl K';

/** Opens the search spotlight (as Ctrl/Cmd-K does). */
export function openSearch(): void {
  spotlight.open();
}

/** The header's search button: a wide one with the shortcut on larger screens, an icon on phones. */
export function SearchButton() {
  return (
    <>
      <Button
        variant="default"
        visibleFrom="sm"
        leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
        rightSection={<Kbd size="xs">{SHORTCUT}</Kbd>}
        onClick={openSearch}
        aria-label={`Search (${SHORTCUT})`}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        fw={400}
        w={220}
        justify="space-between"
      >
        Search…
      </Button>
      <Tooltip label="Search">
        <ActionIcon variant="default" size="lg" hiddenFrom="sm" aria-label="Search" onClick={openSearch}>
          <IconSearch size={18} stroke={1.6} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
