import { describe, expect, it } from 'vitest';
import { blanksToFill } from './labels.js';

describe('blanks a draft still needs', () => {
  it('names them in words, never as {{field}}', () => {
    expect(blanksToFill(['interestNarrow'])).toBe('Fill in your narrow interest (this company or team).');
    const two = blanksToFill(['referrer', 'interestNarrow', 'referrer']);
    expect(two).toBe('Fill in who referred you and your narrow interest (this company or team).');
    expect(blanksToFill(['mystery'])).toBe('Fill in the marked blanks.');
    expect(two).not.toMatch(/\{\{|\}\}/);
  });
});
