// Plan changes and other account chores are the operator's, on the server: the commands as they run them.
import { html, type Html } from '../html.ts';

/** `jfi` as the operator runs it: with npx in the server's folder, against the server's database. */
export function operatorCommand(args: string): Html {
  return html`<pre class="code" tabindex="0"><code>npx jfi ${args}</code></pre>
<p class="hint">Run on the server, in its folder, with the server's <code>DATABASE_URL</code> set (without it, <code>jfi</code> opens <code>./data/jfi.sqlite</code>).</p>`;
}
