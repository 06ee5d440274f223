// The History page as HTML (versions, a compare of two, the restore confirmation) and the History card the
// diagram page links it from. Data in, a page out; history.ts loads what they show.
import type { DiagramCompare, DiagramVersion } from '../../../services/diagram-versions.ts';
import type { Diagram } from '../../../services/diagrams.ts';
import type { ChangedEntry, DiffEntry } from '../../../bpmn/compare/diff.ts';
import type { SignedIn } from '../../context.ts';
import { html, type Html } from '../../html.ts';
import { appPage, csrfField, flash, formatDate, pageHeader } from '../layout.ts';

export interface CompareView {
  from: number;
  to: number;
  diff: DiagramCompare | null;
  /** Why there is no diff (a version that is not there). */
  error: string | null;
}

export interface HistoryView {
  notice?: string | null;
  error?: string | null;
  /** This page of versions, newest first. */
  versions: DiagramVersion[];
  /** The newest version: the diagram's content now. */
  current: number | null;
  /** Display names by user id. */
  authors: Map<string, string>;
  /** The page starts below this version (null: the newest page). */
  before: number | null;
  /** The next page starts below this version; null on the last page. */
  older: number | null;
  compare: CompareView | null;
  /** The version whose restore awaits confirmation. */
  restore: number | null;
}

/** The History card on the diagram page. */
export function historyCard(diagram: Diagram): Html {
  return html`<section class="card history-card below" aria-labelledby="history-card-title"><h2 id="history-card-title">History</h2>
  <p>Every import, generation, modeler save and restore is kept as a version. See what changed between two of them, side by side, or bring an older one back.</p>
  <a class="btn" href="/app/diagrams/${diagram.id}/history">Versions and compare</a>
</section>`;
}

export function historyPage(signedIn: SignedIn, diagram: Diagram, view: HistoryView): string {
  const base = `/app/diagrams/${diagram.id}/history`;
  const link = (params: Record<string, number | null>) => {
    const query = Object.entries({ before: view.before, from: view.compare?.from ?? null, to: view.compare?.to ?? null, ...params })
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    return query ? `${base}?${query}` : base;
  };
  const body = html`<nav class="breadcrumbs" aria-label="Back to"><a href="/app/diagrams/${diagram.id}">${diagram.name}</a> / <span>History</span></nav>
${pageHeader(`History of ${diagram.name}`, 'Every change of its BPMN, newest first', html`<a class="btn" href="/app/diagrams/${diagram.id}">Back to the diagram</a>`)}
${flash(view.notice)}${flash(view.error, 'error')}
${view.restore !== null ? restoreConfirmation(signedIn, diagram, view.restore, link({ restore: null })) : ''}
${view.compare ? compareSection(diagram, view.compare) : html`<p class="hint">Only one version so far: a change to the BPMN (modeler save, import over it, restore) adds the next.</p>`}
<section class="card" aria-labelledby="versions-title"><h2 id="versions-title">Versions</h2>
<form method="get" action="${base}">
  ${view.before !== null ? html`<input type="hidden" name="before" value="${String(view.before)}">` : ''}
  <div class="table-scroll"><table class="table versions-table">
    <caption class="sr-only">Versions of ${diagram.name}, newest first. Pick one as From and one as To, then Compare.</caption>
    <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Version</th><th scope="col">Source</th><th scope="col">Author</th><th scope="col">Time</th><th scope="col">Contents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
    <tbody>${view.versions.map((version) => versionRow(diagram, version, view, link))}</tbody>
  </table></div>
  <div class="form-actions versions-actions">
    <button class="btn btn-primary" type="submit">Compare selected</button>
    <nav class="pager" aria-label="Pages of versions">${view.before !== null ? html`<a class="btn btn-ghost" href="${link({ before: null })}">Newest</a>` : ''}${view.older !== null ? html`<a class="btn btn-ghost" href="${link({ before: view.older })}">Older versions</a>` : ''}</nav>
  </div>
</form>
</section>`;
  return appPage({ title: `History of ${diagram.name}`, workspace: signedIn.workspace, csrf: signedIn.csrf, active: 'diagrams' }, body);
}

