import type { Dashboard } from '../network/network-api.js';

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function offersText(n: number): string {
  return n === 1 ? '1 offer' : `${n} offers`;
}

/**
 * The user's conversations held per offer, counting only offers a conversation produced, beside
 * the often-quoted reference and its caveat, and the published figures that help read it.
 */
export function OfferRateSection({ figures }: { figures: Dashboard['conversationsPerOffer'] }) {
  return (
    <section className="card results-card" aria-labelledby="per-offer-heading">
      <h2 id="per-offer-heading">Conversations per offer</h2>
      <div className="offer-figures">
        {figures.mine === null ? (
          <p className="stat">
            <span className="stat-label">
              No offer is credited to a conversation yet, so there is no figure of your own to show.
            </span>
          </p>
        ) : (
          <p className="stat">
            <span className="stat-value">{round(figures.mine)}</span>
            <span className="stat-label">
              yours: {figures.held === 1 ? '1 conversation' : `${figures.held} conversations`} held for{' '}
              {offersText(figures.offers)} they led to
            </span>
          </p>
        )}
        <p className="stat stat-reference">
          <span className="stat-value">about {figures.reference}</span>
          <span className="stat-label">the figure career advice often quotes</span>
        </p>
      </div>
      {figures.otherOffers > 0 && (
        <p className="offer-left-out">
          {offersText(figures.otherOffers)} you recorded {figures.otherOffers === 1 ? 'is' : 'are'} left out:
          nothing links {figures.otherOffers === 1 ? 'it' : 'them'} to a conversation or to someone you met.
          If one came from a conversation, add that conversation or person as its source.
        </p>
      )}
      <p className="caveat">
        <strong>Caveat:</strong> {figures.caveat}
      </p>
      <details className="offer-references">
        <summary>What studies say about finding work through people</summary>
        <ul>
          {figures.otherFigures.map((f) => (
            <li key={f.source}>
              {f.figure} <cite>{f.source}</cite>. <span className="muted">{f.caveat}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
