/**
 * The clusterrole-aggregation controller: a ClusterRole with an aggregationRule gets the union of
 * the rules of every ClusterRole its selectors match, kept in sync as roles come and go.
 */
import type { KubeObject } from '../apis/meta/types.js';
import { aggregateAll } from '../auth/authz/rbac/aggregation.js';
import { BaseController, logged } from './controller.js';
import { runInformer } from './informer.js';

const path = '/apis/rbac.authorization.k8s.io/v1/clusterroles';

export class ClusterRoleAggregationController extends BaseController {
  readonly name = 'clusterrole-aggregation-controller';
  private readonly roles = new Map<string, KubeObject>();
  private scheduled = false;

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // One pass after a burst of changes (startup lists ~60 roles), not one per event.
    setImmediate(() => {
      this.scheduled = false;
      void logged(this.log, 'aggregate clusterroles', () => this.reconcile());
    });
  }

  private async reconcile() {
    const all = [...this.roles.values()];
    for (const [name, rules] of aggregateAll(all)) {
      const role = this.roles.get(name);
      if (!role || JSON.stringify(role.rules ?? []) === JSON.stringify(rules)) continue;
      await this.client.request('PUT', `${path}/${name}`, { ...role, rules }, this.abort.signal);
    }
  }

  protected run() {
    return runInformer({ client: this.client, path, signal: this.abort.signal, log: this.log,
      onSync: (items) => { this.roles.clear(); for (const r of items) this.roles.set(r.metadata.name!, r); this.schedule(); },
      onEvent: (e) => {
        if (e.type === 'SYNC') return;
        if (e.type === 'DELETED') this.roles.delete(e.object.metadata.name!);
        else this.roles.set(e.object.metadata.name!, e.object);
        this.schedule();
      } });
  }
}
