import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine components rendered as router links: typed `to`/`params`/`search`, real <a href> for new tabs.

type AnchorLinkProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>;
export const AnchorLink = createLink((props: AnchorLinkProps) => <Anchor component="a" {...props} />);

type NavLinkAnchorProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;
export const NavLinkLink = createLink((props: NavLinkAnchorProps) => <NavLink component="a" {...props} />);

type ButtonAnchorProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>;
export const ButtonLink = createLink((props: ButtonAnchorProps) => <Button component="a" {...props} />);
