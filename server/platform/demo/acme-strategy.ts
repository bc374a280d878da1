/**
 * The demo workspace's strategy beyond goals and initiatives (acme.ts): the vision, themes, the
 * goal tree, key results with a year of check-ins, teams, milestones, dependencies, the
 * capability map and custom fields. Keys refer to acme.ts.
 */
import type { PersonKey, UnitKey } from './acme';

export const vision = {
  statement: 'Every parcel on time, visible and carbon-light — with IT as the partner that makes it possible.',
  mission: 'We move goods for Europe’s web shops and retailers reliably and sustainably. Business and IT plan, build and measure together.',
  horizon: '2028',
};

export const themes: { key: string; name: string; description: string; owner: PersonKey; color: string }[] = [
  { key: 'excellence', name: 'Operational excellence', description: 'Reliable hubs, routes and systems: the promise to every customer kept.', owner: 'coo', color: '#1971c2' },
  { key: 'growth', name: 'Customer growth', description: 'Win and keep web shops with self-service, tracking and fast claims.', owner: 'sales', color: '#2b8a3e' },
  { key: 'sustainable', name: 'Sustainable fleet', description: 'Electric vans and smarter routes towards the 2028 emissions target.', owner: 'coo', color: '#0b7285' },
  { key: 'cost', name: 'Cost discipline', description: 'A lower cost per delivery and a faster close, without cutting service.', owner: 'cfo', color: '#d9480f' },
  { key: 'foundations', name: 'People & data foundations', description: 'Drivers who stay, and one trusted record of every shipment.', owner: 'owner', color: '#6741d9' },
];

/** Company-level goals added above the business-unit goals of acme.ts. */
export const companyGoals: {
  key: string; title: string; description: string; owner: PersonKey; weight: number; theme: string; start: string; end: string;
}[] = [
  { key: 'reliable', title: 'Be the most reliable parcel carrier in the Benelux', description: 'The company goal behind on-time delivery and resilient hubs.', owner: 'coo', weight: 100, theme: 'excellence', start: '2026-01-01', end: '2027-12-31' },
  { key: 'profitable', title: 'Profitable growth in e-commerce logistics', description: 'Grow revenue with web shops while the cost per delivery goes down.', owner: 'cfo', weight: 95, theme: 'growth', start: '2026-01-01', end: '2027-12-31' },
];

/** Initiatives that serve a company goal directly (alignment counts direct links only). */
export const companyLinks: { goal: string; initiative: string; strength: 'weak' | 'medium' | 'strong'; rationale: string }[] = [
  { goal: 'reliable', initiative: 'wms', strength: 'strong', rationale: 'Hubs that keep sorting through peak season.' },
  { goal: 'reliable', initiative: 'dr', strength: 'strong', rationale: 'A tested fail-over for every hub system.' },
  { goal: 'reliable', initiative: 'routing', strength: 'medium', rationale: 'Tours planned on live traffic arrive on time.' },
  { goal: 'profitable', initiative: 'onboarding', strength: 'strong', rationale: 'Web shops sign up without a sales call.' },
  { goal: 'profitable', initiative: 'routing', strength: 'medium', rationale: 'Fewer kilometres per parcel.' },
];

/** Theme and parent (a company goal) of each goal of acme.ts. */
export const goalPlacement: Record<string, { theme: string; parent?: string }> = {
  ontime: { theme: 'excellence', parent: 'reliable' },
  resilience: { theme: 'excellence', parent: 'reliable' },
  cost: { theme: 'cost', parent: 'profitable' },
  close: { theme: 'cost', parent: 'profitable' },
  ecom: { theme: 'growth', parent: 'profitable' },
  nps: { theme: 'growth', parent: 'profitable' },
  emissions: { theme: 'sustainable' },
  retention: { theme: 'foundations' },
  data: { theme: 'foundations' },
};

