/** The demo workspace's content: a mid-sized logistics company and its IT department. */

export const people = [
  { key: 'coo', name: 'Maria Jensen', email: 'maria.jensen@acme-logistics.example', role: 'admin' },
  { key: 'cfo', name: 'Tom Okafor', email: 'tom.okafor@acme-logistics.example', role: 'member' },
  { key: 'sales', name: 'Priya Raman', email: 'priya.raman@acme-logistics.example', role: 'member' },
  { key: 'liaison', name: 'Lukas Weber', email: 'lukas.weber@acme-logistics.example', role: 'member' },
  { key: 'architect', name: 'Aiko Tanaka', email: 'aiko.tanaka@acme-logistics.example', role: 'member' },
  { key: 'hr', name: 'Sofia Rossi', email: 'sofia.rossi@acme-logistics.example', role: 'viewer' },
] as const;
export type PersonKey = (typeof people)[number]['key'] | 'owner';

export const units = [
  { key: 'ops', name: 'Operations', description: 'Hubs, cross-docking and last-mile delivery.', head: 'coo', liaison: 'liaison', sponsor: 'coo' },
  { key: 'sales', name: 'Sales & Customer Service', description: 'Key accounts, e-commerce shippers and the contact centre.', head: 'sales', liaison: 'liaison', sponsor: 'sales' },
  { key: 'finance', name: 'Finance', description: 'Controlling, billing and procurement.', head: 'cfo', liaison: 'architect', sponsor: 'cfo' },
  { key: 'fleet', name: 'Fleet & Transport', description: '420 trucks and vans, routing and maintenance.', head: 'coo', liaison: 'architect', sponsor: 'coo' },
  { key: 'hr', name: 'People & Culture', description: 'Hiring, training and driver retention.', head: 'hr', liaison: null, sponsor: 'cfo' },
  { key: 'it', name: 'IT', description: 'Infrastructure, applications and the service desk.', head: 'owner', liaison: null, sponsor: 'owner' },
] as const;
export type UnitKey = (typeof units)[number]['key'];

type GoalSeed = {
  key: string; title: string; description: string; unit: UnitKey | null; owner: PersonKey; weight: number;
  status: 'draft' | 'active' | 'achieved' | 'missed'; start: string; end: string;
};
export const goals: GoalSeed[] = [
  { key: 'ontime', title: 'Deliver 98% of parcels on time', description: 'On-time delivery rate across all hubs, measured weekly.', unit: 'ops', owner: 'coo', weight: 90, status: 'active', start: '2026-01-01', end: '2026-12-31' },
  { key: 'cost', title: 'Reduce cost per delivery by 12%', description: 'Fuel, routing and handling costs per parcel against the 2025 baseline.', unit: 'finance', owner: 'cfo', weight: 80, status: 'active', start: '2026-01-01', end: '2027-06-30' },
  { key: 'ecom', title: 'Grow e-commerce shipper revenue by 25%', description: 'Win mid-sized web shops with self-service onboarding and tracking.', unit: 'sales', owner: 'sales', weight: 75, status: 'active', start: '2026-01-01', end: '2026-12-31' },
  { key: 'nps', title: 'Raise customer NPS from 21 to 40', description: 'Proactive delivery notifications and faster claims handling.', unit: 'sales', owner: 'sales', weight: 60, status: 'active', start: '2026-04-01', end: '2027-03-31' },
  { key: 'emissions', title: 'Cut fleet CO₂ emissions by 30% by 2028', description: 'Electric vans in urban areas and smarter routes.', unit: 'fleet', owner: 'coo', weight: 70, status: 'active', start: '2026-01-01', end: '2028-12-31' },
  { key: 'retention', title: 'Keep driver turnover below 15%', description: 'Better schedules, a driver app that helps, and training.', unit: 'hr', owner: 'hr', weight: 45, status: 'active', start: '2026-01-01', end: '2026-12-31' },
  { key: 'close', title: 'Close the books in 5 working days', description: 'Automated billing reconciliation and fewer manual journals.', unit: 'finance', owner: 'cfo', weight: 35, status: 'achieved', start: '2025-07-01', end: '2026-06-30' },
  { key: 'resilience', title: 'No outage of hub systems longer than 1 hour', description: 'Warehouse and sorting systems stay up during peak season.', unit: 'it', owner: 'owner', weight: 65, status: 'active', start: '2026-01-01', end: '2026-12-31' },
  { key: 'data', title: 'One trusted view of every shipment', description: 'A single shipment record shared by operations, sales and finance.', unit: 'it', owner: 'architect', weight: 55, status: 'draft', start: '2026-07-01', end: '2027-12-31' },
];

