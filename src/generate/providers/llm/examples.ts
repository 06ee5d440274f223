// Worked examples shown to the model before the real description: each shows the modelling rules at work.
import type { ProcessModel } from '../../model.ts';

export interface WorkedExample {
  description: string;
  model: ProcessModel;
}

const PURCHASE: WorkedExample = {
  description: [
    'Purchase requests. When an employee submits a purchase request, the team lead reviews it; he checks the amount, the',
    'cost centre and the supplier. If the request is incomplete, it is returned to the employee for correction and',
    'resubmitted. If the team lead rejects it, the employee is informed and the process ends. Approved requests go to',
    'purchasing, which orders the goods. If the supplier has not confirmed the order within 3 days, purchasing calls the',
    'supplier and waits again.',
  ].join(' '),
  model: {
    name: 'Purchase requests',
    actors: [
      { id: 'employee', name: 'Employee' },
      { id: 'lead', name: 'Team lead' },
      { id: 'purchasing', name: 'Purchasing' },
    ],
    nodes: [
      { id: 'start', kind: 'start', label: 'Purchase request submitted', actor: 'employee', eventType: 'message' },
      { id: 'review', kind: 'task', label: 'Review purchase request', actor: 'lead', taskType: 'user' },
      { id: 'decision', kind: 'exclusive', label: 'Request decision?', actor: 'lead' },
      { id: 'correct', kind: 'task', label: 'Correct purchase request', actor: 'employee', taskType: 'user' },
      { id: 'inform', kind: 'task', label: 'Inform employee of rejection', actor: 'lead', taskType: 'send' },
      { id: 'rejected', kind: 'end', label: 'Request rejected', actor: 'lead' },
      { id: 'order', kind: 'task', label: 'Order goods', actor: 'purchasing', taskType: 'send' },
      { id: 'confirm', kind: 'task', label: 'Receive order confirmation', actor: 'purchasing', taskType: 'receive' },
      { id: 'late', kind: 'boundary', label: '3 days', attachedTo: 'confirm', eventType: 'timer', timer: { kind: 'duration', value: 'P3D' } },
      { id: 'call', kind: 'task', label: 'Call supplier', actor: 'purchasing' },
      { id: 'ordered', kind: 'end', label: 'Goods ordered', actor: 'purchasing' },
    ],
    flows: [
      { from: 'start', to: 'review' },
      { from: 'review', to: 'decision' },
      { from: 'decision', to: 'correct', label: 'incomplete' },
      { from: 'correct', to: 'review' },
      { from: 'decision', to: 'inform', label: 'rejected' },
      { from: 'inform', to: 'rejected' },
      { from: 'decision', to: 'order', label: 'approved' },
      { from: 'order', to: 'confirm' },
      { from: 'confirm', to: 'ordered' },
      { from: 'late', to: 'call' },
      { from: 'call', to: 'confirm' },
    ],
  },
};

