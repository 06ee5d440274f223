import { describe, expect, it } from 'vitest';
import { read, tasks } from './model-reading.ts';

describe('a time phrase is never the object of a step', () => {
  it.each([
    ['Within five days the claims team reviews the claim.', ['Review claim within 5 days']],
    ['Each Monday the clerk exports the sales report.', ['Export sales report']],
    ['After two weeks, HR closes the personnel file.', ['Close personnel file']],
    ['The credit analyst reports every 2 weeks.', ['Report']],
    ['The bot updates the dependencies every Monday.', ['Update dependencies']],
    ['If the defect is urgent, the landlord calls a plumber the same day.', ['Call plumber']],
    ['The clerk takes two days to check the form.', ['Check form']],
    ['The release team spends a week to test the build.', ['Test build']],
    ['Within five working days a claims handler reviews the claim.', ['Review claim within 5 working days']],
    ['The class teacher books the coach three weeks before.', ['Book coach']],
  ])('%s', (text, labels) => {
    expect(tasks(read(text))).toEqual(labels);
  });

  it('a time after a preposition is no part of the label', () => {
    expect(tasks(read('The teacher grades the exams on Friday.'))).toEqual(['Grade exams']);
    expect(tasks(read('The nurse checks the medication stock every morning.'))).toEqual(['Check medication stock']);
  });

  it('how long something takes is no step', () => {
    expect(tasks(read('The lawyer applies for the visa, which can take weeks. HR books the flight.'))).toEqual(['Apply for visa', 'Book flight']);
  });

  it('a noun before the time word names an event acted on ("an induction week", "a project week")', () => {
    expect(tasks(read('The mentor plans an induction week.'))).toEqual(['Plan induction week']);
    expect(tasks(read('The coordinator schedules a project week.'))).toEqual(['Schedule project week']);
    expect(tasks(read('The clerk checks the claim within five business days.'))).toEqual(['Check claim within 5 business days']);
  });

  it('a date acted on stays the object', () => {
    expect(tasks(read('The manager confirms the last working day.'))).toEqual(['Confirm last working day']);
    expect(tasks(read('HR records the days in the leave balance.'))).toEqual(['Record days']);
  });

  it('an -ing form before a word of time describes it', () => {
    expect(tasks(read('Every 500 operating hours the planner creates a work order.'))).toEqual(['Create work order']);
  });
});
