import type { z } from 'zod';

export const ROLES = ['desk', 'console', 'hall'] as const;
/** Every window has one role; the services decide per role what it may call and receive. */
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { desk: '办公桌', console: '会议现场', hall: '大屏' };

export const ALL_ROLES: readonly Role[] = ROLES;
export const OFFICE: readonly Role[] = ['desk', 'console'];

/** A call: its argument schema, who may make it, and (phantom) its result type. */
export interface CallSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: A;
  readonly roles: readonly Role[];
  readonly summary: string;
  /** Phantom field: never present at run time. */
  readonly __result?: R;
}

export interface EventSpec<P = unknown> {
  readonly roles: readonly Role[];
  readonly summary: string;
  readonly __payload?: P;
}

/** `call<Result>()({ args, roles, summary })` — the result type is given explicitly. */
export function call<R>() {
  return <A extends z.ZodType>(spec: { args: A; roles: readonly Role[]; summary: string }): CallSpec<A, R> => spec;
}

export function event<P>() {
  return (spec: { roles: readonly Role[]; summary: string }): EventSpec<P> => spec;
}