type InitiativeSeed = {
  key: string; title: string; description: string; unit: UnitKey | null; owner: PersonKey;
  status: 'proposed' | 'planned' | 'in_progress' | 'on_hold' | 'done' | 'cancelled';
  start: string; end: string; capex: number; opex: number; effort: number;
};
export const initiatives: InitiativeSeed[] = [
  { key: 'routing', title: 'Dynamic route optimisation', description: 'Replace static routes with daily optimised tours using live traffic.', unit: 'fleet', owner: 'architect', status: 'in_progress', start: '2026-02-01', end: '2026-10-31', capex: 380000, opex: 60000, effort: 620 },
  { key: 'tracking', title: 'Real-time parcel tracking portal', description: 'Customer-facing tracking with delivery windows and notifications.', unit: 'sales', owner: 'liaison', status: 'in_progress', start: '2026-03-01', end: '2026-09-30', capex: 210000, opex: 45000, effort: 480 },
  { key: 'wms', title: 'Warehouse management system upgrade', description: 'Move the three main hubs to the current WMS release with high availability.', unit: 'ops', owner: 'owner', status: 'planned', start: '2026-06-01', end: '2027-03-31', capex: 640000, opex: 90000, effort: 1100 },
  { key: 'onboarding', title: 'Self-service shipper onboarding', description: 'Web shops sign up, get rates and print labels without a sales call.', unit: 'sales', owner: 'sales', status: 'planned', start: '2026-07-01', end: '2026-12-15', capex: 150000, opex: 25000, effort: 300 },
  { key: 'ev', title: 'Telematics for the electric van fleet', description: 'Charging, range and battery data in the fleet system.', unit: 'fleet', owner: 'architect', status: 'on_hold', start: '2026-05-01', end: '2027-01-31', capex: 260000, opex: 40000, effort: 350 },
  { key: 'billing', title: 'Automated billing reconciliation', description: 'Match carrier invoices and customer billing automatically.', unit: 'finance', owner: 'cfo', status: 'done', start: '2025-09-01', end: '2026-04-30', capex: 120000, opex: 20000, effort: 260 },
  { key: 'driverapp', title: 'Driver app 2.0', description: 'Offline-first app with proof of delivery, breaks and shift swaps.', unit: 'hr', owner: 'liaison', status: 'in_progress', start: '2026-01-15', end: '2026-08-31', capex: 175000, opex: 30000, effort: 410 },
  { key: 'dr', title: 'Disaster recovery for hub systems', description: 'Second site and tested fail-over for sorting and WMS.', unit: 'it', owner: 'owner', status: 'planned', start: '2026-04-01', end: '2026-11-30', capex: 300000, opex: 55000, effort: 380 },
  { key: 'claims', title: 'Claims handling workflow', description: 'Digital damage claims with photos from the driver app.', unit: 'sales', owner: 'sales', status: 'proposed', start: '2026-09-01', end: '2027-02-28', capex: 90000, opex: 15000, effort: 180 },
  { key: 'intranet', title: 'Intranet redesign', description: 'A new look for the staff intranet.', unit: null, owner: 'hr', status: 'planned', start: '2026-05-01', end: '2026-09-30', capex: 60000, opex: 12000, effort: 120 },
  { key: 'mdm', title: 'Shipment master data hub', description: 'One shipment record with an API for all systems.', unit: 'it', owner: 'architect', status: 'proposed', start: '2026-10-01', end: '2027-09-30', capex: 420000, opex: 70000, effort: 900 },
  { key: 'printers', title: 'Label printer replacement', description: 'Replace end-of-life label printers at all hubs.', unit: 'ops', owner: 'coo', status: 'done', start: '2026-02-02', end: '2026-05-29', capex: 85000, opex: 5000, effort: 60 },
];

