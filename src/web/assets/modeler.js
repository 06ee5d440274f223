// The bpmn-js modeler page: loads the diagram's BPMN, saves edits back as a new version (optimistic concurrency).
/* global document, window, fetch, BpmnJS */
(async () => {
  const host = document.getElementById('modeler');
  const saveButton = document.getElementById('save');
  const status = document.getElementById('save-status');
  if (!host || !saveButton || !status) return;
  let version = Number(host.dataset.version);
  let dirty = false;
  const say = (text, isError = false) => {
    status.textContent = text;
    status.classList.toggle('error', isError);
  };

  const modeler = new BpmnJS({ container: host });
  try {
    const response = await fetch(host.dataset.source, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`the diagram could not be loaded (${response.status})`);
    await modeler.importXML(await response.text());
    // A multi-page document opens on the page asked for (importXML shows the first).
    if (host.dataset.page) await modeler.open(host.dataset.page);
    fitBesidePalette(modeler.get('canvas'), host);
    say(`Version ${version}`);
  } catch (error) {
    say(`Could not open the diagram: ${error.message}`, true);
    return;
  }

  // Another page of the same document: edits made on this one stay in the document and are saved with it.
  const picker = document.getElementById('page-picker');
  picker?.addEventListener('change', async () => {
    try {
      await modeler.open(picker.value);
      modeler.get('canvas').zoom('fit-viewport', 'auto');
      host.dataset.page = picker.value;
    } catch (error) {
      say(`Could not open that page: ${error.message}`, true);
    }
  });

  modeler.on('commandStack.changed', () => {
    dirty = true;
    saveButton.disabled = false;
    say(`Version ${version} · unsaved changes`);
  });

  saveButton.addEventListener('click', async () => {
    saveButton.disabled = true;
    say('Saving…');
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const response = await fetch(host.dataset.save, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _csrf: host.dataset.csrf, version, bpmn_xml: xml }),
      });
      const result = await response.json();
      if (!response.ok) throw new Error(result.error || `save failed (${response.status})`);
      version = result.version;
      host.dataset.version = String(version);
      dirty = false;
      say(`Saved as version ${version}`);
    } catch (error) {
      saveButton.disabled = false;
      say(error.message, true);
    }
  });

  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
})();

/**
 * The whole diagram in view, right of the palette (which floats over the canvas's left edge), never larger than
 * 100 %: bpmn-js's own fit-viewport uses the full width, so the palette covered the start event.
 */
function fitBesidePalette(canvas, host) {
  const MARGIN = 20;
  const palette = host.querySelector('.djs-palette');
  const left = (palette ? palette.getBoundingClientRect().right - host.getBoundingClientRect().left : 0) + MARGIN;
  const { inner, outer } = canvas.viewbox();
  const width = Math.max(outer.width - left - MARGIN, 1);
  const height = Math.max(outer.height - 2 * MARGIN, 1);
  const scale = Math.min(width / inner.width, height / inner.height, 1);
  const offsetX = left + (width - inner.width * scale) / 2;
  const offsetY = MARGIN + (height - inner.height * scale) / 2;
  canvas.viewbox({ x: inner.x - offsetX / scale, y: inner.y - offsetY / scale, width: outer.width / scale, height: outer.height / scale });
}
