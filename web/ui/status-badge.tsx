import { Badge } from '@mantine/core';

/** How a status reads and which colour marks it. */
export interface StatusInfo {
  label: string;
  color: string;
}

interface StatusBadgeProps {
  info: StatusInfo;
  /** A coloured dot and a word (work items: goals, initiatives, action items), or a tinted badge (deliveries of e-mails and webhooks). */
  variant?: 'dot' | 'light';
}

/** A status as a small badge: its label in its colour. */
export function StatusBadge({ info, variant = 'dot' }: StatusBadgeProps) {
  return (
    <Badge variant={variant} color={info.color} radius="sm" tt="none" fw={600} style={{ minWidth: 'max-content' }}>
      {info.label}
    </Badge>
  );
}
