import { NavLink, Stack } from '@mantine/core';
import { RouterNavLink } from '../../components/RouterNavLink';
import { hasRole, useCurrentMe } from '../../features/org';

/** Only modules that exist are listed; the audit log only for those who may read it. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useCurrentMe();
  const isAdmin = hasRole(me.current?.role, 'admin');
  return (
    <Stack gap={4}>
      {hasRole(me.current?.role, 'leader') ? <RouterNavLink to="/insights" label="Insights" onClick={onNavigate} /> : null}
      <RouterNavLink to="/people" label="People" onClick={onNavigate} />
      <NavLink component="button" label="Roadmap" defaultOpened childrenOffset={12}>
        <RouterNavLink to="/roadmap" activeOptions={{ exact: true }} label="Goals and initiatives" onClick={onNavigate} />
        <RouterNavLink to="/roadmap/health" label="Health check" onClick={onNavigate} />
        <RouterNavLink to="/roadmap/timeline" label="Timeline" onClick={onNavigate} />
        <RouterNavLink to="/roadmap/ladder" label="Now / next board" onClick={onNavigate} />
        <RouterNavLink to="/roadmap/lenses" label="Ansoff, SWOT, champions" onClick={onNavigate} />
      </NavLink>
      <NavLink component="button" label="Requests" defaultOpened childrenOffset={12}>
        <RouterNavLink to="/requests" activeOptions={{ exact: true }} label="Intake and triage" onClick={onNavigate} />
        <RouterNavLink to="/requests/flow" label="Flow" onClick={onNavigate} />
        <RouterNavLink to="/requests/statuses" label="Statuses and moves" onClick={onNavigate} />
        <RouterNavLink to="/requests/forecast" label="Forecasts" onClick={onNavigate} />
        <RouterNavLink to="/requests/deferred-needs" label="Deferred IT needs" onClick={onNavigate} />
      </NavLink>
      <RouterNavLink to="/crossover" label="Cross-over" onClick={onNavigate} />
      <NavLink component="button" label="Events" defaultOpened childrenOffset={12}>
        <RouterNavLink to="/hackweeks" label="Hackweeks" onClick={onNavigate} />
        <RouterNavLink to="/demos" label="Sprint demos" onClick={onNavigate} />
        <RouterNavLink to="/roundtables" label="Round-tables" onClick={onNavigate} />
        {hasRole(me.current?.role, 'leader') ? <RouterNavLink to="/participation" label="Participation and the gap" onClick={onNavigate} /> : null}
      </NavLink>
      <RouterNavLink to="/pulses" label="Alignment Pulse" onClick={onNavigate} />
      <RouterNavLink to="/my-pulses" label="My pulses" onClick={onNavigate} />
      <NavLink component="button" label="Cases" defaultOpened childrenOffset={12}>
        <RouterNavLink to="/cases" activeOptions={{ exact: true }} label="Business cases" onClick={onNavigate} />
        <RouterNavLink to="/cases/register" label="Security register" onClick={onNavigate} />
      </NavLink>
      <RouterNavLink to="/priorities" label="Priorities" onClick={onNavigate} />
      <RouterNavLink to="/value" label="Value" onClick={onNavigate} />
      <RouterNavLink to="/organisation" label="Organisation" onClick={onNavigate} />
      <RouterNavLink to="/integrations" label="Integrations" onClick={onNavigate} />
      {isAdmin ? <RouterNavLink to="/audit" label="Audit log" onClick={onNavigate} /> : null}
    </Stack>
  );
}
