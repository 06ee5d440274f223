// Settings → Billing: the plans of the personal space and the organisations, and who changes them.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { DASHBOARD_ROUTES, type WebContext } from '../context.ts';
import { html } from '../html.ts';
import { appPage, pageHeader } from './layout.ts';

export const billingRoutes = fp(billingPages, { name: 'jfi-billing-pages', ...DASHBOARD_ROUTES });

async function billingPages(app: FastifyInstance, context: WebContext): Promise<void> {
  app.get('/settings/billing', async (request, reply) => {
    const { workspace, csrf } = request.signedIn;
    const { user, memberships } = workspace;
    const body = html`${pageHeader('Billing', 'Your plans and what they allow.')}
<div class="plan-grid">
  <section class="card plan ${user.plan === 'pro' ? 'plan-on' : ''}">
    <p class="eyebrow">Personal</p>
    <h2>${user.plan === 'pro' ? 'Pro' : 'Free'}</h2>
    <ul class="checks">
      <li>Diagrams and folders in the dashboard</li>
      <li class="${user.plan === 'pro' ? '' : 'off'}">Personal API keys (${user.plan === 'pro' ? 'included' : 'needs Pro'})</li>
    </ul>
    <p class="hint">Changed by an operator:</p>
    <pre class="code"><code>jfi user set-plan --email ${user.email} --plan ${user.plan === 'pro' ? 'free' : 'pro'}</code></pre>
  </section>
  ${memberships.map(
    (m) => html`<section class="card plan ${m.organizationPlan === 'team' ? 'plan-on' : ''}">
    <p class="eyebrow">Organisation</p>
    <h2>${m.organizationName} · ${m.organizationPlan === 'team' ? 'Team' : 'Free'}</h2>
    <ul class="checks">
      <li>Shared diagrams and folders</li>
      <li class="${m.organizationPlan === 'team' ? '' : 'off'}">Organisation API keys for members (${m.organizationPlan === 'team' ? 'included' : 'needs Team'})</li>
    </ul>
    <p class="hint">Changed by an operator:</p>
    <pre class="code"><code>jfi org set-plan --org ${m.organizationId} --plan ${m.organizationPlan === 'team' ? 'free' : 'team'}</code></pre>
  </section>`,
  )}
</div>
<section class="card">
  <h2>How plans change</h2>
  <p>There is no self-service checkout on this installation: an operator changes plans with the <code>jfi</code> command-line tool on the server (<code>jfi user set-plan</code> for personal plans, <code>jfi org set-plan</code> for organisations). The change applies at once, also to existing keys: a key whose plan lapses gets <code>403 plan_required</code>.</p>
  <p>Every key is limited to ${context.config.rateLimit.max} requests per ${context.config.rateLimit.windowMs / 1000} seconds and ${context.config.quota.max} generations per rolling ${context.config.quota.windowDays} days.</p>
</section>`;
    return reply.type('text/html; charset=utf-8').send(appPage({ title: 'Billing', workspace, csrf, active: 'billing' }, body));
  });
}
