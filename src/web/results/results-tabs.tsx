import { NavLink } from 'react-router';

/** Switches between the results dashboard and the list of opportunities. */
export function ResultsTabs() {
  return (
    <nav aria-label="Results" className="results-tabs">
      <NavLink to="/results" end className="results-tab">
        Dashboard
      </NavLink>
      <NavLink to="/results/opportunities" className="results-tab">
        Opportunities
      </NavLink>
    </nav>
  );
}
