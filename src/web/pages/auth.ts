// Sign up, sign in, sign out, and the landing page visitors see at /.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MIN_PASSWORD_LENGTH } from '../../services/password-rules.ts';
import { field, safeNext, type WebContext } from '../context.ts';
import { html, type Html } from '../html.ts';
import type { Refill } from '../error-handler.ts';
import { noticeOf } from '../notices.ts';
import { endSession, startSession } from '../session.ts';
import { csrfField, flash, publicPage } from './layout.ts';

type FieldErrors = Partial<Record<'name' | 'email' | 'password' | 'form', string>>;

interface AuthForm {
  name?: string;
  email?: string;
  next?: string;
  errors?: FieldErrors;
  notice?: string;
}

export const authRoutes = fp(accountPages, { name: 'jfi-account-pages', decorators: { request: ['webUser'] }, dependencies: ['jfi-web-session'] });

async function accountPages(app: FastifyInstance, context: WebContext): Promise<void> {
  const { services, csrf, throttle } = context;
  const signUpForm = (request: FastifyRequest) => ({ name: field(request.body, 'name').trim(), email: field(request.body, 'email').trim() });

  app.get('/', async (request, reply) => {
    if (request.webUser) return reply.redirect('/app', 303);
    return reply.type('text/html; charset=utf-8').send(landingPage());
  });

  app.get('/signup', async (request, reply) => {
    if (request.webUser) return reply.redirect('/app', 303);
    return sendForm(reply, signUpPage(csrf.tokenFor(request, reply), {}));
  });

  // A refused sign-up (the email is taken, the password too weak) comes back with the name and email typed.
  const refillSignUp: Refill = (request, reply, refusal) =>
    sendForm(reply.code(400), signUpPage(csrf.tokenFor(request, reply), { ...signUpForm(request), errors: { [fieldOf(refusal.param)]: refusal.message } }));

  app.post('/signup', { config: { refill: refillSignUp } }, async (request, reply) => {
    const form = signUpForm(request);
    const password = field(request.body, 'password');
    const waitSeconds = await throttle.signUp(request.ip);
    if (waitSeconds > 0) {
      const errors = { form: `Too many sign-ups from your network. Try again in ${minutesOf(waitSeconds)}.` };
      return sendForm(reply.code(429).header('Retry-After', String(waitSeconds)), signUpPage(csrf.tokenFor(request, reply), { ...form, errors }));
    }
    const errors = checkSignUp(form);
    if (Object.keys(errors).length > 0) return sendForm(reply.code(400), signUpPage(csrf.tokenFor(request, reply), { ...form, errors }));
    const user = await services.accounts.createUser({ ...form, password });
    await startSession(services, request, reply, user);
    return reply.redirect('/app?welcome=1', 303);
  });

  app.get('/signin', async (request, reply) => {
    const next = safeNext(String((request.query as Record<string, unknown>).next ?? '/app'));
    if (request.webUser) return reply.redirect(next, 303);
    const notice = noticeOf(request.query, SIGN_IN_NOTICES) ?? undefined;
    return sendForm(reply, signInPage(csrf.tokenFor(request, reply), { next, ...(notice ? { notice } : {}) }));
  });

  app.post('/signin', async (request, reply) => {
    const email = field(request.body, 'email').trim();
    const password = field(request.body, 'password');
    const next = safeNext(field(request.body, 'next') || '/app');
    const waitSeconds = await throttle.signIn(email, request.ip);
    if (waitSeconds > 0) {
      reply.header('Retry-After', String(waitSeconds));
      const message = `Too many sign-in attempts. Try again in ${minutesOf(waitSeconds)}.`;
      return sendForm(reply.code(429), signInPage(csrf.tokenFor(request, reply), { email, next, errors: { form: message } }));
    }
    const user = email && password ? await services.accounts.verifyPassword(email, password) : null;
    if (!user) {
      const errors = { form: 'That email and password do not match an account.' };
      return sendForm(reply.code(401), signInPage(csrf.tokenFor(request, reply), { email, next, errors }));
    }
    await startSession(services, request, reply, user);
    return reply.redirect(next, 303);
  });

  app.post('/signout', async (request, reply) => {
    await endSession(services, request, reply);
    return reply.redirect('/signin?notice=signed_out', 303);
  });

  // The one-time link an operator made with `jfi user reset-password`: a new password, then every session ends.
  app.get('/reset/:token', { config: { secretInPath: true } }, async (request, reply) => {
    const email = await services.passwordResets.emailFor(tokenOf(request));
    return sendForm(email ? reply : reply.code(404), resetPage(csrf.tokenFor(request, reply), tokenOf(request), email, {}));
  });

  const refillReset: Refill = async (request, reply, refusal) => {
    const email = await services.passwordResets.emailFor(tokenOf(request));
    return sendForm(reply, resetPage(csrf.tokenFor(request, reply), tokenOf(request), email, { errors: { [fieldOf(refusal.param)]: refusal.message } }));
  };

  app.post('/reset/:token', { config: { refill: refillReset, secretInPath: true } }, async (request, reply) => {
    await services.passwordResets.resetPassword(tokenOf(request), field(request.body, 'password'));
    await endSession(services, request, reply);
    return reply.redirect('/signin?notice=reset', 303);
  });
}