/** A key result with its check-ins (month-end values; the last one is the current value). */
export const keyResults: {
  goal: string; title: string; unit: string; direction: 'increase' | 'decrease' | null; baseline: number; target: number;
  weight: number; owner: PersonKey;
  checkins: { on: string; value: number; comment?: string; confidence?: number }[];
}[] = [
  {
    goal: 'ontime', title: 'On-time delivery rate', unit: '%', direction: 'increase', baseline: 94.1, target: 98, weight: 3, owner: 'coo',
    checkins: [
      { on: '2026-01-31', value: 94.3 }, { on: '2026-02-28', value: 94.5 }, { on: '2026-03-31', value: 94.2, comment: 'Storm week in Rotterdam.' },
      { on: '2026-04-30', value: 95.0, comment: 'Route optimisation pilot region live.' }, { on: '2026-05-31', value: 95.4 }, { on: '2026-06-30', value: 95.1 },
      { on: '2026-07-31', value: 95.8 }, { on: '2026-08-31', value: 96.0 }, { on: '2026-09-30', value: 96.4, confidence: 7 },
      { on: '2026-10-31', value: 96.2, comment: 'Measured on the new definition (promised window) from October.', confidence: 6 },
    ],
  },
  {
    goal: 'ontime', title: 'Failed first delivery attempts', unit: '%', direction: 'decrease', baseline: 6.5, target: 3, weight: 1, owner: 'liaison',
    checkins: [
      { on: '2026-03-31', value: 6.1 }, { on: '2026-06-30', value: 5.2, comment: 'Delivery-window notifications in the tracking pilot.' },
      { on: '2026-09-30', value: 4.6 }, { on: '2026-10-31', value: 4.4, confidence: 6 },
    ],
  },
  {
    goal: 'cost', title: 'Cost per delivery', unit: '€', direction: 'decrease', baseline: 4.8, target: 4.22, weight: 1, owner: 'cfo',
    checkins: [
      { on: '2026-03-31', value: 4.74 }, { on: '2026-06-30', value: 4.63, comment: 'About 4% less diesel per tour in the pilot region.' },
      { on: '2026-09-30', value: 4.55 }, { on: '2026-10-31', value: 4.51, confidence: 5 },
    ],
  },
  {
    goal: 'ecom', title: 'E-commerce shipper revenue (annualised)', unit: '€m', direction: 'increase', baseline: 18, target: 22.5, weight: 2, owner: 'sales',
    checkins: [
      { on: '2026-03-31', value: 18.6 }, { on: '2026-06-30', value: 19.2 }, { on: '2026-09-30', value: 19.9 }, { on: '2026-10-31', value: 20.1, confidence: 5 },
    ],
  },
  {
    goal: 'ecom', title: 'Web shops onboarded without a sales call', unit: 'shops', direction: 'increase', baseline: 0, target: 400, weight: 1, owner: 'sales',
    checkins: [{ on: '2026-09-30', value: 95, comment: 'Onboarding beta with the tracking pilot shops.' }, { on: '2026-10-31', value: 140 }],
  },
  {
    goal: 'nps', title: 'Customer NPS', unit: 'points', direction: 'increase', baseline: 21, target: 40, weight: 1, owner: 'sales',
    checkins: [{ on: '2026-03-31', value: 22 }, { on: '2026-06-30', value: 24 }, { on: '2026-09-30', value: 27, comment: 'Top detractor reason: no idea when the parcel comes.', confidence: 6 }],
  },
  {
    goal: 'emissions', title: 'Fleet CO₂ per parcel', unit: 'g', direction: 'decrease', baseline: 182, target: 127, weight: 2, owner: 'coo',
    checkins: [{ on: '2026-03-31', value: 179 }, { on: '2026-06-30', value: 173 }, { on: '2026-09-30', value: 168, confidence: 4 }],
  },
  {
    goal: 'emissions', title: 'Electric vans in service', unit: 'vans', direction: 'increase', baseline: 12, target: 150, weight: 1, owner: 'coo',
    checkins: [{ on: '2026-06-30', value: 30 }, { on: '2026-09-30', value: 38, comment: 'Further orders wait for the charging vendor decision.' }],
  },
  {
    goal: 'retention', title: 'Driver turnover, rolling 12 months', unit: '%', direction: 'decrease', baseline: 19, target: 15, weight: 1, owner: 'hr',
    checkins: [{ on: '2026-03-31', value: 18.4 }, { on: '2026-06-30', value: 17.5 }, { on: '2026-09-30', value: 16.8, comment: 'Shift swaps in the Driver app beta help.' }],
  },
  {
    goal: 'resilience', title: 'Hub system outages longer than 1 hour', unit: 'outages', direction: 'decrease', baseline: 0, target: 0, weight: 2, owner: 'owner',
    checkins: [{ on: '2026-06-30', value: 0 }, { on: '2026-09-30', value: 1, comment: 'Sorter controller in Hamburg, 1 h 25 min.', confidence: 5 }],
  },
  {
    goal: 'resilience', title: 'Sorter availability in service hours', unit: '%', direction: 'increase', baseline: 99.2, target: 99.9, weight: 1, owner: 'architect',
    checkins: [{ on: '2026-06-30', value: 99.5 }, { on: '2026-09-30', value: 99.6 }],
  },
  {
    goal: 'close', title: 'Working days to close the books', unit: 'days', direction: 'decrease', baseline: 9, target: 5, weight: 1, owner: 'cfo',
    checkins: [{ on: '2026-03-31', value: 7 }, { on: '2026-06-30', value: 5, comment: 'Reconciliation is automatic now.', confidence: 10 }],
  },
];