function versionRow(diagram: Diagram, version: DiagramVersion, view: HistoryView, link: (params: Record<string, number | null>) => string): Html {
  const n = version.version;
  const isCurrent = n === view.current;
  const { stats } = version;
  const counts: [number, string][] = [[stats.tasks, 'task'], [stats.events, 'event'], [stats.gateways, 'gateway'], [stats.flows, 'flow'], [stats.pools, 'pool'], [stats.lanes, 'lane']];
  const contents = counts.filter(([count]) => count > 0).map(([count, noun]) => `${count} ${noun}${count === 1 ? '' : 's'}`).join(', ') || 'empty';
  return html`<tr${isCurrent ? html` class="current"` : ''}>
  <td><input type="radio" name="from" value="${String(n)}" aria-label="Compare from version ${String(n)}"${view.compare?.from === n ? html` checked` : ''}></td>
  <td><input type="radio" name="to" value="${String(n)}" aria-label="Compare to version ${String(n)}"${view.compare?.to === n ? html` checked` : ''}></td>
  <td class="strong"><a href="/app/diagrams/${diagram.id}/versions/${String(n)}/image.svg" title="Open the image of version ${String(n)}">v${String(n)}</a>${isCurrent ? html` <span class="badge">current</span>` : ''}</td>
  <td><span class="source source-${version.source}">${version.source}</span></td>
  <td>${view.authors.get(version.created_by) ?? ''}</td>
  <td>${formatDate(new Date(version.created_at))}</td>
  <td class="contents">${contents}</td>
  <td>${isCurrent ? '' : html`<a class="btn btn-small" href="${link({ restore: n })}#restore-title">Restore…</a>`}</td>
</tr>`;
}

function restoreConfirmation(signedIn: SignedIn, diagram: Diagram, version: number, cancel: string): Html {
  return html`<section class="card danger-card restore-confirm" aria-labelledby="restore-title"><h2 id="restore-title">Restore version ${String(version)}?</h2>
  <p>Its content becomes the diagram's as version ${String(diagram.version + 1)}. The current content stays in the history, so this can be undone by restoring it.</p>
  <form method="post" action="/app/diagrams/${diagram.id}/versions/${String(version)}/restore">
    ${csrfField(signedIn.csrf)}<input type="hidden" name="expected_version" value="${String(diagram.version)}">
    <div class="form-actions"><button class="btn btn-primary" type="submit">Restore version ${String(version)}</button> <a class="btn btn-ghost" href="${cancel}">Cancel</a></div>
  </form>
</section>`;
}

function compareSection(diagram: Diagram, compare: CompareView): Html {
  const { from, to, diff } = compare;
  const versionImage = (theme: string) => `/app/diagrams/${diagram.id}/versions/${String(from)}/image.svg?theme=${theme}`;
  const compareImage = (theme: string) => `/app/diagrams/${diagram.id}/compare/image.svg?from=${String(from)}&to=${String(to)}&theme=${theme}`;
  return html`<section class="card compare" aria-labelledby="compare-title"><h2 id="compare-title">Version ${String(from)} compared with version ${String(to)}</h2>
  ${compare.error ? flash(compare.error, 'error') : html`<div class="compare-grid">
    <figure><figcaption>Version ${String(from)}</figcaption>${themedImage(versionImage, `Version ${from} of ${diagram.name}`)}</figure>
    <figure><figcaption>Version ${String(to)}, changes since version ${String(from)} marked</figcaption>${themedImage(compareImage, `Version ${to} of ${diagram.name} with the changes since version ${from} marked`)}</figure>
  </div>
  <ul class="compare-legend" aria-label="Legend"><li><span class="mark mark-added"></span>Added</li><li><span class="mark mark-changed"></span>Changed</li><li><span class="mark mark-removed"></span>Removed (drawn faded where it was)</li></ul>
  ${diff ? changeList(diff) : ''}`}
</section>`;
}

/** The image in the dashboard's theme: both are in the page, CSS shows one, and a hidden lazy image is never fetched. */
function themedImage(src: (theme: string) => string, alt: string): Html {
  return html`<div class="viewer light theme-light-only"><img src="${src('light')}" alt="${alt}" loading="lazy"></div><div class="viewer dark theme-dark-only"><img src="${src('dark')}" alt="${alt}" loading="lazy"></div>`;
}

function changeList(diff: DiagramCompare): Html {
  const total = diff.added.length + diff.removed.length + diff.changed.length + diff.layout_changed.length;
  if (total === 0) return html`<p class="changes-none">No differences: the two versions have the same elements and layout.</p>`;
  const group = (title: string, kind: string, entries: DiffEntry[], detail: (entry: DiffEntry) => Html | string = () => '') =>
    entries.length ? html`<div class="change-group change-${kind}"><h3>${title} (${String(entries.length)})</h3><ul>${entries.map((entry) => html`<li>${label(entry)}${detail(entry)}</li>`)}</ul></div>` : '';
  return html`<div class="changes">
  ${group('Added', 'added', diff.added)}
  ${group('Removed', 'removed', diff.removed)}
  ${group('Changed', 'changed', diff.changed, (entry) => attributeList(entry as ChangedEntry))}
  ${group('Moved or resized', 'layout', diff.layout_changed)}
</div>`;
}

function label(entry: DiffEntry): Html {
  return html`<strong>${entry.name ?? entry.id}</strong> <span class="hint">${entry.type.replace(/^bpmn:/, '')} · <code>${entry.id}</code></span>`;
}

function attributeList(entry: ChangedEntry): Html {
  return html`<ul class="attributes">${Object.entries(entry.attributes).map(([name, [before, after]]) => html`<li>${name}: <del>${shown(before)}</del> → <ins>${shown(after)}</ins></li>`)}</ul>`;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
