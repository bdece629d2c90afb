/** Webhook configuration Tables (printMutatingWebhook, printValidatingWebhook upstream). */
import { age, col, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

const webhooks: Printer = {
  columns: [nameColumn, col('Webhooks', 'integer', 'How many webhooks the configuration registers.'), ageColumn],
  cells: (c: Loose, now) => [c.metadata.name ?? '', Array.isArray(c.webhooks) ? c.webhooks.length : 0, age(c, now)],
};

export const admissionregistrationPrinters: Record<string, Printer> = {
  mutatingwebhookconfigurations: webhooks,
  validatingwebhookconfigurations: webhooks,
};
