// Words that place a role or unit in a line of work, so "Service desk" finds the lane "Front office" and "Billing
// team" the lane "Finance" though they share no word. A phrase counts when all its words stand together in a name.

export const ROLE_FAMILIES: readonly (readonly string[])[] = [
  ['front office', 'front desk', 'reception', 'receptionist', 'service desk', 'help desk', 'helpdesk', 'customer service', 'customer support', 'support', 'call centre', 'call center', 'contact centre', 'contact center', 'counter', 'frontline', 'agent', 'concierge', 'first line'],
  ['back office', 'admin', 'administration', 'administrative', 'clerk', 'secretary', 'secretariat', 'registry', 'records', 'office manager'],
  ['finance', 'financial', 'accounting', 'accountant', 'accounts', 'billing', 'invoicing', 'payable', 'receivable', 'treasury', 'treasurer', 'controller', 'controlling', 'bookkeeper', 'bookkeeping', 'payroll', 'cashier', 'cfo', 'collections', 'credit control'],
  ['hr', 'human resources', 'people', 'personnel', 'recruiter', 'recruiting', 'recruitment', 'talent', 'hiring'],
  ['it', 'ict', 'information technology', 'technology', 'tech', 'technician', 'technical', 'engineer', 'engineering', 'developer', 'development', 'devops', 'sysadmin', 'system administrator', 'infrastructure', 'network', 'security'],
  ['sales', 'salesperson', 'seller', 'sales rep', 'account manager', 'account executive', 'business development', 'commercial'],
  ['purchasing', 'procurement', 'purchaser', 'buyer', 'sourcing'],
  ['warehouse', 'logistics', 'shipping', 'dispatch', 'picker', 'packer', 'storekeeper', 'stores', 'fulfilment', 'fulfillment', 'inventory', 'goods receipt', 'driver', 'courier', 'transport'],
  ['legal', 'lawyer', 'counsel', 'attorney', 'solicitor', 'paralegal', 'compliance'],
  ['management', 'manager', 'director', 'head', 'supervisor', 'executive', 'board', 'ceo', 'lead', 'leadership', 'chief'],
  ['quality', 'qa', 'quality assurance', 'inspector', 'inspection', 'tester', 'testing', 'auditor', 'audit'],
  ['production', 'manufacturing', 'operator', 'assembly', 'plant', 'factory', 'workshop', 'foreman', 'machinist', 'maintenance'],
  ['marketing', 'communications', 'campaign'],
  ['customer', 'client', 'consumer', 'applicant', 'requester', 'requestor', 'citizen', 'patient', 'guest'],
  ['clinical', 'medical', 'doctor', 'physician', 'gp', 'nurse', 'nursing', 'clinician', 'surgeon', 'ward'],
];

/** Words that say a name is a unit, not which one: sharing only these says nothing. */
export const UNIT_WORDS = new Set(['team', 'department', 'dept', 'division', 'unit', 'group', 'function', 'section', 'office', 'staff', 'centre', 'center', 'desk']);

/** Roles found in many lines of work: they place a name only when nothing else in it does. */
export const GENERIC_ROLES = new Set(['clerk', 'secretary', 'agent', 'manager', 'director', 'head', 'supervisor', 'executive', 'lead', 'chief', 'engineer', 'technician', 'operator']);