export const teams: { key: string; name: string; description: string; lead: PersonKey; unit: UnitKey | null }[] = [
  { key: 'platform', name: 'Platform & Infrastructure', description: 'Data centres, networks, hub systems and their continuity.', lead: 'owner', unit: 'it' },
  { key: 'logistics', name: 'Logistics Applications', description: 'Routing, WMS and fleet systems.', lead: 'architect', unit: 'it' },
  { key: 'digital', name: 'Digital Customer Experience', description: 'Tracking, onboarding, claims and the driver app.', lead: 'liaison', unit: 'sales' },
  { key: 'data', name: 'Data & Integration', description: 'Shipment data, APIs and finance integrations.', lead: 'architect', unit: 'it' },
];

/** Kind, team and risk of each initiative of acme.ts. */
export const initiativeDetails: Record<string, { kind: 'project' | 'programme' | 'epic'; team: string; risk: 'low' | 'medium' | 'high' | 'critical' }> = {
  routing: { kind: 'project', team: 'logistics', risk: 'high' },
  tracking: { kind: 'project', team: 'digital', risk: 'medium' },
  wms: { kind: 'programme', team: 'logistics', risk: 'critical' },
  onboarding: { kind: 'project', team: 'digital', risk: 'medium' },
  ev: { kind: 'project', team: 'logistics', risk: 'medium' },
  billing: { kind: 'project', team: 'data', risk: 'low' },
  driverapp: { kind: 'project', team: 'digital', risk: 'medium' },
  dr: { kind: 'project', team: 'platform', risk: 'high' },
  claims: { kind: 'epic', team: 'digital', risk: 'low' },
  intranet: { kind: 'project', team: 'platform', risk: 'low' },
  mdm: { kind: 'programme', team: 'data', risk: 'high' },
  printers: { kind: 'project', team: 'platform', risk: 'low' },
};

export const milestones: { initiative: string; title: string; due: string; done?: string }[] = [
  { initiative: 'routing', title: 'Pilot region live', due: '2026-04-30', done: '2026-04-28' },
  { initiative: 'routing', title: 'All regions on optimised tours', due: '2026-10-15' },
  { initiative: 'tracking', title: 'Pilot with three web shops', due: '2026-06-15', done: '2026-06-19' },
  { initiative: 'tracking', title: 'General availability', due: '2026-09-15', done: '2026-09-22' },
  { initiative: 'wms', title: 'Data migration dry run', due: '2026-10-17', done: '2026-10-18' },
  { initiative: 'wms', title: 'Rotterdam cut-over', due: '2026-10-31', done: '2026-11-01' },
  { initiative: 'wms', title: 'Hamburg and Duisburg live', due: '2027-02-27' },
  { initiative: 'driverapp', title: 'Beta with 60 drivers in Duisburg', due: '2026-04-01', done: '2026-04-07' },
  { initiative: 'driverapp', title: 'All drivers on the new app', due: '2026-08-31' },
  { initiative: 'dr', title: 'Second-site contract signed', due: '2026-05-15', done: '2026-05-12' },
  { initiative: 'dr', title: 'First fail-over test', due: '2026-09-30', done: '2026-10-06' },
  { initiative: 'dr', title: 'Recovery runbook approved', due: '2026-11-30' },
  { initiative: 'onboarding', title: 'Rates API for web shops', due: '2026-09-30', done: '2026-10-02' },
  { initiative: 'onboarding', title: 'Public launch', due: '2026-12-15' },
  { initiative: 'mdm', title: 'Shipment data model agreed', due: '2026-12-18' },
];

/** "initiative depends on dependsOn" (finish to start; the dates in acme.ts respect them). */
export const dependencies: { initiative: string; dependsOn: string; note: string }[] = [
  { initiative: 'wms', dependsOn: 'printers', note: 'The new WMS needs the new label printer firmware at every hub.' },
  { initiative: 'mdm', dependsOn: 'tracking', note: 'The hub starts from the tracking portal’s shipment events.' },
  { initiative: 'claims', dependsOn: 'driverapp', note: 'Claims take damage photos from the driver app.' },
];

