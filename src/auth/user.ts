/** The authenticated identity of a request (user.Info upstream). */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** Who the insecure port acts as: upstream's insecure handler ran as a privileged local user. */
export const insecureUser: UserInfo = { name: 'system:unsecured', groups: ['system:masters', 'system:authenticated'] };
