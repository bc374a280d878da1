import {
  IconBuildingCommunity, IconCalendarStats, IconChartBar, IconClipboardList, IconDeviceImacCog, IconGavel, IconHome,
  IconMessages, IconPuzzle, IconRoute, IconSchool, IconSettings,
  IconHistory, IconBulb, IconChecklist, IconActivity, IconWebhook, IconMailForward, IconTarget, IconRocket, IconUsers, IconGitCompare,
  IconTable,
  IconUsersGroup,
  IconCompass, IconHierarchy3,
  IconForms,
} from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import type { WorkspacePermission } from '../../domain/platform/permissions';

/** An area that is planned but not built yet: what it will do, said plainly. */
export interface ComingArea {
  path: string;
  label: string;
  icon: Icon;
  summary: string;
  features: string[];
}

export const COMING = {
  requests: {
    path: 'requests', label: 'Requests', icon: IconClipboardList,
    summary: 'One front door for every technology request, with transparent scoring.',
    features: ['A request form for everyone in the business', 'Scoring against a weighted model: alignment, value, cost, risk, feasibility', 'A visible status for every request, from intake to decision'],
  },
  board: {
    path: 'board', label: 'Board', icon: IconGavel,
    summary: 'The governance board: agendas, decisions and their reasons, on the record.',
    features: ['Board meetings with the requests to decide', 'Decisions with their rationale, visible to the requester', 'A log of what was approved, deferred or declined'],
  },
  services: {
    path: 'services', label: 'Services & SLAs', icon: IconDeviceImacCog,
    summary: 'The service catalogue with the SLAs IT is measured by.',
    features: ['Services with owners, service hours and SLA targets', 'Availability, error budget and incident response compliance per period', 'Outages and planned maintenance'],
  },
  kpis: {
    path: 'kpis', label: 'Metrics & KPIs', icon: IconChartBar,
    summary: 'The KPIs that show whether IT delivers what the business needs.',
    features: ['KPIs with targets, warning levels and direction', 'Measurements over time, on track, at risk or off track', 'KPIs tied to goals and services'],
  },
  ideas: {
    path: 'ideas', label: 'Ideas', icon: IconBulb,
    summary: 'A feedback portal where employees and customers suggest and vote on ideas.',
    features: ['Ideas with votes and comments', 'Status updates so people see what happened to their idea', 'Turning a good idea into a request'],
  },
  surveys: {
    path: 'surveys', label: 'Surveys', icon: IconMessages,
    summary: 'Alignment and satisfaction surveys, anonymous where it matters.',
    features: ['Likert and NPS questions by alignment dimension', 'Results that never reveal a group smaller than the anonymity threshold', 'An alignment index over time'],
  },
  reviews: {
    path: 'reviews', label: 'Reviews', icon: IconCalendarStats,
    summary: 'Regular business–IT reviews with their findings and actions.',
    features: ['Review meetings per business unit', 'Findings and agreed actions with owners and due dates', 'Trends from one review to the next'],
  },
  people: {
    path: 'people', label: 'People & practices', icon: IconSchool,
    summary: 'The practices that keep business and IT close.',
    features: ['Charters and liaisons per business unit', 'Joint planning, ride-alongs, training and mentorship', 'Shared values and how teams live them'],
  },
} as const satisfies Record<string, ComingArea>;

export type ComingKey = keyof typeof COMING;

/** An entry of the sidebar: a built page (`to`) or a coming area (`coming`). */
export type NavItem =
  | { label: string; icon: Icon; to: BuiltPath; permission?: WorkspacePermission }
  | { coming: ComingKey };

/** Paths of the built workspace pages, relative to /w/$ws. */
export type BuiltPath =
  | '' | 'strategy' | 'goals' | 'initiatives' | 'business-units' | 'teams' | 'members' | 'settings' | 'audit-log'
  | 'actions' | 'activity' | 'notifications' | 'settings/webhooks' | 'settings/outbox' | 'capabilities' | 'settings/custom-fields' | 'alignment/graph'
  | 'alignment' | 'alignment/matrix' | 'roadmap';

export interface NavSection {
  label: string | null;
  items: NavItem[];
}

/** The sidebar: every area of Tandem, built or coming. */
export const NAV: NavSection[] = [
  {
    label: null,
    items: [
      { label: 'Home', icon: IconHome, to: '' },
      { label: 'My actions', icon: IconChecklist, to: 'actions' },
      { label: 'Activity', icon: IconActivity, to: 'activity' },
    ],
  },
  {
    label: 'Strategy',
    items: [
      { label: 'Vision & themes', icon: IconCompass, to: 'strategy' },
      { label: 'Goals', icon: IconTarget, to: 'goals' },
      { label: 'Initiatives', icon: IconRocket, to: 'initiatives' },
      { label: 'Alignment', icon: IconGitCompare, to: 'alignment' },
      { label: 'Alignment matrix', icon: IconTable, to: 'alignment/matrix' },
      { label: 'Alignment graph', icon: IconHierarchy3, to: 'alignment/graph' },
      { label: 'Roadmap', icon: IconRoute, to: 'roadmap' },
      { label: 'Capabilities', icon: IconPuzzle, to: 'capabilities' },
    ],
  },
  {
    label: 'Governance',
    items: [
      { coming: 'requests' },
      { coming: 'board' },
    ],
  },
  {
    label: 'Operations',
    items: [
      { coming: 'services' },
      { coming: 'kpis' },
    ],
  },
  {
    label: 'Voice of the customer',
    items: [
      { coming: 'ideas' },
      { coming: 'surveys' },
      { coming: 'reviews' },
    ],
  },
  {
    label: 'People',
    items: [
      { coming: 'people' },
    ],
  },
  {
    label: 'Organisation',
    items: [
      { label: 'Business units', icon: IconBuildingCommunity, to: 'business-units' },
      { label: 'Teams', icon: IconUsersGroup, to: 'teams' },
      { label: 'Members', icon: IconUsers, to: 'members' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { label: 'Workspace', icon: IconSettings, to: 'settings' },
      { label: 'Audit log', icon: IconHistory, to: 'audit-log', permission: 'audit.read' },
      { label: 'Webhooks', icon: IconWebhook, to: 'settings/webhooks', permission: 'webhooks.manage' },
      { label: 'E-mail outbox', icon: IconMailForward, to: 'settings/outbox', permission: 'outbox.read' },
      { label: 'Custom fields', icon: IconForms, to: 'settings/custom-fields', permission: 'strategy.manage' },
    ],
  },
];
