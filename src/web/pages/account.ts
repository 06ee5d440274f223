// Settings → Account (the avatar links here): name, email (password re-checked), password (other sessions signed
// out), signing out other sessions, and deleting the account with what happens to its data spelled out. The rules
// are the accounts service's; this page shows them and keeps what was typed when one refuses (never a password).
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Membership } from '../../services/accounts.ts';
import { MIN_PASSWORD_LENGTH } from '../../services/password-rules.ts';
import { DASHBOARD_ROUTES, field, type SignedIn, type WebContext } from '../context.ts';
import type { Refill } from '../error-handler.ts';
import { PageError } from '../error-page.ts';
import { html, type Html } from '../html.ts';
import { noticeOf } from '../notices.ts';
import { endSession } from '../session.ts';
import { appPage, csrfField, flash, pageHeader } from './layout.ts';

type AccountForm = 'name' | 'email' | 'password' | 'delete';

interface AccountView {
  notice?: string | null;
  /** The refused form, its message and what was typed into it. */
  refused?: { form: AccountForm; message: string; param: string | null; values: Record<string, string> };
}

const NOTICES: Record<string, string> = {
  name: 'Your name was saved.',
  email: 'Your email was changed: sign in with the new one from now on.',
  password: 'Your password was changed. Every other session was signed out.',
  sessions: 'Every other session was signed out.',
};

export const accountRoutes = fp(accountPages, { name: 'jfi-account-settings', ...DASHBOARD_ROUTES });

async function accountPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services } = context;
  const sendPage = async (reply: FastifyReply, signedIn: SignedIn, view: AccountView) => {
    const sessions = await services.sessions.countSessions(signedIn.user.id);
    const lastOwned = await services.accounts.organizationsOnlyOwnedBy(signedIn.user.id);
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(accountPage(signedIn, { sessions, lastOwned }, view));
  };
  // Each form comes back refused with what was typed into it; passwords are never sent back.
  const refillFor =
    (form: AccountForm): Refill =>
    (request, reply, refusal) =>
      sendPage(reply, request.signedIn, { refused: { form, message: refusal.message, param: refusal.param, values: { name: field(request.body, 'name'), email: field(request.body, 'email') } } });

  // A password typed to confirm a change is counted: a stolen session cannot guess it freely.
  const countPasswordAttempt = async (request: FastifyRequest) => {
    const wait = await context.throttle.passwordConfirmation(request.signedIn.user.id);
    if (wait > 0) throw new PageError(429, `Too many password attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`, 'password');
  };

  app.get('/settings/account', async (request, reply) => sendPage(reply, request.signedIn, { notice: noticeOf(request.query, NOTICES) }));

  app.post('/settings/account/name', { config: { refill: refillFor('name') } }, async (request, reply) => {
    await services.accounts.renameUser(request.signedIn.user.id, field(request.body, 'name'));
    return reply.redirect('/app/settings/account?notice=name', 303);
  });

  app.post('/settings/account/email', { config: { refill: refillFor('email') } }, async (request, reply) => {
    await countPasswordAttempt(request);
    await services.accounts.changeEmail(request.signedIn.user.id, field(request.body, 'email'), field(request.body, 'password'));
    return reply.redirect('/app/settings/account?notice=email', 303);
  });

  app.post('/settings/account/password', { config: { refill: refillFor('password') } }, async (request, reply) => {
    await countPasswordAttempt(request);
    await services.accounts.changePassword(request.signedIn.user.id, field(request.body, 'current_password'), field(request.body, 'new_password'), sessionId(request));
    return reply.redirect('/app/settings/account?notice=password', 303);
  });

  app.post('/settings/account/sessions', async (request, reply) => {
    await services.sessions.deleteOtherSessions(request.signedIn.user.id, sessionId(request) ?? '');
    return reply.redirect('/app/settings/account?notice=sessions', 303);
  });

  app.post('/settings/account/delete', { config: { refill: refillFor('delete') } }, async (request, reply) => {
    await countPasswordAttempt(request);
    await services.accounts.deleteAccount(request.signedIn.user.id, field(request.body, 'password'));
    await endSession(services, request, reply);
    return reply.redirect('/signin?notice=deleted', 303);
  });
}

function sessionId(request: FastifyRequest): string | null {
  return request.webSession?.id ?? null;
}

