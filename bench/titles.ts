// Realistic names for the generated workspace (a logistics company), drawn from a seeded PRNG.
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pct = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const UNITS = [
  'Sales', 'Marketing', 'Operations', 'Finance', 'Human Resources', 'Customer Service', 'Warehousing', 'Road Freight',
  'Air Freight', 'Ocean Freight', 'Procurement', 'Legal', 'Fleet Management', 'Contract Logistics', 'E-commerce',
  'Customs Brokerage', 'Health and Safety', 'Corporate Strategy', 'Sustainability', 'Last Mile',
];
const REGIONS = ['the Nordics', 'Benelux', 'DACH', 'Iberia', 'the UK', 'France', 'Poland', 'the Baltics', 'Italy', 'North America'];
const SYSTEMS = [
  'CRM', 'ERP', 'warehouse management system', 'route planning', 'customer portal', 'data warehouse', 'HR information system',
  'e-invoicing', 'identity and access management', 'service desk', 'fleet telematics', 'mobile scanning app', 'EDI gateway',
  'BI dashboards', 'payroll', 'document management', 'campus network', 'endpoint management', 'backup platform', 'API gateway',
];
const GOALS: ((r: Rand) => string)[] = [
  (r) => `Grow revenue in ${pick(r, REGIONS)} by ${pct(r, 3, 25)}%`,
  (r) => `Reduce cost per shipment in ${pick(r, REGIONS)} by ${pct(r, 2, 15)}%`,
  (r) => `Raise on-time delivery to ${pct(r, 90, 99)}%`,
  (r) => `Cut order-to-delivery time by ${pct(r, 5, 40)}%`,
  (r) => `Lift customer NPS to ${pct(r, 20, 60)}`,
  (r) => `Reach ${pct(r, 30, 90)}% digital self-service for bookings`,
  (r) => `Lower employee attrition to ${pct(r, 5, 15)}%`,
  (r) => `Cut CO₂ per tonne-km by ${pct(r, 5, 30)}%`,
  (r) => `Expand warehouse capacity in ${pick(r, REGIONS)}`,
  (r) => `Achieve ISO 27001 certification in ${pick(r, REGIONS)}`,
  (r) => `Win ${pct(r, 3, 20)} new key accounts in ${pick(r, REGIONS)}`,
  (r) => `Reduce claims and damages by ${pct(r, 10, 50)}%`,
];
const INITIATIVES: ((r: Rand) => string)[] = [
  (r) => `Migrate ${pick(r, SYSTEMS)} to the cloud`,
  (r) => `Replace the ${pick(r, SYSTEMS)}`,
  (r) => `Upgrade ${pick(r, SYSTEMS)} to the current release`,
  (r) => `Roll out ${pick(r, SYSTEMS)} in ${pick(r, REGIONS)}`,
  (r) => {
    const a = pick(r, SYSTEMS);
    return `Integrate ${a} with ${pick(r, SYSTEMS.filter((s) => s !== a))}`;
  },
  (r) => `Automate reporting from the ${pick(r, SYSTEMS)}`,
  (r) => `Consolidate ${pick(r, SYSTEMS)} instances`,
  (r) => `Decommission the legacy ${pick(r, SYSTEMS)}`,
  (r) => `Pilot ${pick(r, SYSTEMS)} analytics in ${pick(r, REGIONS)}`,
  (r) => `Harden security of the ${pick(r, SYSTEMS)}`,
];
const RATIONALES = [
  'Removes manual rework that delays shipments.',
  'Gives the unit the data it needs to steer the goal.',
  'Prerequisite for the regional roll-out.',
  'Lowers run cost, freeing budget for growth.',
  'Customers asked for it in the last survey.',
  'Closes an audit finding.',
];

export const titles = {
  /** Unit names are unique per workspace: after the list, numbered copies. */
  unit: (i: number) => (i < UNITS.length ? UNITS[i]! : `${UNITS[i % UNITS.length]!} ${Math.floor(i / UNITS.length) + 1}`),
  goal: (r: Rand) => `${pick(r, GOALS)(r)} by FY${pct(r, 2025, 2028)}`,
  goalDescription: (r: Rand) => `Agreed in the ${pick(r, ['spring', 'autumn'])} planning round; measured quarterly by the unit head.`,
  initiative: (r: Rand) => `${pick(r, INITIATIVES)(r)}${r() < 0.3 ? ` (phase ${pct(r, 1, 4)})` : ''}`,
  initiativeDescription: (r: Rand) => `Delivered by the ${pick(r, ['platform', 'applications', 'data', 'infrastructure', 'security'])} team with the unit's key users.`,
  rationale: (r: Rand) => pick(r, RATIONALES),
};
