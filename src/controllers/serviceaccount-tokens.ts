/**
 * The tokens controller, for legacy secret-based tokens: a Secret of type
 * kubernetes.io/service-account-token naming a ServiceAccount in its
 * `kubernetes.io/service-account.name` annotation gets `token`, `ca.crt` and `namespace` filled
 * (and the account's uid annotated), as upstream's tokens-controller does.
 */
import type { KeyObject } from 'node:crypto';
import type { KubeObject } from '../apis/meta/types.js';
import { issueLegacySecretToken } from '../auth/authn/service-account-issue.js';
import type { Logger } from '../endpoints/status.js';
import type { ApiClient } from './api-client.js';
import { BaseController, logged } from './controller.js';
import { runInformer } from './informer.js';

const nameAnnotation = 'kubernetes.io/service-account.name';
const uidAnnotation = 'kubernetes.io/service-account.uid';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export class ServiceAccountTokensController extends BaseController {
  readonly name = 'serviceaccount-token-controller';

  constructor(client: ApiClient, log: Logger, private readonly signingKey: KeyObject, private readonly caPem: string) {
    super(client, log);
  }

  private fill(secret: KubeObject) {
    return logged(this.log, 'fill service account token', async () => {
      const ns = secret.metadata.namespace!;
      const saName = secret.metadata.annotations?.[nameAnnotation];
      const data = (secret.data ?? {}) as Record<string, string>;
      if (!saName || secret.metadata.deletionTimestamp || (data.token && data['ca.crt'] && data.namespace)) return;
      const sa = await this.client.request<KubeObject>('GET', `/api/v1/namespaces/${ns}/serviceaccounts/${saName}`, undefined, this.abort.signal);
      const wantUid = secret.metadata.annotations?.[uidAnnotation];
      if (wantUid && wantUid !== sa.metadata.uid) return; // meant for an account that no longer exists
      const token = await issueLegacySecretToken({ privateKey: this.signingKey, namespace: ns, serviceAccount: { name: saName, uid: sa.metadata.uid! }, secretName: secret.metadata.name! });
      const next: KubeObject = {
        ...secret,
        metadata: { ...secret.metadata, annotations: { ...secret.metadata.annotations, [uidAnnotation]: sa.metadata.uid! } },
        data: { ...data, token: b64(token), 'ca.crt': b64(this.caPem), namespace: b64(ns) },
      };
      await this.client.request('PUT', `/api/v1/namespaces/${ns}/secrets/${secret.metadata.name}`, next, this.abort.signal);
    });
  }

  protected run() {
    return runInformer({ client: this.client, path: '/api/v1/secrets?fieldSelector=type%3Dkubernetes.io%2Fservice-account-token',
      signal: this.abort.signal, log: this.log,
      onEvent: (e) => (e.type === 'DELETED' ? undefined : this.fill(e.object)) });
  }
}
