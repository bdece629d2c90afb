/** The --authorization-mode values kube-apiserver accepts (and kubets implements). */
export const authorizationModes = ['AlwaysAllow', 'AlwaysDeny', 'ABAC', 'RBAC', 'Node'] as const;
