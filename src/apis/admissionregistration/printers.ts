/** Webhook configuration Tables (printMutatingWebhook, printValidatingWebhook upstream). */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, type Loose, type Printer } from '../meta/printing.js';

const webhooks = nameAgePrinter({
  columns: [col('Webhooks', 'integer', 'How many webhooks the configuration registers.')],
  cells: (c: Loose) => [Array.isArray(c.webhooks) ? c.webhooks.length : 0],
});

export const admissionregistrationPrinters: Record<string, Printer> = {
  mutatingwebhookconfigurations: webhooks,
  validatingwebhookconfigurations: webhooks,
};
