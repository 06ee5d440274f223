// The diagram pages as HTML: the folder browser (tree, panels, cards), a diagram's page and the modeler.
// Data in, a page out; the routes load what they show.
import type { Diagram, DiagramMeta, DiagramPage } from '../../../services/diagrams.ts';
import type { Folder } from '../../../services/folders.ts';
import type { SignedIn } from '../../context.ts';
import { html, type Html } from '../../html.ts';
import { spaceName } from '../../workspace.ts';
import { appPage, csrfField, flash, formatDate, pageHeader } from '../layout.ts';
import { historyCard } from './history-views.ts';

/** What the pages show of a folder: the stored row (listing) and the API object (one folder, a path) both fit. */
export type FolderEntry = Pick<Folder, 'id' | 'name' | 'parent_id' | 'context'>;

export const PANELS = ['generate', 'import', 'folder', 'edit-folder'] as const;
export type Panel = (typeof PANELS)[number];

export interface BrowserView {
  notice?: string | null;
  error?: string | null;
  /** Which panel to open after an error, with what the user typed. */
  open?: Panel | undefined;
  values?: Record<string, string>;
}

/** What the generate form says about the workspace: generations left, or why there are none. */
export type GenerationAllowance = { refused: string } | { remaining: number; limit: number; windowDays: number };

export interface BrowserData {
  folderId: string | null;
  folders: FolderEntry[];
  current: FolderEntry | null;
  lineage: FolderEntry[];
  diagrams: DiagramMeta[];
  /** Only when the generate panel is open. */
  allowance: GenerationAllowance | null;
}

/** The panel a folder page opens with: the one asked for, else the generate form in an empty folder. */
export function openPanel(view: BrowserView, data: Pick<BrowserData, 'folders' | 'folderId' | 'diagrams'>): Panel | undefined {
  const empty = data.diagrams.length === 0 && !data.folders.some((f) => f.parent_id === data.folderId);
  // An empty folder opens the generate form: the likeliest next step.
  return view.open ?? (empty ? 'generate' : undefined);
}

