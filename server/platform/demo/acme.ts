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
  { key: 'printers', title: 'Label printer replacement', description: 'Replace end-of-life label printers at all hubs.', unit: 'ops', owner: 'coo', status: 'in_progress', start: '2026-03-01', end: '2026-06-30', capex: 85000, opex: 5000, effort: 60 },
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