export const links: { goal: string; initiative: string; strength: 'weak' | 'medium' | 'strong'; rationale: string }[] = [
  { goal: 'ontime', initiative: 'routing', strength: 'strong', rationale: 'Optimised tours cut late deliveries.' },
  { goal: 'cost', initiative: 'routing', strength: 'strong', rationale: 'Fewer kilometres per parcel.' },
  { goal: 'emissions', initiative: 'routing', strength: 'medium', rationale: 'Less fuel burnt.' },
  { goal: 'nps', initiative: 'tracking', strength: 'strong', rationale: 'Customers know when the parcel comes.' },
  { goal: 'ecom', initiative: 'tracking', strength: 'medium', rationale: 'Web shops ask for tracking first.' },
  { goal: 'ontime', initiative: 'wms', strength: 'medium', rationale: 'Faster picking at the hubs.' },
  { goal: 'resilience', initiative: 'wms', strength: 'strong', rationale: 'High-availability release.' },
  { goal: 'ecom', initiative: 'onboarding', strength: 'strong', rationale: 'Shops sign up without a sales call.' },
  { goal: 'emissions', initiative: 'ev', strength: 'strong', rationale: 'Electric vans need telematics to scale.' },
  { goal: 'close', initiative: 'billing', strength: 'strong', rationale: 'Reconciliation was the slowest step.' },
  { goal: 'cost', initiative: 'billing', strength: 'weak', rationale: 'Fewer manual hours in finance.' },
  { goal: 'retention', initiative: 'driverapp', strength: 'strong', rationale: 'Drivers asked for shift swaps.' },
  { goal: 'ontime', initiative: 'driverapp', strength: 'medium', rationale: 'Proof of delivery without paper.' },
  { goal: 'resilience', initiative: 'dr', strength: 'strong', rationale: 'Fail-over keeps hubs running.' },
  { goal: 'nps', initiative: 'claims', strength: 'medium', rationale: 'Claims settled in days, not weeks.' },
  { goal: 'data', initiative: 'mdm', strength: 'strong', rationale: 'The shipment record itself.' },
  { goal: 'ontime', initiative: 'printers', strength: 'weak', rationale: 'Fewer label jams at peak.' },
];

// The collaboration area: who watches what, a week of comments and the action items they led to.
// `@{key}` in a comment is a mention of that person (the loader turns it into `@[Name](user:<id>)`).
// Times are relative to the moment the demo is loaded: hours before it, due dates in days after it.

/** Sofia Rossi is a viewer: she watches and is mentioned or assigned, but writes nothing. */
type Writer = Exclude<PersonKey, 'hr'>;
/** A goal or an initiative, by key. */
export type On = { goal: string } | { initiative: string };

/**
 * Goals and initiatives followed. The owner created every item of the demo and so watches all
 * of them; the loader leaves them watching only these (and whatever they comment on).
 */
export const watching: Record<PersonKey, { goals: string[]; initiatives: string[] }> = {
  owner: { goals: ['resilience', 'data'], initiatives: ['wms', 'dr', 'mdm'] },
  coo: { goals: ['ontime', 'emissions'], initiatives: ['wms', 'routing', 'printers'] },
  cfo: { goals: ['cost', 'close'], initiatives: ['routing', 'billing'] },
  sales: { goals: ['ecom', 'nps'], initiatives: ['tracking', 'onboarding', 'claims'] },
  liaison: { goals: [], initiatives: ['tracking', 'driverapp'] },
  architect: { goals: ['data'], initiatives: ['routing', 'ev', 'mdm'] },
  hr: { goals: ['retention'], initiatives: ['driverapp', 'intranet'] },
};

