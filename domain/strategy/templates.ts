import { z } from 'zod';
import { GoalStatus } from './schemas';

/**
 * Built-in goal templates a workspace can start its goals from. Importing creates the goals
 * (a template's goal is imported once per workspace, remembered by its templateKey); they are
 * ordinary goals afterwards, editable like any other.
 */

export interface TemplateGoal {
  /** The template's own code, e.g. "EG01". */
  code: string;
  /** Stored on the imported goal: "cobit2019:EG01". */
  templateKey: string;
  title: string;
  description: string;
  /** The code of the goal this one sits under, null at the top. */
  parentCode: string | null;
}

export interface GoalTemplate {
  id: string;
  name: string;
  description: string;
  /** Parents before their children. */
  goals: TemplateGoal[];
}

const ENTERPRISE_GOALS: [code: string, name: string, description: string][] = [
  ['EG01', 'Portfolio of competitive products and services',
    'The organisation offers products and services that customers value and choose over the alternatives, and renews that portfolio as markets move. Track market share, customer acquisition and the share of revenue from recent offerings.'],
  ['EG02', 'Managed business risk',
    'Business risks are known, assessed against an agreed appetite and kept within it, so no critical risk goes unmanaged. Track the share of critical business objectives covered by a risk assessment and the number of risk events that surprised management.'],
  ['EG03', 'Compliance with external laws and regulations',
    'The organisation meets the laws, regulations and contracts that apply to it, and can show that it does. Track regulatory findings, fines and the cost of non-compliance.'],
  ['EG04', 'Quality of financial information',
    'Financial information is complete, accurate, timely and trusted by those who decide with it. Track satisfaction of key stakeholders with financial reporting and the cost of errors in it.'],
  ['EG05', 'Customer-oriented service culture',
    'People across the organisation put the customer first and resolve what customers need quickly and well. Track customer satisfaction, complaint volumes and service disruptions felt by customers.'],
  ['EG06', 'Business-service continuity and availability',
    'Business services keep running, or come back within agreed times, whatever the incident or disaster. Track customer-facing service interruptions and the business cost of incidents.'],
  ['EG07', 'Quality of management information',
    'Managers get the information they need to steer the business: relevant, reliable and on time. Track how satisfied decision makers are with the information and the share of decisions taken on incomplete or late information.'],
  ['EG08', 'Optimization of internal business process functionality',
    'Internal business processes do what they should, effectively and with the right support, and improve over time. Track satisfaction of process owners and the results of process maturity assessments.'],
  ['EG09', 'Optimization of business process costs',
    'Business processes deliver their results at a cost that compares well with peers and keeps falling where it can. Track the cost of key processes against benchmarks and the savings realised.'],
  ['EG10', 'Staff skills, motivation and productivity',
    'People have the skills the work needs, are motivated and work productively. Track staff productivity against benchmarks, skills coverage and staff satisfaction.'],
  ['EG11', 'Compliance with internal policies',
    'The organisation follows the policies and procedures it has set itself. Track policy exceptions and the findings of internal compliance reviews.'],
  ['EG12', 'Managed digital transformation programs',
    'Digital transformation programmes deliver their intended outcomes on time and within budget, and are steered as a portfolio. Track programmes on time and on budget, and stakeholder satisfaction with them.'],
  ['EG13', 'Product and business innovation',
    'The organisation turns ideas into new products, services and ways of working, and is known for it. Track the number of ideas taken to market and the revenue share of innovations.'],
];

