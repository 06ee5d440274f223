// Settings → Billing: the plans of the personal space and the organizations, what each allows with the next
// step to take in it, and the operator's command that changes it.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { QuotaUsage } from '../../limits/quota-reader.ts';
import { DASHBOARD_ROUTES, type SignedIn, type WebContext } from '../context.ts';
import { html, type Html } from '../html.ts';
import { appPage, csrfField, pageHeader } from './layout.ts';
import { operatorCommand } from './operator.ts';

export const billingRoutes = fp(billingPages, { name: 'jfi-billing-pages', ...DASHBOARD_ROUTES });

/** One plan card: a space (personal or an organization), whether its plan is the paid one, and how it changes. */
interface PlanCard {
  eyebrow: string;
  title: string;
  /** The `space` value of the workspace switcher. */
  space: string;
  spaceName: string;
  paid: boolean;
  features: { text: string; paidOnly: boolean }[];
  usage: QuotaUsage | null;
  change: string;
}

async function billingPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;
  const usageOf = (tenantType: 'user' | 'organization', tenantId: string) => services.quota.readWorkspace({ tenantType, tenantId }, new Date(context.clock.now()));

  app.get('/settings/billing', async (request, reply) => {
    const { signedIn } = request;
    const { user, memberships } = signedIn.workspace;
    const pro = user.plan === 'pro';
    const cards: PlanCard[] = [
      {
        eyebrow: 'Personal',
        title: pro ? 'Pro' : 'Free',
        space: 'personal',
        spaceName: 'your personal space',
        paid: pro,
        features: [
          { text: 'Diagrams and folders in the dashboard', paidOnly: false },
          { text: 'Personal API keys', paidOnly: true },
          { text: 'Generating diagrams from a description', paidOnly: true },
        ],
        usage: pro ? await usageOf('user', user.id) : null,
        change: `user set-plan --email ${user.email} --plan ${pro ? 'free' : 'pro'}`,
      },
    ];
    for (const m of memberships) {
      const team = m.organizationPlan === 'team';
      cards.push({
        eyebrow: 'Organization',
        title: `${m.organizationName} · ${team ? 'Team' : 'Free'}`,
        space: m.organizationId,
        spaceName: m.organizationName,
        paid: team,
        features: [
          { text: 'Shared diagrams and folders', paidOnly: false },
          { text: 'Organization API keys for members', paidOnly: true },
          { text: 'Generating diagrams from a description', paidOnly: true },
        ],
        usage: team ? await usageOf('organization', m.organizationId) : null,
        change: `org set-plan --org ${m.organizationId} --plan ${team ? 'free' : 'team'}`,
      });
    }
    const body = html`${pageHeader('Billing', 'Your plans, what they allow, and how they change.')}
<div class="plan-grid">${cards.map((card) => planCard(signedIn, card))}</div>
<section class="card">
  <h2>How plans change</h2>
  <p>There is no self-service checkout on this installation: an operator changes plans with the <code>jfi</code> command-line tool on the server (<code>npx jfi user set-plan</code> for personal plans, <code>npx jfi org set-plan</code> for organizations). The change applies at once, also to existing keys: a key whose plan lapses gets <code>403 plan_required</code>.</p>
  <p>Every key is limited to ${context.config.rateLimit.max} requests per ${context.config.rateLimit.windowMs / 1000} seconds and ${context.config.quota.max} generations per rolling ${context.config.quota.windowDays} days.</p>
</section>`;
    return reply.type('text/html; charset=utf-8').send(appPage({ title: 'Billing', workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'billing' }, body));
  });
}

function planCard(signedIn: SignedIn, card: PlanCard): Html {
  const current = (signedIn.workspace.organization?.organizationId ?? 'personal') === card.space;
  return html`<section class="card plan ${card.paid ? 'plan-on' : ''}">
  <p class="eyebrow">${card.eyebrow}</p>
  <h2>${card.title}</h2>
  <ul class="checks">${card.features.map((f) => html`<li class="${f.paidOnly && !card.paid ? 'off' : ''}">${f.text}${f.paidOnly && !card.paid ? ` (needs ${card.eyebrow === 'Personal' ? 'Pro' : 'Team'})` : ''}</li>`)}</ul>
  ${card.usage ? html`<p class="hint">${card.usage.remaining} of ${card.usage.limit} dashboard generations left (rolling ${card.usage.windowDays} days).</p>` : ''}
  ${planActions(signedIn, card, current)}
  <p class="hint">${card.paid ? 'To move back to Free' : `To move to ${card.eyebrow === 'Personal' ? 'Pro' : 'Team'}`}, an operator runs:</p>
  ${operatorCommand(card.change)}
</section>`;
}

/** What to do next with the plan: use it in the current workspace, or switch to the workspace it belongs to. */
function planActions(signedIn: SignedIn, card: PlanCard, current: boolean): Html {
  if (!current) {
    return html`<form method="post" action="/app/space" class="plan-actions">${csrfField(signedIn.csrf)}<input type="hidden" name="space" value="${card.space}"><button class="btn btn-small" type="submit">Switch to ${card.spaceName}</button></form>`;
  }
  if (!card.paid) return html``;
  return html`<p class="plan-actions"><a class="btn btn-small btn-primary" href="/app/settings/keys">Create an API key</a><a class="btn btn-small" href="/app?panel=generate">Generate a diagram</a></p>`;
}
