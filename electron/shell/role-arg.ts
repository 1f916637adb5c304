import { ROLES, type Role } from '../../shared/api/define';

// Kept apart from args.ts because the sandboxed preload imports it: a sandboxed preload can
// require no Node built-ins (not even node:path), so this file must import none.
const ROLE_FLAG = '--pingyi-role=';

/**
 * The argument main passes to a window's renderer (webPreferences.additionalArguments) so the
 * preload knows its role without asking the page, which must never choose its own role.
 */
export function roleArgument(role: Role): string {
  return `${ROLE_FLAG}${role}`;
}

export function roleFromArgv(argv: readonly string[]): Role | undefined {
  const hits = argv.filter((a) => a.startsWith(ROLE_FLAG)).map((a) => a.slice(ROLE_FLAG.length));
  // Exactly one valid role, or none: an ambiguous command line grants nothing.
  if (hits.length !== 1) return undefined;
  return (ROLES as readonly string[]).includes(hits[0]!) ? (hits[0] as Role) : undefined;
}
