import { Anchor, Button, Menu, NavLink, type AnchorProps, type ButtonProps, type MenuItemProps, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

/** Mantine components as typed router links: `to` and `params` are checked against the routes. */

type A = AnchorHTMLAttributes<HTMLAnchorElement>;

export const AnchorLink = createLink(
  forwardRef<HTMLAnchorElement, AnchorProps & A>(function AnchorLink(props, ref) {
    return <Anchor ref={ref} {...props} />;
  }),
);

export const ButtonLink = createLink(
  forwardRef<HTMLAnchorElement, ButtonProps & A>(function ButtonLink(props, ref) {
    return <Button ref={ref} component="a" {...props} />;
  }),
);

export const NavLinkLink = createLink(
  forwardRef<HTMLAnchorElement, NavLinkProps & A>(function NavLinkLink(props, ref) {
    return <NavLink ref={ref} component="a" {...props} />;
  }),
);

export const MenuItemLink = createLink(
  forwardRef<HTMLAnchorElement, MenuItemProps & A>(function MenuItemLink(props, ref) {
    return <Menu.Item ref={ref} component="a" {...props} />;
  }),
);