const SIGN_IN_NOTICES: Record<string, string> = {
  signed_out: 'You are signed out.',
  reset: 'Your password was changed and every session was signed out. Sign in with the new password.',
  deleted: 'Your account was deleted.',
};

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

function sendForm(reply: FastifyReply, page: string): FastifyReply {
  // Forms carry CSRF tokens; never let a shared cache keep them.
  return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page);
}

function minutesOf(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function fieldOf(param: string | null): keyof FieldErrors {
  return param === 'name' || param === 'email' || param === 'password' ? param : 'form';
}

function checkSignUp(form: { name: string; email: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.name) errors.name = 'Tell us your name.';
  else if (form.name.length > 200) errors.name = 'Use at most 200 characters.';
  if (!form.email) errors.email = 'An email address is required.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) errors.email = 'That does not look like an email address.';
  return errors;
}

function input(
  name: string,
  label: string,
  options: { type?: string; value?: string; error?: string; autocomplete: string; hint?: string; autofocus?: boolean },
): Html {
  const id = `f-${name}`;
  const describedBy = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${options.error ? ' has-error' : ''}">
  <label for="${id}">${label}</label>
  <input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}" autocomplete="${options.autocomplete}" required${options.autofocus ? html` autofocus` : ''}${options.error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
  ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
  ${options.error ? html`<p class="field-error" id="${id}-error">${options.error}</p>` : ''}
</div>`;
}

function authCard(title: string, subtitle: Html, body: Html): Html {
  return html`<div class="auth-wrap"><section class="auth-card">
  <h1>${title}</h1>
  <p class="subtitle">${subtitle}</p>
  ${body}
</section>
<aside class="auth-aside" aria-hidden="true">
  <p class="eyebrow">From words to BPMN</p>
  <p class="auth-quote">“When an order arrives, Sales checks the credit. If it is approved, the warehouse ships the goods; otherwise Sales informs the customer.”</p>
  <img src="/assets/sample-diagram.svg" alt="" class="auth-diagram">
</aside></div>`;
}

function signUpPage(csrf: string, form: AuthForm): string {
  const errors = form.errors ?? {};
  const body = html`${flash(errors.form, 'error')}
<form method="post" action="/signup" class="stack" novalidate>
  ${csrfField(csrf)}
  ${input('name', 'Your name', { value: form.name ?? '', error: errors.name, autocomplete: 'name', autofocus: !form.name })}
  ${input('email', 'Work email', { type: 'email', value: form.email ?? '', error: errors.email, autocomplete: 'email' })}
  ${input('password', 'Password', { type: 'password', error: errors.password, autocomplete: 'new-password', hint: `At least ${MIN_PASSWORD_LENGTH} characters, not your email, not a common password.` })}
  <button class="btn btn-primary btn-block" type="submit">Create account</button>
</form>
<p class="auth-switch">Already have an account? <a href="/signin">Sign in</a></p>`;
  return publicPage('Create your account', authCard('Create your account', html`Free to start. Turn process descriptions into BPMN diagrams.`, body), { bodyClass: 'public auth' });
}

function signInPage(csrf: string, form: AuthForm): string {
  const errors = form.errors ?? {};
  const body = html`${flash(errors.form, 'error')}${flash(form.notice)}
<form method="post" action="/signin" class="stack" novalidate>
  ${csrfField(csrf)}
  <input type="hidden" name="next" value="${form.next ?? '/app'}">
  ${input('email', 'Email', { type: 'email', value: form.email ?? '', autocomplete: 'username', autofocus: !form.email })}
  ${input('password', 'Password', { type: 'password', autocomplete: 'current-password', autofocus: Boolean(form.email) })}
  <button class="btn btn-primary btn-block" type="submit">Sign in</button>
</form>
<p class="auth-switch">Forgot your password? There is no reset by email here: ask the operator of this installation for a one-time reset link (they make it with <code>npx jfi user reset-password</code> in the server's folder, with its <code>DATABASE_URL</code>).</p>
<p class="auth-switch">New here? <a href="/signup">Create an account</a></p>`;
  return publicPage('Sign in', authCard('Welcome back', html`Sign in to your diagrams and API keys.`, body), { bodyClass: 'public auth' });
}

function resetPage(csrf: string, token: string, email: string | null, form: AuthForm): string {
  const errors = form.errors ?? {};
  if (!email) {
    const body = html`${flash(errors.form ?? 'This reset link does not work any more: it was used, it expired, or a newer one was made. Ask your operator for a new one.', 'error')}
<p class="auth-switch"><a href="/signin">Back to sign in</a></p>`;
    return publicPage('Reset your password', authCard('Reset your password', html`One-time links from your operator.`, body), { bodyClass: 'public auth' });
  }
  const body = html`${flash(errors.form, 'error')}
<form method="post" action="/reset/${token}" class="stack" novalidate>
  ${csrfField(csrf)}
  ${input('password', 'New password', { type: 'password', error: errors.password, autocomplete: 'new-password', autofocus: true, hint: `At least ${MIN_PASSWORD_LENGTH} characters, not your email, not a common password.` })}
  <button class="btn btn-primary btn-block" type="submit">Set new password</button>
</form>
<p class="auth-switch">This link works once. Setting the password signs ${email} out everywhere.</p>`;
  return publicPage('Reset your password', authCard('Reset your password', html`For ${email}.`, body), { bodyClass: 'public auth' });
}

function landingPage(): string {
  return publicPage(
    'BPMN diagrams from plain language',
    html`<section class="hero">
  <div class="hero-text">
    <p class="eyebrow">Just Flow It</p>
    <h1>Describe a process. Get a clean BPMN diagram.</h1>
    <p class="lead">Write how the work flows in plain language, or import BPMN 2.0. We lay it out, render it light or dark, and keep it organized in folders — in the dashboard or over a REST API.</p>
    <div class="hero-actions"><a class="btn btn-primary btn-large" href="/signup">Create a free account</a><a class="btn btn-large btn-ghost" href="/docs/quickstart">Read the quickstart</a></div>
  </div>
  <div class="hero-card"><img src="/assets/sample-diagram.svg" alt="A sample order process: check credit, then ship or inform the customer"></div>
</section>
<section class="features">
  <div><h2>Generate</h2><p>Plain-language descriptions become pools, lanes, gateways and events — steered by the context of their folder.</p></div>
  <div><h2>Import &amp; edit</h2><p>Bring any BPMN 2.0 file; edit it in the bpmn-js modeler; export it back untouched.</p></div>
  <div><h2>Build on it</h2><p>A predictable REST API with scoped keys, live and test modes, and images on demand.</p></div>
</section>`,
    { bodyClass: 'public landing' },
  );
}