function accountPage(signedIn: SignedIn, data: { sessions: number; lastOwned: Membership[] }, view: AccountView): string {
  const { user, workspace, csrf } = signedIn;
  const refused = view.refused;
  const errorIn = (form: AccountForm) => (refused?.form === form ? flash(refused.message, 'error') : html``);
  const invalid = (form: AccountForm, param: string) => (refused?.form === form && refused.param === param ? html` aria-invalid="true"` : html``);
  const typed = (form: AccountForm, name: string, fallback: string) => (refused?.form === form ? (refused.values[name] ?? '') : fallback);
  const others = data.sessions - 1;
  const body = html`${pageHeader('Account', `Signed in as ${user.email}.`)}
${flash(view.notice)}
<div class="grid-2">
  <section class="card" aria-labelledby="account-name"><h2 id="account-name">Name</h2>${errorIn('name')}
    <form method="post" action="/app/settings/account/name">${csrfField(csrf)}
      <div class="field"><label for="a-name">Your name</label><input id="a-name" name="name" type="text" autocomplete="name" required maxlength="200" value="${typed('name', 'name', user.name)}"${invalid('name', 'name')}></div>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Save name</button></div>
    </form>
  </section>
  <section class="card" aria-labelledby="account-email"><h2 id="account-email">Email</h2>${errorIn('email')}
    <form method="post" action="/app/settings/account/email">${csrfField(csrf)}
      <div class="field"><label for="a-email">New email</label><input id="a-email" name="email" type="email" autocomplete="email" required value="${typed('email', 'email', user.email)}"${invalid('email', 'email')}></div>
      <div class="field"><label for="a-email-password">Your password</label><input id="a-email-password" name="password" type="password" autocomplete="current-password" required${invalid('email', 'password')}><p class="hint">To confirm it is you.</p></div>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Change email</button></div>
    </form>
  </section>
  <section class="card" aria-labelledby="account-password"><h2 id="account-password">Password</h2>${errorIn('password')}
    <form method="post" action="/app/settings/account/password">${csrfField(csrf)}
      <div class="field"><label for="a-current">Current password</label><input id="a-current" name="current_password" type="password" autocomplete="current-password" required${invalid('password', 'current_password')}></div>
      <div class="field"><label for="a-new">New password</label><input id="a-new" name="new_password" type="password" autocomplete="new-password" required${invalid('password', 'password')} aria-describedby="a-new-hint"><p class="hint" id="a-new-hint">At least ${String(MIN_PASSWORD_LENGTH)} characters, not your email, not a common password. Every other session is signed out.</p></div>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Change password</button></div>
    </form>
  </section>
  <section class="card" aria-labelledby="account-sessions"><h2 id="account-sessions">Sessions</h2>
    <p id="session-count">${others > 0 ? `You have ${others} other signed-in session${others === 1 ? '' : 's'} (other browsers or devices).` : 'This is your only session.'}</p>
    <form method="post" action="/app/settings/account/sessions">${csrfField(csrf)}<button class="btn" type="submit"${others > 0 ? '' : html` disabled`}>Sign out other sessions</button></form>
  </section>
</div>
${deleteSection(signedIn, data.lastOwned, errorIn('delete'), invalid('delete', 'password'))}`;
  return appPage({ title: 'Account', workspace, csrf, active: 'none' }, body);
}

function deleteSection(signedIn: SignedIn, lastOwned: Membership[], error: Html, invalid: Html): Html {
  const { user, workspace, csrf } = signedIn;
  const others = workspace.memberships.filter((m) => !lastOwned.some((owned) => owned.organizationId === m.organizationId));
  return html`<section class="card danger-card" aria-labelledby="account-delete"><h2 id="account-delete">Delete your account</h2>${error}
  <p>Deleting your account cannot be undone. At once:</p>
  <ul>
    <li>Your personal diagrams and folders, live and test, and the record of your generations are deleted.</li>
    <li>Every API key you created is deleted and stops working: your personal keys and the keys you created for organizations (they disappear from the organization's key list).</li>
    <li>You leave ${others.length > 0 ? html`your organizations (${others.map((m, i) => html`${i > 0 ? ', ' : ''}<strong>${m.organizationName}</strong>`)})` : 'every organization you belong to'}; the diagrams and folders you made in an organization stay there, for its members.</li>
    <li>You are signed out everywhere, and ${user.email} can sign up again as a new, empty account.</li>
  </ul>
  ${lastOwned.length > 0
    ? html`<p class="flash flash-error" id="last-owner">You are the last owner of ${lastOwned.map((m, i) => html`${i > 0 ? ', ' : ''}<strong>${m.organizationName}</strong>`)}: make another member an owner (on the organization's page) before you delete your account.</p>`
    : html`<form method="post" action="/app/settings/account/delete" data-confirm="Delete your account ${user.email} and everything listed? This cannot be undone.">${csrfField(csrf)}
    <div class="field"><label for="a-delete-password">Your password</label><input id="a-delete-password" name="password" type="password" autocomplete="current-password" required${invalid}></div>
    <div class="form-actions"><button class="btn btn-danger" type="submit">Delete my account</button></div>
  </form>`}
</section>`;
}