type CapabilitySeed = { key: string; name: string; description?: string; current?: number; target?: number; goals?: string[]; initiatives?: string[] };
/** The capability map: level-1 capabilities with their level-2 children. */
export const capabilities: (CapabilitySeed & { children: CapabilitySeed[] })[] = [
  {
    key: 'customer', name: 'Customer management', description: 'Winning, serving and keeping shippers.',
    children: [
      { key: 'cust-onboarding', name: 'Customer onboarding', current: 2, target: 4, goals: ['ecom'], initiatives: ['onboarding'] },
      { key: 'cust-tracking', name: 'Shipment tracking & notification', current: 2, target: 5, goals: ['nps'], initiatives: ['tracking'] },
      { key: 'cust-claims', name: 'Claims management', current: 1, target: 3, goals: ['nps'], initiatives: ['claims'] },
      { key: 'cust-pricing', name: 'Pricing & quoting', current: 3, target: 4 },
    ],
  },
  {
    key: 'transport', name: 'Transport & delivery', description: 'Planning and running tours, and proving delivery.',
    children: [
      { key: 'tr-routing', name: 'Route planning & optimisation', current: 2, target: 5, goals: ['ontime', 'cost'], initiatives: ['routing'] },
      { key: 'tr-fleet', name: 'Fleet management & telematics', current: 2, target: 4, goals: ['emissions'], initiatives: ['ev'] },
      { key: 'tr-pod', name: 'Proof of delivery', current: 3, target: 4, initiatives: ['driverapp'] },
    ],
  },
  {
    key: 'warehouse', name: 'Warehouse operations', description: 'Hubs, sorting and cross-docking.',
    children: [
      { key: 'wh-wms', name: 'Warehouse management', current: 3, target: 4, goals: ['ontime'], initiatives: ['wms'] },
      { key: 'wh-sorting', name: 'Sorting & cross-docking', current: 3, target: 4, goals: ['resilience'] },
      { key: 'wh-labels', name: 'Labelling & printing', current: 3, target: 3, initiatives: ['printers'] },
    ],
  },
  {
    key: 'finance', name: 'Finance', description: 'Billing, costs and reporting.',
    children: [
      { key: 'fin-billing', name: 'Billing & invoicing', current: 4, target: 4 },
      { key: 'fin-reconciliation', name: 'Carrier cost reconciliation', current: 4, target: 4, goals: ['close'], initiatives: ['billing'] },
      { key: 'fin-reporting', name: 'Financial reporting', current: 3, target: 4 },
    ],
  },
  {
    key: 'people', name: 'People', description: 'Scheduling and developing drivers and staff.',
    children: [
      { key: 'ppl-scheduling', name: 'Workforce scheduling', current: 2, target: 4, goals: ['retention'], initiatives: ['driverapp'] },
      { key: 'ppl-training', name: 'Training & certification', current: 2, target: 3 },
    ],
  },
  {
    key: 'technology', name: 'Data & technology', description: 'The shared data and platforms under everything else.',
    children: [
      { key: 'tech-mdm', name: 'Shipment master data', current: 1, target: 4, goals: ['data'], initiatives: ['mdm'] },
      { key: 'tech-integration', name: 'Integration & APIs', current: 2, target: 4, initiatives: ['mdm', 'tracking'] },
      { key: 'tech-continuity', name: 'IT service continuity', current: 2, target: 4, goals: ['resilience'], initiatives: ['dr'] },
    ],
  },
];

/** Custom fields on initiatives, with the demo's values by initiative key. */
export const initiativeFields: { label: string; type: 'single_choice' | 'text'; options?: string[]; values: Record<string, string> }[] = [
  {
    label: 'Funding', type: 'single_choice', options: ['Run budget', 'Change budget', 'Innovation fund'],
    values: { routing: 'Change budget', tracking: 'Change budget', wms: 'Change budget', onboarding: 'Innovation fund', ev: 'Innovation fund', billing: 'Run budget', driverapp: 'Change budget', dr: 'Run budget', claims: 'Change budget', intranet: 'Run budget', mdm: 'Change budget', printers: 'Run budget' },
  },
  {
    label: 'Main vendor', type: 'text',
    values: { routing: 'RouteWise', wms: 'Manhattan Associates', tracking: 'In-house', driverapp: 'In-house', dr: 'Equinix' },
  },
];
