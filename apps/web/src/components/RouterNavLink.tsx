import { forwardRef } from 'react';
import { NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

type AnchorNavLinkProps = Omit<NavLinkProps, 'href'> & React.AnchorHTMLAttributes<HTMLAnchorElement>;

const AnchorNavLink = forwardRef<HTMLAnchorElement, AnchorNavLinkProps>((props, ref) => <NavLink component="a" ref={ref} {...props} />);
AnchorNavLink.displayName = 'AnchorNavLink';

const CreatedNavLink = createLink(AnchorNavLink);

/** Mantine's NavLink driven by the router: real hrefs, client-side navigation, active state. */
export const RouterNavLink: LinkComponent<typeof AnchorNavLink> = (props) => (
  <CreatedNavLink preload="intent" activeProps={{ active: true, 'aria-current': 'page' }} {...props} />
);
