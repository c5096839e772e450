import type { Dashboard } from '../network-api.js';

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The user's conversations held per offer, beside the often-quoted reference and its caveat. */
export function OfferRateSection({ figures }: { figures: Dashboard['conversationsPerOffer'] }) {
  return (
    <section className="card results-card" aria-labelledby="per-offer-heading">
      <h2 id="per-offer-heading">Conversations per offer</h2>
      <div className="offer-figures">
        <p className="stat">
          <span className="stat-value">{figures.mine === null ? '—' : round(figures.mine)}</span>
          <span className="stat-label">
            {figures.mine === null
              ? 'yours — no offer recorded yet'
              : 'yours: conversations held for each offer'}
          </span>
        </p>
        <p className="stat stat-reference">
          <span className="stat-value">about {figures.reference}</span>
          <span className="stat-label">the figure career advice often quotes</span>
        </p>
      </div>
      <p className="caveat">
        <strong>Caveat:</strong> {figures.caveat}
      </p>
    </section>
  );
}
