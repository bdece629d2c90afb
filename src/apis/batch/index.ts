/**
 * batch/v1 (pkg/registry/batch/{job,cronjob}): status reset on create and kept on update, with
 * metadata.generation. A Job without spec.manualSelector gets the selector upstream generates
 * from its uid (generateSelector); CronJob names are limited to 52 characters, so the
 * `-<timestamp>` suffix of the Jobs it creates still fits a 63-character label.
 */
import type { KubeObject } from '../meta/types.js';
import type { ResourceDef, Strategy } from '../../registry/rest.js';
import { composeStrategies, defineResource, fieldSelectors, fieldString, section, statusReset, statusSubresource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { copyTemplateLabels, defaultCronJob, defaultJob } from './defaults.js';
import {
  controllerUidLabel, jobNameLabel, legacyControllerUidLabel, legacyJobNameLabel, validateJob, validateJobStatus, validateJobUpdate,
} from './validation.js';
import { validateCronJob } from './validation-cronjob.js';

const batchV1 = { group: 'batch', versions: ['v1'] };
const all = ['all'];

const jobNameLabels = [legacyJobNameLabel, jobNameLabel];
const controllerUidLabels = [legacyControllerUidLabel, controllerUidLabel];

/**
 * generateSelector: label the pod template with the job's name and uid (labels the user set are
 * kept; a conflict fails validation upstream) and select on batch.kubernetes.io/controller-uid.
 * The Store has assigned the final name and uid before prepareForCreate runs.
 */
function generateSelector(job: KubeObject): void {
  const spec = section(job, 'spec');
  if (spec.manualSelector === true) return;
  const template = (spec.template ??= {}) as { metadata?: { labels?: Record<string, string> } };
  const tmeta = (template.metadata ??= {});
  const labels = (tmeta.labels ??= {});
  for (const k of jobNameLabels) if (!(k in labels)) labels[k] = job.metadata.name ?? '';
  for (const k of controllerUidLabels) if (!(k in labels)) labels[k] = job.metadata.uid ?? '';
  const selector = (spec.selector ??= {}) as { matchLabels?: Record<string, string> };
  const matchLabels = (selector.matchLabels ??= {});
  if (!(controllerUidLabel in matchLabels)) matchLabels[controllerUidLabel] = job.metadata.uid ?? '';
}

const jobStrategy: Strategy = composeStrategies(
  statusReset(),
  typedStrategy({ defaults: defaultJob, validate: validateJob, validateUpdate: validateJobUpdate }),
  { validate: validateJobStatus },
  {
    // Defaults ran first (manualSelector is false by then); the generated labels then reach the
    // Job's own labels as upstream's read-back defaulting would put them there.
    prepareForCreate(job) {
      generateSelector(job);
      copyTemplateLabels(job);
    },
  },
  fieldSelectors({ 'status.successful': (j) => fieldString(j, 'status.succeeded', '0') }),
);

export const batchResources: ResourceDef[] = [
  defineResource(batchV1, 'cronjobs', 'CronJob', true, {
    shortNames: ['cj'],
    categories: all,
    subresources: [statusSubresource('CronJob')],
    generation: true,
    strategy: composeStrategies(statusReset(), typedStrategy({ defaults: defaultCronJob, validate: validateCronJob })),
  }),
  defineResource(batchV1, 'jobs', 'Job', true, {
    categories: all,
    subresources: [statusSubresource('Job')],
    generation: true,
    strategy: jobStrategy,
  }),
];
