import { Badge, isLightColor } from '@mantine/core';
import type { TTheme } from '../../../domain/strategy/themes';

/**
 * A theme as a badge in its own colour. The text is black or white, whichever contrasts more
 * with the colour (Mantine's isLightColor uses the luminance where the two are equal).
 */
export function ThemeBadge({ theme, size = 'sm' }: { theme: Pick<TTheme, 'name' | 'color' | 'archivedAt'>; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge
      size={size}
      style={{ flex: 'none', maxWidth: '100%' }}
      radius="sm"
      tt="none"
      fw={600}
      color={theme.color}
      c={isLightColor(theme.color) ? 'black' : 'white'}
      title={theme.archivedAt ? `${theme.name} (archived theme)` : theme.name}
    >
      {theme.name}
      {theme.archivedAt ? ' (archived)' : ''}
    </Badge>
  );
}