export function browserPage(signedIn: SignedIn, data: BrowserData, view: BrowserView): string {
  const { folderId, folders, current, lineage, diagrams } = data;
  const children = folders.filter((f) => f.parent_id === folderId).sort((a, b) => a.name.localeCompare(b.name));
  const values = view.values ?? {};
  const title = current ? current.name : 'Diagrams';
  const crumbs = html`<nav class="breadcrumbs" aria-label="Folder path"><a href="/app">${spaceName(signedIn.workspace)}</a>${lineage.map((f) => html` / ${f.id === folderId ? html`<span>${f.name}</span>` : html`<a href="/app/folders/${f.id}">${f.name}</a>`}`)}</nav>`;
  const here = folderId ? `/app/folders/${folderId}` : '/app';
  const open = openPanel(view, data);
  const action = (panel: Panel, label: string, primary = false) =>
    html`<a class="btn${primary ? ' btn-primary' : ''}${open === panel ? ' pressed' : ''}" href="${open === panel ? here : `${here}?panel=${panel}`}" aria-expanded="${String(open === panel)}">${label}</a>`;
  const header = pageHeader(
    title,
    current?.context ? html`<span title="Folder context steers generation">Context: ${current.context}</span>` : `${diagrams.length} diagram${diagrams.length === 1 ? '' : 's'}${children.length ? `, ${children.length} folder${children.length === 1 ? '' : 's'}` : ''} in ${signedIn.workspace.mode} mode`,
    html`${action('generate', 'Generate', true)}${action('import', 'Import .bpmn')}${action('folder', current ? 'New sub-folder' : 'New folder')}${current ? action('edit-folder', 'Folder settings') : ''}`,
  );
  const folderOptions = (selected: string | null, exclude?: string) =>
    html`<option value="">Top level</option>${folderTreeOptions(folders, null, 0, selected, exclude)}`;
  const body = html`${crumbs}${header}
${flash(view.notice)}${flash(view.error, 'error')}
<div class="browser">
  <aside class="card tree" aria-label="Folders">
    <h2>Folders</h2>
    <ul><li><a href="/app" class="${folderId === null ? 'active' : ''}">All top-level</a></li></ul>
    ${folderTree(folders, null, folderId)}
  </aside>
  <div>
    ${open === 'generate'
      ? html`<section class="card panel" aria-labelledby="panel-generate"><h2 id="panel-generate">Generate from a description</h2><form method="post" action="/app/diagrams/generate">
        ${csrfField(signedIn.csrf)}<input type="hidden" name="folder_id" value="${folderId ?? ''}">
        <div class="field"><label for="gen-prompt">Describe the process</label><textarea id="gen-prompt" name="prompt" required maxlength="20000" placeholder="When an order arrives, Sales checks the customer's credit. If it is approved, the warehouse ships the goods; otherwise Sales informs the customer.">${values.prompt ?? ''}</textarea>
        <p class="hint">Who does what, in order; say “if … otherwise …” for decisions and “meanwhile” for parallel work.${lineage.some((f) => f.context) ? ' The context of this folder and its parents is used.' : ''} <a href="/docs/generate">Tips</a></p></div>
        <div class="row"><div class="field grow"><label for="gen-name">Name (optional)</label><input id="gen-name" name="name" type="text" value="${values.name ?? ''}"></div><button class="btn btn-primary align-end" type="submit">Generate diagram</button></div>
        ${data.allowance ? allowanceHint(signedIn, data.allowance) : null}
      </form></section>`
      : ''}
    ${open === 'import'
      ? html`<section class="card panel" aria-labelledby="panel-import"><h2 id="panel-import">Import a .bpmn file</h2><form method="post" action="/app/diagrams/import">
        ${csrfField(signedIn.csrf)}<input type="hidden" name="folder_id" value="${folderId ?? ''}">
        <div class="field"><label for="import-file">BPMN 2.0 file</label><input id="import-file" type="file" accept=".bpmn,.xml,application/xml,text/xml" data-into="#import-xml"></div>
        <div class="field"><label for="import-xml">…or paste the XML</label><textarea id="import-xml" name="bpmn_xml" spellcheck="false" placeholder="&lt;definitions xmlns=&quot;http://www.omg.org/spec/BPMN/20100524/MODEL&quot; …">${values.bpmn_xml ?? ''}</textarea></div>
        <div class="row"><div class="field grow"><label for="import-name">Name (optional)</label><input id="import-name" name="name" type="text" value="${values.name ?? ''}"></div><button class="btn btn-primary align-end" type="submit">Import</button></div>
      </form></section>`
      : ''}
    ${open === 'folder'
      ? html`<section class="card panel" aria-labelledby="panel-folder"><h2 id="panel-folder">${current ? `New folder in ${current.name}` : 'New folder'}</h2><form method="post" action="/app/folders">
        ${csrfField(signedIn.csrf)}<input type="hidden" name="parent_id" value="${folderId ?? ''}">
        <div class="field"><label for="folder-name">Name</label><input id="folder-name" name="name" type="text" maxlength="255" required value="${view.open === 'folder' ? values.name ?? '' : ''}"></div>
        <div class="field"><label for="folder-context">Context for generation (optional)</label><textarea id="folder-context" name="context" maxlength="4000" placeholder="We sell B2B software; lanes are Sales, Legal, Finance.">${view.open === 'folder' ? values.context ?? '' : ''}</textarea></div>
        <div class="form-actions"><button class="btn btn-primary" type="submit">Create folder</button></div>
      </form></section>`
      : ''}
    ${current && open === 'edit-folder'
      ? html`<section class="card panel" aria-labelledby="panel-edit"><h2 id="panel-edit">Folder settings</h2><form method="post" action="/app/folders/${current.id}">
        ${csrfField(signedIn.csrf)}
        <div class="grid-2"><div class="field"><label for="edit-name">Name</label><input id="edit-name" name="name" type="text" required value="${values.name ?? current.name}"></div>
        <div class="field"><label for="edit-parent">Parent folder</label><select id="edit-parent" name="parent_id">${folderOptions(current.parent_id, current.id)}</select></div></div>
        <div class="field"><label for="edit-context">Context for generation</label><textarea id="edit-context" name="context" maxlength="4000">${values.context ?? current.context}</textarea></div>
        <div class="form-actions"><button class="btn btn-primary" type="submit">Save folder</button></div>
      </form>
      <form method="post" action="/app/folders/${current.id}/delete" data-confirm="Delete the folder “${current.name}”?">${csrfField(signedIn.csrf)}<button class="btn btn-danger-ghost" type="submit">Delete folder</button> <span class="hint">Only empty folders can be deleted.</span></form></section>`
      : ''}
    ${children.length ? html`<div class="folder-grid">${children.map((f) => html`<a class="folder-card" href="/app/folders/${f.id}"><svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6h6l2 2h10v11H3z"/></svg>${f.name}</a>`)}</div>` : ''}
    ${diagrams.length
      ? html`<div class="diagram-grid">${diagrams.map(diagramCard)}</div>`
      : html`<section class="card empty-state"><svg class="empty-illustration" viewBox="0 0 84 84" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="3"><rect x="6" y="26" width="26" height="20" rx="5"/><circle cx="70" cy="36" r="8"/><path d="M32 36h30"/><path d="M19 46v20h32"/></svg><h2>No diagrams ${current ? 'in this folder' : 'yet'}</h2><p>Describe a process above and we draw it for you, or import an existing .bpmn file.${signedIn.workspace.mode === 'test' ? ' You are in test mode: these are test data.' : ''}</p></section>`}
  </div>
</div>`;
  return appPage({ title, workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'diagrams' }, body);
}

