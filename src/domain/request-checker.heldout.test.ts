import { describe, expect, it } from 'vitest';
import { HELD_OUT_FAIR, HELD_OUT_JOB_ASKS } from './request-checker.heldout.js';
import { checkRequest } from './request-checker.js';

/** Whether the checker calls the sentence a job ask when it sits inside an otherwise good request. */
function flagged(sentence: string): boolean {
  const draft = `Priya suggested I write to you. ${sentence} Would you have 20 minutes for a call?`;
  return checkRequest(draft).findings.some((f) => f.rule === 'job_ask');
}

describe('job-ask check on the held-back set', () => {
  it('has enough examples on both sides to mean something', () => {
    expect(HELD_OUT_JOB_ASKS.length).toBeGreaterThanOrEqual(60);
    expect(HELD_OUT_FAIR.length).toBeGreaterThanOrEqual(60);
  });

  it('catches at least 90% of the job asks', () => {
    const caught = HELD_OUT_JOB_ASKS.filter(flagged).length;
    expect(caught / HELD_OUT_JOB_ASKS.length).toBeGreaterThanOrEqual(0.9);
  });

  it('flags none of the fair questions about careers', () => {
    expect(HELD_OUT_FAIR.filter(flagged)).toEqual([]);
  });
});
