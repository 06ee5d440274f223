// What the MCP tests share: a small BPMN document and a check that bytes are a real PNG.
import { expect } from 'vitest';

export const HELLO_BPMN =
  '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://example.com">' +
  '<process id="hello"><startEvent id="start"/><task id="greet" name="Say hello"/><endEvent id="end"/>' +
  '<sequenceFlow id="f1" sourceRef="start" targetRef="greet"/><sequenceFlow id="f2" sourceRef="greet" targetRef="end"/>' +
  '</process></definitions>';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Checks the PNG signature and that the first chunk is IHDR; returns the image's size from it. */
export function expectPng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.readUInt32BE(8)).toBe(13);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  expect(size.width).toBeGreaterThan(0);
  expect(size.height).toBeGreaterThan(0);
  return size;
}