function allowanceHint(signedIn: SignedIn, allowance: GenerationAllowance): Html {
  if ('refused' in allowance) {
    return html`<p class="hint" id="gen-quota">${allowance.refused} An operator sets it with <code>npx jfi ${signedIn.workspace.organization ? 'org' : 'user'} set-plan</code> (see <a href="/app/settings/billing">Billing</a>).</p>`;
  }
  return html`<p class="hint" id="gen-quota">${allowance.remaining} of ${allowance.limit} generations left in this workspace (rolling ${allowance.windowDays} days).</p>`;
}

export interface DiagramView {
  theme: 'light' | 'dark';
  notice?: string | null;
  error?: string;
  /** What the user typed into a refused rename or move. */
  values?: { name: string; folder_id: string };
  /** The page (BPMNDiagram id) asked for with ?diagram=. */
  page?: string | undefined;
}

/** A diagram's pages and the one shown (null for a document without any BPMNDiagram). */
export interface PageChoice {
  pages: DiagramPage[];
  page: DiagramPage | null;
}

function pageLabel(pages: DiagramPage[], page: DiagramPage): string {
  return page.name ?? `Page ${pages.indexOf(page) + 1}`;
}

/** `&diagram=…` for links and images of a multi-page diagram; nothing when it has one page (its default). */
function pageQuery({ pages, page }: PageChoice): string {
  return pages.length > 1 && page ? `&diagram=${encodeURIComponent(page.id)}` : '';
}

/** Links to each page of a multi-page diagram, the shown one marked; works without scripts. */
function pagePicker(choice: PageChoice, theme: 'light' | 'dark'): Html {
  const { pages, page } = choice;
  if (pages.length < 2 || !page) return html``;
  return html`<nav class="tabs page-picker" aria-label="Pages of this diagram"><span class="hint">Page ${String(pages.indexOf(page) + 1)} of ${String(pages.length)}:</span>${pages.map(
    (p) => html`<a href="?theme=${theme}&amp;diagram=${encodeURIComponent(p.id)}" class="${p === page ? 'on' : ''}"${p === page ? html` aria-current="page"` : ''}>${pageLabel(pages, p)}</a>`,
  )}</nav>`;
}

export function diagramPage(signedIn: SignedIn, diagram: Diagram, data: { folders: FolderEntry[]; lineage: FolderEntry[] } & PageChoice, view: DiagramView): string {
  const image = `/app/diagrams/${diagram.id}/image`;
  const onPage = pageQuery(data);
  const stats = Object.entries(diagram.stats).filter(([, count]) => typeof count === 'number');
  const body = html`<nav class="breadcrumbs" aria-label="Folder path"><a href="/app">${spaceName(signedIn.workspace)}</a>${data.lineage.map((f) => html` / <a href="/app/folders/${f.id}">${f.name}</a>`)}</nav>
${pageHeader(
  diagram.name,
  `Version ${diagram.version} · ${diagram.source} · updated ${formatDate(new Date(diagram.updated_at))}`,
  html`<a class="btn btn-primary" href="/app/diagrams/${diagram.id}/edit${onPage.replace('&', '?')}">Edit in modeler</a>
  <a class="btn" href="${image}.png?theme=${view.theme}&amp;download=1${onPage}" download>PNG</a>
  <a class="btn" href="${image}.svg?theme=${view.theme}&amp;download=1${onPage}" download>SVG</a>
  <a class="btn" href="/app/diagrams/${diagram.id}/export.bpmn" download>BPMN</a>`,
)}
${flash(view.notice)}${flash(view.error, 'error')}
${pagePicker(data, view.theme)}
<form class="tabs" method="get" role="group" aria-label="Image theme">${data.pages.length > 1 && data.page ? html`<input type="hidden" name="diagram" value="${data.page.id}">` : ''}${(['light', 'dark'] as const).map(
  (theme) => html`<button type="submit" name="theme" value="${theme}" aria-pressed="${String(view.theme === theme)}">${theme === 'light' ? 'Light' : 'Dark'}</button>`,
)}</form>
<div class="viewer ${view.theme}"><img src="${image}.svg?theme=${view.theme}&amp;v=${diagram.version}${onPage}" alt="BPMN diagram: ${diagram.name}${data.pages.length > 1 && data.page ? `, page ${pageLabel(data.pages, data.page)}` : ''}"></div>
<div class="grid-2 below">
  <section class="card"><h2>Details</h2>
    <table class="table"><tbody>${stats.map(([name, count]) => html`<tr><td>${name}</td><td class="strong">${String(count)}</td></tr>`)}
    <tr><td>pages</td><td class="strong">${String(Math.max(data.pages.length, 1))}</td></tr>
    <tr><td>id</td><td><code>${diagram.id}</code></td></tr></tbody></table>
  </section>
  <section class="card"><h2>Rename or move</h2>
    <form method="post" action="/app/diagrams/${diagram.id}">
      ${csrfField(signedIn.csrf)}
      <div class="field"><label for="d-name">Name</label><input id="d-name" name="name" type="text" required value="${view.values?.name ?? diagram.name}"></div>
      <div class="field"><label for="d-folder">Folder</label><select id="d-folder" name="folder_id"><option value="">Top level</option>${folderTreeOptions(data.folders, null, 0, view.values ? view.values.folder_id || null : diagram.folder_id)}</select></div>
      <div class="form-actions"><button class="btn btn-primary" type="submit">Save</button></div>
    </form>
    <form method="post" action="/app/diagrams/${diagram.id}/delete" data-confirm="Delete “${diagram.name}”? This cannot be undone.">${csrfField(signedIn.csrf)}<button class="btn btn-danger-ghost" type="submit">Delete diagram</button></form>
  </section>
</div>
${historyCard(diagram)}`;
  return appPage({ title: diagram.name, workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'diagrams' }, body);
}

