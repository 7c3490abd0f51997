/** Role table of an app, checked by `defineRoles` as the module loads. */
export interface Role {
  name: string;
  permissions: string[];
}

/** Builds the lookup table; a role without permissions is a mistake in the table. */
export function defineRoles(roles: Role[]): Map<string, Set<string>> {
  const table = new Map<string, Set<string>>();
  for (const role of roles) {
    if (role.permissions.length === 0) throw new Error(`role ${role.name} has no permissions`);
    table.set(role.name, new Set(role.permissions));
  }
  return table;
}

export const ROLES = defineRoles([
  { name: 'viewer', permissions: ['read'] },
  { name: 'editor', permissions: ['read', 'write'] },
]);

/** Whether `role` has `permission`; unknown roles have none. */
export function can(role: string, permission: string): boolean {
  return ROLES.get(role)?.has(permission) ?? false;
}
