/**
 * The serviceaccount controller: every active namespace has a `default` ServiceAccount; one that
 * is deleted comes back (upstream's serviceaccounts-controller).
 */
import type { KubeObject } from '../apis/meta/types.js';
import { BaseController, logged } from './controller.js';
import { runInformer } from './informer.js';

export class ServiceAccountsController extends BaseController {
  readonly name = 'serviceaccount-controller';

  protected run() {
    const ensure = (ns: KubeObject) => logged(this.log, 'ensure default serviceaccount', async () => {
      const name = ns.metadata.name!;
      if (ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
      await this.createIgnoringExists(`/api/v1/namespaces/${name}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
    });
    return Promise.all([
      runInformer({ client: this.client, path: '/api/v1/namespaces', signal: this.abort.signal, log: this.log,
        onEvent: (e) => (e.type === 'DELETED' ? undefined : ensure(e.object)) }),
      runInformer({ client: this.client, path: '/api/v1/serviceaccounts?fieldSelector=metadata.name%3Ddefault', signal: this.abort.signal, log: this.log,
        onEvent: async (e) => {
          if (e.type !== 'DELETED') return;
          const ns = await this.client.request('GET', `/api/v1/namespaces/${e.object.metadata.namespace}`, undefined, this.abort.signal).catch(() => null);
          if (ns) await ensure(ns);
        } }),
    ]);
  }
}
