// The page shells: the signed-in app (top bar, sidebar, content) and the public pages (sign-in, docs).
import { html, type Html } from '../html.ts';
import { spaceName, type Workspace } from '../workspace.ts';
import { CSRF_FIELD } from '../csrf.ts';

export type NavItem = 'diagrams' | 'keys' | 'organizations' | 'billing' | 'none';

export interface AppChrome {
  title: string;
  workspace: Workspace;
  csrf: string;
  active: NavItem;
  /** Extra scripts (our own files only), e.g. the modeler page's. */
  scripts?: string[];
  styles?: string[];
  /** A page that fills the whole content area (the modeler). */
  wide?: boolean;
}

const ICONS = {
  diagrams: 'M4 5h6v5H4zM14 14h6v5h-6zM7 10v6.5h7',
  keys: 'M14.5 9.5a4 4 0 1 0-3.9 4L9 15v2H7v2H4v-3l5.1-5.1A4 4 0 0 0 14.5 9.5zM16 8h.01',
  organizations: 'M16 19v-1.5a3.5 3.5 0 0 0-7 0V19M12.5 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM20 19v-1a3 3 0 0 0-2.5-3M5 19v-1a3 3 0 0 1 2.5-3',
  billing: 'M3 7h18v11H3zM3 11h18M7 15h3',
  docs: 'M6 4h9l3 3v13H6zM9 10h6M9 14h6',
} as const;

export function icon(name: keyof typeof ICONS): Html {
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${ICONS[name]}"/></svg>`;
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/** The document head of every page; `theme.js` runs before the first paint so a chosen theme never flashes. */
export function head(title: string, styles: string[] = [], scripts: string[] = []): Html {
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<script src="/assets/theme.js"></script>
${styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>`;
}

const LOGO = html`<svg class="logo-mark" viewBox="0 0 32 32" aria-hidden="true"><rect x="2" y="9" width="11" height="14" rx="3"/><circle cx="26" cy="16" r="4"/><path d="M13 16h9"/></svg>`;

export function brand(): Html {
  return html`<a class="brand" href="/">${LOGO}<span class="brand-name">Just Flow It</span></a>`;
}

/**
 * The Light/Dark switch: one toggle button, pressed while the dark theme is on. The page follows the system's
 * preference until the person presses it (app.js keeps the choice); without JavaScript it stays hidden.
 */
export function themeToggle(): Html {
  return html`<button class="icon-btn" type="button" data-theme-toggle aria-pressed="false" hidden><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z"/></svg><span class="sr-only">Dark theme</span></button>`;
}

function navLink(href: string, label: string, name: keyof typeof ICONS, active: boolean): Html {
  return html`<a class="nav-link${active ? ' active' : ''}" href="${href}"${active ? html` aria-current="page"` : ''}>${icon(name)}<span>${label}</span></a>`;
}

function spaceSwitcher(workspace: Workspace, csrf: string): Html {
  const current = workspace.organization?.organizationId ?? 'personal';
  // No submit on change: ArrowDown on a closed select changes its value, and must not leave the page.
  return html`<form class="space-switcher" method="post" action="/app/space">
  ${csrfField(csrf)}
  <label class="sr-only" for="space-select">Workspace</label>
  <select id="space-select" name="space">
    <option value="personal"${current === 'personal' ? html` selected` : ''}>Personal · ${workspace.user.name}</option>
    ${workspace.memberships.map(
      (m) => html`<option value="${m.organizationId}"${current === m.organizationId ? html` selected` : ''}>${m.organizationName}</option>`,
    )}
  </select>
  <button class="btn btn-small" type="submit">Switch<span class="sr-only"> workspace</span></button>
</form>`;
}

function modeToggle(workspace: Workspace, csrf: string): Html {
  const option = (mode: 'live' | 'test', label: string) =>
    html`<button type="submit" name="mode" value="${mode}" class="seg${workspace.mode === mode ? ' on' : ''}" aria-pressed="${String(workspace.mode === mode)}">${label}</button>`;
  return html`<form class="mode-toggle" method="post" action="/app/mode" aria-label="Data mode">
  ${csrfField(csrf)}${option('live', 'Live')}${option('test', 'Test')}
</form>`;
}

/** A full signed-in page. */
export function appPage(chrome: AppChrome, body: Html): string {
  const { workspace, csrf, active } = chrome;
  return html`<!doctype html>
<html lang="en">
${head(`${chrome.title} · Just Flow It`, chrome.styles, chrome.scripts)}
<body class="app${workspace.mode === 'test' ? ' test-mode' : ''}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar">
  ${brand()}
  ${spaceSwitcher(workspace, csrf)}
  <div class="topbar-end">
    ${modeToggle(workspace, csrf)}
    <a class="topbar-link" href="/docs">Docs</a>
    ${themeToggle()}
    <a class="avatar" href="/app/settings/account" title="Account settings for ${workspace.user.email}">${initials(workspace.user.name)}<span class="sr-only"> — account settings</span></a>
    <form method="post" action="/signout">${csrfField(csrf)}<button class="btn btn-small btn-ghost" type="submit">Sign out</button></form>
  </div>
</header>
${workspace.mode === 'test' ? html`<div class="test-banner" role="status">Test mode: you are looking at test data. Test keys (<code>jfi_sk_test_…</code>) see only this.</div>` : ''}
<div class="shell">
  <nav class="sidebar" aria-label="Main">
    <p class="sidebar-label">${spaceName(workspace)}</p>
    ${navLink('/app', 'Diagrams', 'diagrams', active === 'diagrams')}
    <p class="sidebar-label">Settings</p>
    ${navLink('/app/settings/keys', 'API keys', 'keys', active === 'keys')}
    ${navLink('/app/organizations', 'Organizations', 'organizations', active === 'organizations')}
    ${navLink('/app/settings/billing', 'Billing', 'billing', active === 'billing')}
    <div class="sidebar-foot">${navLink('/docs', 'Documentation', 'docs', false)}</div>
  </nav>
  <main id="main" class="content${chrome.wide ? ' wide' : ''}">
${body}
  </main>
</div>
</body>
</html>`.value;
}

/** A page for visitors: sign-in, sign-up, errors. */
export function publicPage(title: string, body: Html, options: { bodyClass?: string } = {}): string {
  return html`<!doctype html>
<html lang="en">
${head(`${title} · Just Flow It`)}
<body class="${options.bodyClass ?? 'public'}">
<header class="public-top">${brand()}<nav class="public-nav" aria-label="Site"><a href="/docs">Docs</a><a href="/signin">Sign in</a><a class="btn btn-small btn-primary" href="/signup">Get started</a>${themeToggle()}</nav></header>
<main id="main">
${body}
</main>
</body>
</html>`.value;
}

export function pageHeader(title: string, subtitle?: string | Html, actions?: Html): Html {
  return html`<div class="page-header"><div><h1>${title}</h1>${subtitle ? html`<p class="subtitle">${subtitle}</p>` : ''}</div>${actions ? html`<div class="page-actions">${actions}</div>` : ''}</div>`;
}

export function flash(message: string | null | undefined, kind: 'success' | 'error' = 'success'): Html {
  return message ? html`<div class="flash flash-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${message}</div>` : html``;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function formatDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—';
}
