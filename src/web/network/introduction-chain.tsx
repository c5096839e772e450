import { useId } from 'react';
import { Link } from 'react-router';
import type { Chain } from './network-api.js';

/**
 * How a person reached the user, read from the user outwards: "You ← Maya ← Jonas ← Priya" means
 * Maya (whom you know) introduced Jonas, who introduced Priya. Every name links to its person.
 */
export function IntroductionChain({ chain, personId }: { chain: Chain; personId: string }) {
  const labelId = useId();
  const steps = [...chain.chain].reverse();
  if (steps.length <= 1) {
    return (
      <p className="muted">
        Nobody introduced them, as far as Rapport knows: they are a direct contact of yours.
      </p>
    );
  }
  return (
    <div className="intro-chain">
      <span id={labelId} className="intro-chain-label">
        How you reached them
      </span>
      <ol aria-labelledby={labelId} className="intro-chain-steps">
        <li>You</li>
        {steps.map((p) => (
          <li key={p.id}>
            <span aria-hidden="true" className="intro-chain-arrow">
              {' ← '}
            </span>
            <Link to={`/people/${p.id}`} aria-current={p.id === personId ? 'page' : undefined}>
              {p.fullName}
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