/** Each alignment goal with the enterprise goal it chiefly serves (its parent in Tandem's goal tree). */
const ALIGNMENT_GOALS: [code: string, name: string, parent: string, description: string][] = [
  ['AG01', 'I&T compliance and support for business compliance with external laws and regulations', 'EG03',
    'IT complies with the external laws and regulations that apply to it, and helps the business comply with those that apply to the business. Track IT-related regulatory findings and the cost of IT non-compliance.'],
  ['AG02', 'Managed I&T-related risk', 'EG02',
    'IT-related risks are identified, assessed and kept within the risk appetite, with a current IT risk profile. Track IT risk events that were not foreseen and how often the IT risk profile is reviewed.'],
  ['AG03', 'Realized benefits from I&T-enabled investments and services portfolio', 'EG01',
    'IT-enabled investments and services deliver the benefits promised in their business cases. Track the share of investments whose expected benefits were realised and stakeholder satisfaction with the portfolio.'],
  ['AG04', 'Quality of technology-related financial information', 'EG04',
    'The costs, budgets and value of technology are known, transparent and reliable. Track satisfaction with the transparency of IT cost and the accuracy of IT budget forecasts.'],
  ['AG05', 'Delivery of I&T services in line with business requirements', 'EG05',
    'IT services are delivered as the business needs them: to agreed levels, with the right capacity and support. Track service levels met and user satisfaction with IT services.'],
  ['AG06', 'Agility to turn business requirements into operational solutions', 'EG13',
    'IT turns new business needs into working solutions quickly. Track the lead time from business request to operational solution and business satisfaction with that time to market.'],
  ['AG07', 'Security of information, processing infrastructure and applications, and privacy', 'EG06',
    'Information, infrastructure and applications are protected, and personal data is handled as privacy requires. Track security incidents causing financial loss, disruption or embarrassment, and privacy breaches.'],
  ['AG08', 'Enabling and supporting business processes by integrating applications and technology', 'EG08',
    'Applications and technology are integrated so that they support the business processes end to end. Track the number of business processes changed without waiting for IT and the satisfaction of process owners with IT support.'],
  ['AG09', 'Delivering programs on time, on budget and meeting requirements and quality standards', 'EG12',
    'IT-enabled programmes and projects deliver what was agreed, when it was agreed and for what it was agreed. Track programmes on time and on budget, and how many meet their quality standards.'],
  ['AG10', 'Quality of I&T management information', 'EG07',
    'The information that IT management and the business use to steer IT is reliable, relevant and timely. Track satisfaction with IT management reporting and the errors found in it.'],
  ['AG11', 'I&T compliance with internal policies', 'EG11',
    'IT follows the organisation\'s internal policies and its own. Track IT policy exceptions and the findings of IT compliance reviews.'],
  ['AG12', 'Competent and motivated staff with mutual understanding of technology and business', 'EG10',
    'IT and business people understand each other\'s work: IT staff know the business, business staff know what technology can do, and both are skilled and motivated. Track skills coverage, staff satisfaction and turnover in key roles.'],
  ['AG13', 'Knowledge, expertise and initiatives for business innovation', 'EG13',
    'IT brings knowledge of emerging technology and the initiative to apply it to the business. Track business innovations built on new technology and executive satisfaction with IT\'s contribution to innovation.'],
];

const COBIT_PREFIX = 'cobit2019';

export const COBIT_2019: GoalTemplate = {
  id: 'cobit2019',
  name: 'COBIT 2019 goals cascade',
  description:
    'The 13 enterprise goals (EG01–EG13) and the 13 alignment goals (AG01–AG13) of the COBIT 2019 goals cascade, as two levels of your goal tree. '
    + 'A goal has one parent in Tandem, so each alignment goal sits under the enterprise goal it chiefly serves; COBIT\'s mapping table also has '
    + 'secondary relationships between the two levels, which you can add as you see fit. The goals are ordinary goals after the import: rename, '
    + 'describe, re-parent, weight or archive them as your organisation needs. Importing again adds only the goals that are missing.',
  goals: [
    ...ENTERPRISE_GOALS.map(([code, name, description]): TemplateGoal => ({
      code, templateKey: `${COBIT_PREFIX}:${code}`, title: `${code} ${name}`, description, parentCode: null,
    })),
    ...ALIGNMENT_GOALS.map(([code, name, parent, description]): TemplateGoal => ({
      code, templateKey: `${COBIT_PREFIX}:${code}`, title: `${code} ${name}`, description, parentCode: parent,
    })),
  ],
};

export const GOAL_TEMPLATES: readonly GoalTemplate[] = [COBIT_2019];

export function goalTemplate(id: string): GoalTemplate | undefined {
  return GOAL_TEMPLATES.find((t) => t.id === id);
}

// --- The API contract ---

export const TemplateGoalSchema = z.object({
  code: z.string(),
  templateKey: z.string(),
  title: z.string(),
  description: z.string(),
  parentCode: z.string().nullable(),
});
export const GoalTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  goals: z.array(TemplateGoalSchema),
});
export type TGoalTemplate = z.infer<typeof GoalTemplateSchema>;

/** The body of an import: the status the new goals get (draft unless said otherwise). */
export const ImportGoalTemplate = z.object({ status: GoalStatus.default('draft') });
export type TImportGoalTemplate = z.infer<typeof ImportGoalTemplate>;

export const GoalTemplateImportResult = z.object({
  templateId: z.string(),
  created: z.number().int(),
  skipped: z.number().int(),
  /** Every goal of the template with the workspace goal that has its key. */
  goals: z.array(z.object({ templateKey: z.string(), goalId: z.uuid(), created: z.boolean() })),
});
export type TGoalTemplateImportResult = z.infer<typeof GoalTemplateImportResult>;
