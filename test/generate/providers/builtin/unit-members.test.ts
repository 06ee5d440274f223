import { describe, expect, it } from 'vitest';
import { laneOf, lanes, read } from './model-reading.ts';

describe('someone named only as working in a unit that is a lane acts in that lane', () => {
  it('public administration: "the registry officer" after "the registry"', () => {
    const m = read('The registry receives the application. The registry officer checks the application. The registry stamps it.');
    expect(lanes(m)).toEqual(['Registry']);
    expect(laneOf(m, 'Check application')).toBe('Registry');
  });

  it('IT support: "a help desk agent" after "the help desk"', () => {
    const m = read('The help desk logs the call. A help desk agent then calls the user back.');
    expect(lanes(m)).toEqual(['Help desk']);
  });

  it('logistics: the member first, then the unit — one lane under the unit\'s name', () => {
    const m = read('A warehouse worker checks the goods. The warehouse stores them. The warehouse worker ships them.');
    expect(lanes(m)).toEqual(['Warehouse']);
    expect(laneOf(m, 'Ship goods')).toBe('Warehouse');
  });

  it('finance and public administration: a role that says more than membership is someone else', () => {
    expect(lanes(read('Finance checks the invoice. The finance manager approves the invoice.'))).toEqual(['Finance', 'Finance manager']);
    expect(lanes(read('The registry receives the application. The registry manager signs it.'))).toEqual(['Registry', 'Registry manager']);
  });
});
