import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderPool } from '../../../src/bpmn/render-pool.ts';
import { LayoutError } from '../../../src/bpmn/layout/layout.ts';
import { BpmnParseError } from '../../../src/bpmn/parse.ts';
import { RenderOptionsError } from '../../../src/bpmn/render/png.ts';
import { DiagramNotFoundError } from '../../../src/bpmn/render/svg.ts';

const ZOO = new URL('./fixtures/element-zoo.bpmn', import.meta.url);
const pool = createRenderPool({ threads: 2 });
afterAll(() => pool.close());

describe('createRenderPool', () => {
  it('prepares an import in a worker: lays out a DI-less document and counts it', async () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <process id="p" name="Orders"><startEvent id="s"/><task id="t" name="Check order"/><endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/></process></definitions>`;
    const prepared = await pool.prepareImport(xml);
    expect(prepared.name).toBe('Orders');
    expect(prepared.stats).toMatchObject({ tasks: 1, events: 2, flows: 2 });
    expect(prepared.xml).toMatch(/<bpmndi:BPMNShape [^>]*bpmnElement="t"/);
  });

  it('rejects a bad or too large import with the typed error, across the thread boundary', async () => {
    await expect(pool.prepareImport('<!DOCTYPE x><x/>')).rejects.toBeInstanceOf(BpmnParseError);
    const tasks = Array.from({ length: 1600 }, (_, i) => `<task id="t${i}"/>`).join('');
    const flows = Array.from({ length: 1599 }, (_, i) => `<sequenceFlow id="f${i}" sourceRef="t${i}" targetRef="t${i + 1}"/>`).join('');
    const big = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><process id="p">${tasks}${flows}</process></definitions>`;
    await expect(pool.prepareImport(big)).rejects.toBeInstanceOf(LayoutError);
  });

  it('parses and renders SVG, then rasterises it, in worker threads', async () => {
    const xml = readFileSync(ZOO, 'utf8');
    const svg = await pool.renderSvg(xml, { theme: 'dark' });
    expect(svg.startsWith('<svg')).toBe(true);
    const png = await pool.renderPng(svg, { scale: 2 });
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number) as number[];
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([width! * 2, height! * 2]);
  });

  it('keeps the event loop free while workers rasterise', async () => {
    const svg = await pool.renderSvg(readFileSync(ZOO, 'utf8'), { theme: 'light' });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = Date.now();
    const images = await Promise.all([1, 2, 3, 4].map(() => pool.renderPng(svg, { scale: 2 })));
    clearInterval(timer);
    expect(images).toHaveLength(4);
    // The main thread kept ticking during the renders (it would be starved if rendering ran here).
    expect(ticks).toBeGreaterThan((Date.now() - started) / 20);
  });

  it('rejects with the same typed errors as the direct calls', async () => {
    await expect(pool.renderPng('<svg xmlns="http://www.w3.org/2000/svg"/>', { scale: 7 })).rejects.toThrow(RenderOptionsError);
    const huge = '<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"/>';
    await expect(pool.renderPng(huge, { scale: 1 })).rejects.toThrow(RenderOptionsError);
    await expect(pool.renderSvg('<not-bpmn', { theme: 'light' })).rejects.toThrow(BpmnParseError);
    const xml = readFileSync(ZOO, 'utf8');
    await expect(pool.renderSvg(xml, { theme: 'light', diagramId: 'nope' })).rejects.toThrow(DiagramNotFoundError);
  });
});
