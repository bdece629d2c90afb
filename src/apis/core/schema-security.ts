/**
 * core/v1 schema table for security contexts: the pod-level PodSecurityContext, the
 * per-container SecurityContext, and the SELinux, Windows, seccomp, AppArmor, capability and
 * sysctl settings they share. Facts follow upstream v1.32
 * (staging/src/k8s.io/api/core/v1/types.go).
 */
import type { TypeTable } from '../../schema/format.js';

const req = { required: true } as const;
const atomic = { listType: 'atomic' } as const;
const profileTypes = ['Localhost', 'RuntimeDefault', 'Unconfined'] as const;
const notOnWindows = ' Cannot be set when spec.os.name is windows.';

export const coreSecurityTypes: TypeTable = {
  PodSecurityContext: {
    name: 'io.k8s.api.core.v1.PodSecurityContext',
    description: 'Security settings for a whole pod. Containers inherit them; a container\'s own securityContext wins where both set a field.',
    fields: [
      ['1 seLinuxOptions SELinuxOptions', 'The SELinux context for all containers; the runtime picks a random one when unset.' + notOnWindows],
      ['8 windowsOptions WindowsSecurityContextOptions', 'Windows settings for all containers.'],
      ['2 runAsUser i64*', "The UID containers' entrypoints run as; the image's user when unset." + notOnWindows],
      ['6 runAsGroup i64*', "The GID containers' entrypoints run as; the runtime default when unset." + notOnWindows],
      ['3 runAsNonRoot b*', 'Require containers to run as a non-root user; the kubelet refuses to start one whose user is UID 0.'],
      ['4 supplementalGroups i64[]', 'Extra groups for the first process of each container, besides its primary GID, the fsGroup and the image\'s groups.' + notOnWindows, atomic],
      ['12 supplementalGroupsPolicy *', 'How supplementary groups are computed: Merge (the default) also adds the image\'s /etc/group entries, Strict uses only the listed ones.' + notOnWindows, { enum: ['Merge', 'Strict'] }],
      ['5 fsGroup i64*', 'A group that owns supporting volumes: the kubelet makes their files group-owned and group-writable by it, and adds it to every container.' + notOnWindows],
      ['7 sysctls Sysctl[]', 'Namespaced kernel parameters set for the pod; pods with ones the runtime does not support may fail to start.' + notOnWindows, atomic],
      ['9 fsGroupChangePolicy *', 'When volume ownership is changed to fsGroup: Always (the default) or OnRootMismatch.' + notOnWindows, { enum: ['Always', 'OnRootMismatch'] }],
      ['10 seccompProfile SeccompProfile', 'The seccomp profile for all containers.' + notOnWindows],
      ['11 appArmorProfile AppArmorProfile', 'The AppArmor profile for all containers.' + notOnWindows],
      ['13 seLinuxChangePolicy *', 'How the SELinux label is applied to volumes: MountOption (fast, via a mount option) or Recursive (relabel every file).' + notOnWindows, { enum: ['MountOption', 'Recursive'] }],
    ],
  },
  SecurityContext: {
    name: 'io.k8s.api.core.v1.SecurityContext',
    description: 'Security settings for one container; they override the pod\'s securityContext where both set a field.',
    fields: [
      ['1 capabilities Capabilities', 'Linux capabilities to add to or drop from the runtime default set.' + notOnWindows],
      ['2 privileged b*', 'Run as privileged, equivalent to root on the host. Defaults to false.' + notOnWindows],
      ['3 seLinuxOptions SELinuxOptions', 'The SELinux context of the container.' + notOnWindows],
      ['10 windowsOptions WindowsSecurityContextOptions', 'Windows settings of the container.'],
      ['4 runAsUser i64*', "The UID the entrypoint runs as; the image's user when unset." + notOnWindows],
      ['8 runAsGroup i64*', 'The GID the entrypoint runs as; the runtime default when unset.' + notOnWindows],
      ['5 runAsNonRoot b*', 'Require a non-root user; the kubelet refuses to start the container as UID 0.'],
      ['6 readOnlyRootFilesystem b*', 'Mount the container\'s root filesystem read-only. Defaults to false.' + notOnWindows],
      ['7 allowPrivilegeEscalation b*', 'Whether a process may gain more privileges than its parent (no_new_privs). Always true when privileged or with CAP_SYS_ADMIN.' + notOnWindows],
      ['9 procMount *', 'How /proc is mounted: Default (masked and read-only paths) or Unmasked.' + notOnWindows, { enum: ['Default', 'Unmasked'] }],
      ['11 seccompProfile SeccompProfile', 'The seccomp profile; overrides the pod\'s.' + notOnWindows],
      ['12 appArmorProfile AppArmorProfile', 'The AppArmor profile; overrides the pod\'s.' + notOnWindows],
    ],
  },
  Capabilities: {
    name: 'io.k8s.api.core.v1.Capabilities',
    description: 'Linux capabilities added to and dropped from a running container.',
    fields: [
      ['1 add []', 'Capabilities to add.', atomic],
      ['2 drop []', 'Capabilities to remove.', atomic],
    ],
  },
  SELinuxOptions: {
    name: 'io.k8s.api.core.v1.SELinuxOptions',
    description: 'An SELinux label applied to a container.',
    fields: [
      ['1 user', 'The SELinux user.'],
      ['2 role', 'The SELinux role.'],
      ['3 type', 'The SELinux type.'],
      ['4 level', 'The SELinux level.'],
    ],
  },
  WindowsSecurityContextOptions: {
    name: 'io.k8s.api.core.v1.WindowsSecurityContextOptions',
    description: 'Windows-only security settings of a container.',
    fields: [
      ['1 gmsaCredentialSpecName *', 'The GMSACredentialSpec object whose spec is inlined into gmsaCredentialSpec.'],
      ['2 gmsaCredentialSpec *', 'The GMSA credential spec content, filled in by the GMSA admission webhook.'],
      ['3 runAsUserName *', "The Windows user that runs the entrypoint; the image's user when unset."],
      ['4 hostProcess b*', 'Run as a host process container. All containers of a pod must agree, and it needs hostNetwork.'],
    ],
  },
  Sysctl: {
    name: 'io.k8s.api.core.v1.Sysctl',
    description: 'One kernel parameter to set.',
    fields: [
      ['1 name !', 'The parameter\'s name.', req],
      ['2 value !', 'The value to set.', req],
    ],
  },
  SeccompProfile: {
    name: 'io.k8s.api.core.v1.SeccompProfile',
    description: 'A seccomp profile; only one source may be set.',
    fields: [
      ['1 type !', 'Which profile: Localhost (a file on the node), RuntimeDefault or Unconfined.', { ...req, enum: profileTypes }],
      ['2 localhostProfile *', "The profile file's path relative to the kubelet's seccomp directory; required with Localhost, forbidden otherwise."],
    ],
  },
  AppArmorProfile: {
    name: 'io.k8s.api.core.v1.AppArmorProfile',
    description: 'An AppArmor profile to apply.',
    fields: [
      ['1 type !', 'Which profile: Localhost (loaded on the node), RuntimeDefault or Unconfined.', { ...req, enum: profileTypes }],
      ['2 localhostProfile *', 'The name of a profile loaded on the node; required with Localhost, forbidden otherwise.'],
    ],
  },
};
