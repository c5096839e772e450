import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { conversationsPerOffer } from '../../domain/metrics.js';
import { OfferRateSection } from './offer-rate-section.js';

function text(figures: ReturnType<typeof conversationsPerOffer>): string {
  return renderToStaticMarkup(createElement(OfferRateSection, { figures }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('OfferRateSection', () => {
  it('says plainly that no offer is credited to a conversation instead of showing 0', () => {
    const shown = text(conversationsPerOffer(0, 0, 1));
    expect(shown).toContain('No offer is credited to a conversation yet');
    expect(shown).not.toMatch(/\b0(\.0)?\s+yours/);
    expect(shown).toContain('1 offer you recorded is left out');
    expect(shown).toContain('about 12');
  });

  it('shows the user’s figure with the counts behind it and the cited reference figures', () => {
    const shown = text(conversationsPerOffer(9, 2));
    expect(shown).toContain('4.5 yours: 9 conversations held for 2 offers they led to');
    expect(shown).not.toContain('left out');
    expect(shown).toMatch(/Jobvite/);
    expect(shown).toMatch(/Granovetter/);
    expect(shown).toMatch(/Burks/);
  });
});
