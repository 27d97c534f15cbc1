/**
 * The roles, least privileged first: each may do everything the ones before it may (docs/security.md). The same
 * ladder as the service-kit's `Roles.LADDER`; the APIs enforce it, the console only hides what a role may not do.
 */
export const LADDER = ['viewer', 'planner', 'drill-operator', 'recovery-operator', 'approver', 'admin'] as const;

export type Role = (typeof LADDER)[number];

/** The highest rung a set of groups or scopes reaches, or -1 for none. */
export function rank(roles: readonly string[]): number {
  return Math.max(-1, ...roles.map((r) => LADDER.indexOf(r as Role)));
}

/** Whether someone with `roles` may do what `needed` may. */
export function allows(roles: readonly string[], needed: Role): boolean {
  return rank(roles) >= LADDER.indexOf(needed);
}

/** Roles a token grants: its groups (people) and its `drs/<role>` scopes (machine clients). */
export function rolesOf(claims: Record<string, unknown>): Role[] {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  const names = [
    ...groups.map(String),
    ...scopes.filter((s) => s.startsWith('drs/')).map((s) => s.substring('drs/'.length)),
  ];
  return LADDER.filter((r) => names.includes(r));
}

/** Decodes a JWT's payload without verifying it: for display and for hiding what a role may not do. */
export function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) {
    return {};
  }
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  try {
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
