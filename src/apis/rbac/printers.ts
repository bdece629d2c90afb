/**
 * Server-side printers of rbac.authorization.k8s.io. Bindings print their role and, wide, their
 * subjects by kind (printRoleBinding upstream); roles and clusterroles have no printer upstream
 * and keep the default NAME/CREATED AT table.
 */
import { age, col, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

/** rbac.SubjectsStrings: users, groups and namespace/name service accounts, each ", "-joined. */
export function subjectColumns(subjects: Loose): [string, string, string] {
  const users: string[] = [], groups: string[] = [], sas: string[] = [];
  for (const s of Array.isArray(subjects) ? subjects : []) {
    if (s?.kind === 'User') users.push(s.name);
    else if (s?.kind === 'Group') groups.push(s.name);
    else if (s?.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingPrinter(what: string): Printer {
  return {
    columns: [
      nameColumn,
      col('Role', 'string', 'The role granted, as kind/name.'),
      ageColumn,
      col('Users', 'string', `Users the ${what} grants the role to.`, 1),
      col('Groups', 'string', `Groups the ${what} grants the role to.`, 1),
      col('ServiceAccounts', 'string', `Service accounts the ${what} grants the role to, as namespace/name.`, 1),
    ],
    cells(b: Loose, now) {
      return [b.metadata.name ?? '', `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, age(b, now), ...subjectColumns(b.subjects)];
    },
  };
}

export const rbacPrinters: Record<string, Printer> = {
  rolebindings: bindingPrinter('role binding'),
  clusterrolebindings: bindingPrinter('cluster role binding'),
};