const RESTOCKING: WorkedExample = {
  description: [
    'Every Monday at 9:00 the warehouse checks the stock levels. If nothing is below the minimum, nothing else happens.',
    'Otherwise the warehouse sends an order to the supplier, a separate company. The supplier confirms the order and',
    'ships the goods. When the goods arrive, the warehouse stores them while accounting pays the invoice.',
  ].join(' '),
  model: {
    name: 'Restocking',
    actors: [
      { id: 'warehouse', name: 'Warehouse' },
      { id: 'accounting', name: 'Accounting' },
      { id: 'supplier', name: 'Supplier', organisation: true },
    ],
    nodes: [
      { id: 'monday', kind: 'start', label: 'Every Monday 9:00', actor: 'warehouse', eventType: 'timer', timer: { kind: 'cycle', value: 'R/2026-01-05T09:00/P1W' } },
      { id: 'check', kind: 'task', label: 'Check stock levels', actor: 'warehouse' },
      { id: 'low', kind: 'exclusive', label: 'Items below minimum?', actor: 'warehouse' },
      { id: 'enough', kind: 'end', label: 'Stock sufficient', actor: 'warehouse' },
      { id: 'send', kind: 'task', label: 'Send order to supplier', actor: 'warehouse', taskType: 'send' },
      { id: 'confirm', kind: 'task', label: 'Confirm order', actor: 'supplier' },
      { id: 'ship', kind: 'task', label: 'Ship goods', actor: 'supplier' },
      { id: 'receive', kind: 'task', label: 'Receive goods', actor: 'warehouse', taskType: 'receive' },
      { id: 'split', kind: 'parallel', label: '', actor: 'warehouse' },
      { id: 'store', kind: 'task', label: 'Store goods', actor: 'warehouse' },
      { id: 'pay', kind: 'task', label: 'Pay invoice', actor: 'accounting' },
      { id: 'join', kind: 'parallel', label: '', actor: 'warehouse' },
      { id: 'done', kind: 'end', label: 'Stock replenished', actor: 'warehouse' },
    ],
    flows: [
      { from: 'monday', to: 'check' },
      { from: 'check', to: 'low' },
      { from: 'low', to: 'enough', label: 'no' },
      { from: 'low', to: 'send', label: 'yes' },
      { from: 'send', to: 'confirm' },
      { from: 'confirm', to: 'ship' },
      { from: 'ship', to: 'receive' },
      { from: 'receive', to: 'split' },
      { from: 'split', to: 'store' },
      { from: 'split', to: 'pay' },
      { from: 'store', to: 'join' },
      { from: 'pay', to: 'join' },
      { from: 'join', to: 'done' },
    ],
  },
};

const CLAIM: WorkedExample = {
  description: [
    'Create a diagram for a car insurance claim: The customer reports the damage online, with photos, date and place.',
    'An adjuster runs the standard damage assessment; for example, he may ask for more photos. Depending on the damage,',
    'one or more of these happen: the body shop repairs the body, the garage repairs the engine. After the repairs the',
    'adjuster waits 2 days for complaints and then closes the claim.',
  ].join(' '),
  model: {
    name: 'Car insurance claim',
    actors: [
      { id: 'customer', name: 'Customer' },
      { id: 'adjuster', name: 'Adjuster' },
      { id: 'body', name: 'Body shop' },
      { id: 'garage', name: 'Garage' },
    ],
    nodes: [
      { id: 'damaged', kind: 'start', label: 'Car damaged', actor: 'customer' },
      { id: 'report', kind: 'task', label: 'Report damage online', actor: 'customer', taskType: 'user' },
      { id: 'assess', kind: 'subprocess', label: 'Assess damage', actor: 'adjuster' },
      { id: 'which', kind: 'inclusive', label: 'Which repairs?', actor: 'adjuster' },
      { id: 'repairBody', kind: 'task', label: 'Repair body', actor: 'body', taskType: 'manual' },
      { id: 'repairEngine', kind: 'task', label: 'Repair engine', actor: 'garage', taskType: 'manual' },
      { id: 'repaired', kind: 'inclusive', label: '', actor: 'adjuster' },
      { id: 'wait', kind: 'intermediate', label: '2 days', actor: 'adjuster', eventType: 'timer', timer: { kind: 'duration', value: 'P2D' } },
      { id: 'close', kind: 'task', label: 'Close claim', actor: 'adjuster' },
      { id: 'closed', kind: 'end', label: 'Claim closed', actor: 'adjuster' },
    ],
    flows: [
      { from: 'damaged', to: 'report' },
      { from: 'report', to: 'assess' },
      { from: 'assess', to: 'which' },
      { from: 'which', to: 'repairBody', label: 'body damaged' },
      { from: 'which', to: 'repairEngine', label: 'engine damaged' },
      { from: 'repairBody', to: 'repaired' },
      { from: 'repairEngine', to: 'repaired' },
      { from: 'repaired', to: 'wait' },
      { from: 'wait', to: 'close' },
      { from: 'close', to: 'closed' },
    ],
  },
};

export const WORKED_EXAMPLES: readonly WorkedExample[] = [PURCHASE, RESTOCKING, CLAIM];