export function modelerPage(signedIn: SignedIn, diagram: DiagramMeta, choice: PageChoice): string {
  const { pages, page } = choice;
  // Switching pages keeps unsaved edits: they live in the document, which the modeler saves whole.
  const picker =
    pages.length > 1 && page
      ? html`<label class="sr-only" for="page-picker">Page</label><select id="page-picker">${pages.map((p) => html`<option value="${p.id}"${p === page ? html` selected` : ''}>${pageLabel(pages, p)}</option>`)}</select>`
      : '';
  const body = html`<div class="modeler-bar">
  <a class="btn btn-ghost btn-small" href="/app/diagrams/${diagram.id}${pageQuery(choice).replace('&', '?')}">← Back</a>
  <h1>${diagram.name}</h1>
  ${picker}
  <span class="save-status" id="save-status" role="status" aria-live="polite">Version ${diagram.version}</span>
  <button class="btn btn-primary" id="save" type="button" disabled>Save as new version</button>
</div>
<div class="modeler" id="modeler" data-source="/app/diagrams/${diagram.id}/export.bpmn" data-save="/app/diagrams/${diagram.id}/xml" data-version="${diagram.version}" data-csrf="${signedIn.csrf}"${pages.length > 1 && page ? html` data-page="${page.id}"` : ''}></div>`;
  return appPage(
    {
      title: `Edit ${diagram.name}`,
      workspace: signedIn.workspace,
      csrf: signedIn.csrf,
      active: 'diagrams',
      wide: true,
      styles: ['/vendor/bpmn-js/assets/diagram-js.css', '/vendor/bpmn-js/assets/bpmn-js.css', '/vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css'],
      scripts: ['/vendor/bpmn-js/bpmn-modeler.production.min.js', '/assets/modeler.js'],
    },
    body,
  );
}

function diagramCard(diagram: DiagramMeta): Html {
  return html`<a class="diagram-card" href="/app/diagrams/${diagram.id}">
  <div class="thumb"><img src="/app/diagrams/${diagram.id}/image.svg?theme=light&amp;v=${diagram.version}" alt="" loading="lazy"></div>
  <div class="meta"><strong>${diagram.name}</strong><span>v${diagram.version} · ${diagram.source} · ${new Date(diagram.updated_at).toISOString().slice(0, 10)}</span></div>
</a>`;
}

function folderTree(folders: FolderEntry[], parentId: string | null, activeId: string | null): Html {
  const children = folders.filter((f) => f.parent_id === parentId).sort((a, b) => a.name.localeCompare(b.name));
  if (children.length === 0) return html``;
  return html`<ul>${children.map(
    (f) => html`<li><a href="/app/folders/${f.id}" class="folder${f.id === activeId ? ' active' : ''}"${f.id === activeId ? html` aria-current="page"` : ''}>${f.name}</a>${folderTree(folders, f.id, activeId)}</li>`,
  )}</ul>`;
}

function folderTreeOptions(folders: FolderEntry[], parentId: string | null, depth: number, selected: string | null, exclude?: string): Html {
  const children = folders.filter((f) => f.parent_id === parentId && f.id !== exclude).sort((a, b) => a.name.localeCompare(b.name));
  return html`${children.map(
    (f) => html`<option value="${f.id}"${f.id === selected ? html` selected` : ''}>${'\u00a0\u00a0'.repeat(depth)}${f.name}</option>${folderTreeOptions(folders, f.id, depth + 1, selected, exclude)}`,
  )}`;
}
