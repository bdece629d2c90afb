/**
 * The root-ca-cert-publisher: every active namespace has a `kube-root-ca.crt` ConfigMap holding
 * the cluster CA, so pods can verify the API server; edits and deletions are put back.
 */
import type { KubeObject } from '../apis/meta/types.js';
import type { Logger } from '../endpoints/status.js';
import type { ApiClient } from './api-client.js';
import { BaseController, logged } from './controller.js';
import { runInformer } from './informer.js';

const configMapName = 'kube-root-ca.crt';
const description = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export class RootCaPublisher extends BaseController {
  readonly name = 'root-ca-certificate-publisher-controller';

  constructor(client: ApiClient, log: Logger, private readonly caPem: string) {
    super(client, log);
  }

  private desired(ns: string): KubeObject {
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: configMapName, namespace: ns, annotations: { 'kubernetes.io/description': description } }, data: { 'ca.crt': this.caPem } };
  }

  private sync(ns: string) {
    return logged(this.log, 'publish root CA', async () => {
      const path = `/api/v1/namespaces/${ns}/configmaps`;
      const current = await this.client.request<KubeObject>('GET', `${path}/${configMapName}`, undefined, this.abort.signal).catch(() => null);
      if (!current) return this.createIgnoringExists(path, this.desired(ns));
      if ((current.data as Record<string, string> | undefined)?.['ca.crt'] === this.caPem) return;
      const next = this.desired(ns);
      next.metadata.resourceVersion = current.metadata.resourceVersion;
      await this.client.request('PUT', `${path}/${configMapName}`, next, this.abort.signal);
    });
  }

  protected run() {
    const active = (ns: KubeObject) => !ns.metadata.deletionTimestamp && (ns.status as { phase?: string } | undefined)?.phase !== 'Terminating';
    return Promise.all([
      runInformer({ client: this.client, path: '/api/v1/namespaces', signal: this.abort.signal, log: this.log,
        onEvent: (e) => (e.type !== 'DELETED' && active(e.object) ? this.sync(e.object.metadata.name!) : undefined) }),
      runInformer({ client: this.client, path: `/api/v1/configmaps?fieldSelector=metadata.name%3D${configMapName}`, signal: this.abort.signal, log: this.log,
        onEvent: (e) => (e.type === 'DELETED' || e.type === 'MODIFIED' ? this.sync(e.object.metadata.namespace!) : undefined) }),
    ]);
  }
}