export const comments: { hoursAgo: number; by: Writer; on: On; body: string }[] = [
  // How the on-time goal is measured.
  { hoursAgo: 150, by: 'cfo', on: { goal: 'ontime' }, body: 'Before we report on this goal: how exactly do we measure *on time*? Sales counts against the **delivery window** promised to the customer, Operations against the **planned route stop**. Last month that gave 94.1% and 96.8% for the same parcels.' },
  { hoursAgo: 126, by: 'coo', on: { goal: 'ontime' }, body: 'Operations proposes:\n\n- on time = delivered inside the window the customer was shown\n- a failed first attempt counts as late\n- parcels the customer refuses are left out\n\n@{sales} does that match what customers see in tracking?' },
  { hoursAgo: 98, by: 'sales', on: { goal: 'ontime' }, body: 'Yes, that is the definition customers complain about, so let\'s use it. One caveat: B2B pallets have no delivery window yet. Report them separately until the tracking portal covers them.' },
  { hoursAgo: 24, by: 'owner', on: { goal: 'ontime' }, body: '@{architect} can the routing system give us the promised window per parcel for a weekly report? If not, that is a good first use case for the shipment master data hub.' },
  { hoursAgo: 20, by: 'architect', on: { goal: 'ontime' }, body: 'It has the window for everything since the new routing release; older parcels only have the route stop. I\'ll build the weekly report on the new definition and backfill what we can.' },

  // The WMS cut-over date.
  { hoursAgo: 146, by: 'coo', on: { initiative: 'wms' }, body: 'Before we fix the cut-over for the **Rotterdam hub**: once peak season starts, Operations cannot take a weekend with the WMS down. @{owner} can IT commit to the last weekend before peak?' },
  { hoursAgo: 122, by: 'architect', on: { initiative: 'wms' }, body: 'Technically yes, if the vendor delivers the high-availability cluster a month ahead. Risks I see:\n\n1. the data migration needs a full dry run on a weekend of its own\n2. Rotterdam\'s label printers must be on the new firmware first (see *Label printer replacement*)\n\n@{liaison} can you check with the hub manager whether that weekend is free?' },
  { hoursAgo: 96, by: 'liaison', on: { initiative: 'wms' }, body: 'Rotterdam is fine with it, on one condition: the old WMS stays available **read-only for a week** as a fallback. I added an action item to get the date confirmed in writing.' },
  { hoursAgo: 52, by: 'owner', on: { initiative: 'wms' }, body: 'Thanks, all. Proposal:\n\n- **dry run** two weekends before\n- **cut-over** the last weekend before peak\n- go/no-go for rollback by Saturday 18:00\n\n@{coo} please confirm for Operations. @{cfo} the vendor\'s weekend support is about €18k, which is not in the current opex line.' },
  { hoursAgo: 30, by: 'cfo', on: { initiative: 'wms' }, body: 'Fine from Finance if it comes out of the project contingency, not opex. Please show it in the next forecast.' },

  // Single remarks elsewhere.
  { hoursAgo: 100, by: 'liaison', on: { goal: 'retention' }, body: 'Exit interviews say the same as last quarter: **shift swaps** are the number one request. The Driver app 2.0 beta has them, and 60 drivers in Duisburg are testing it. @{hr} could People & Culture add a question about the app to the quarterly pulse survey?' },
  { hoursAgo: 80, by: 'sales', on: { goal: 'nps' }, body: 'The quarterly NPS survey is in: **27**, up from 21. The top detractor reason is still _"no idea when the parcel comes"_, which the tracking portal should fix. @{liaison} when does the first hub go live?' },
  { hoursAgo: 74, by: 'liaison', on: { initiative: 'tracking' }, body: 'The pilot with three web shops starts next sprint. Open points:\n\n1. SMS notifications need a new provider contract\n2. delivery windows for B2B pallets\n\n@{owner} we need the API gateway ready before the pilot. Can IT send us the requirements?' },
  { hoursAgo: 28, by: 'coo', on: { initiative: 'dr' }, body: 'After Tuesday\'s **40-minute sorter outage** in Hamburg the hub managers are nervous. @{owner} can we bring the fail-over test forward instead of waiting for the second site?' },
  { hoursAgo: 8, by: 'architect', on: { initiative: 'ev' }, body: 'Still on hold until we pick a charging vendor: their APIs differ too much to build against both. Meanwhile route optimisation already saves about 4% diesel per tour in the pilot region.' },
];

export const actionItems: {
  hoursAgo: number; by: Writer; on: On; title: string; description: string; owner: PersonKey;
  /** Days after the load date (negative: overdue). */
  dueInDays: number;
  status: 'open' | 'in_progress';
  /** Marked done this many hours before the load. */
  doneHoursAgo?: number;
}[] = [
  { hoursAgo: 120, by: 'coo', on: { goal: 'ontime' }, title: 'Agree the on-time definition with Sales and Finance', description: 'One definition for the weekly report: delivered inside the promised window, failed first attempts count as late.', owner: 'coo', dueInDays: -3, status: 'open', doneHoursAgo: 72 },
  { hoursAgo: 95, by: 'liaison', on: { initiative: 'wms' }, title: 'Confirm cut-over weekend with the Rotterdam hub', description: 'Written confirmation from the hub manager, including a week of read-only access to the old WMS.', owner: 'liaison', dueInDays: 3, status: 'in_progress' },
  { hoursAgo: 99, by: 'liaison', on: { goal: 'retention' }, title: 'Add a driver app question to the quarterly pulse survey', description: 'Ask drivers how useful shift swaps and offline proof of delivery are.', owner: 'hr', dueInDays: 6, status: 'open' },
  { hoursAgo: 73, by: 'liaison', on: { initiative: 'tracking' }, title: 'Send API gateway requirements for the tracking pilot', description: 'Rate limits, authentication and the endpoints the three pilot shops will call.', owner: 'owner', dueInDays: -2, status: 'open' },
  { hoursAgo: 70, by: 'liaison', on: { initiative: 'tracking' }, title: 'Renegotiate the SMS provider contract for delivery notifications', description: 'Current contract caps at 50,000 messages a month; the pilot alone needs about 80,000.', owner: 'sales', dueInDays: -5, status: 'open' },
  { hoursAgo: 51, by: 'owner', on: { initiative: 'wms' }, title: 'Approve vendor weekend support from the contingency budget', description: 'About €18k for on-site support during the dry run and the cut-over weekend.', owner: 'cfo', dueInDays: 5, status: 'open' },
  { hoursAgo: 50, by: 'owner', on: { initiative: 'wms' }, title: 'Review the data migration dry-run plan', description: 'Check the rollback steps and who decides go/no-go on the Saturday.', owner: 'owner', dueInDays: 1, status: 'in_progress' },
  { hoursAgo: 27, by: 'coo', on: { initiative: 'dr' }, title: 'Schedule a fail-over test for the sorting systems', description: 'A planned switch to the standby sorter controller at one hub, outside peak hours.', owner: 'owner', dueInDays: 10, status: 'open' },
  { hoursAgo: 23, by: 'owner', on: { goal: 'ontime' }, title: 'Build the weekly on-time report on the new definition', description: 'From the routing system\'s promised windows; backfill older weeks where the data allows.', owner: 'architect', dueInDays: 12, status: 'open' },
  { hoursAgo: 7, by: 'architect', on: { initiative: 'ev' }, title: 'Shortlist two charging vendors for the electric vans', description: 'Compare APIs, tariffs and depot installation times.', owner: 'coo', dueInDays: 21, status: 'open' },
];
