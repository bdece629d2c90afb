/**
 * events.k8s.io Events print as core Events do: both are stored as core/v1 Events and the Table is
 * made from the stored object (upstream prints the internal Event for both APIs).
 */
import type { Printer } from '../meta/printing.js';
import { eventPrinter } from '../core/node-event-printers.js';

export const eventsPrinters: Record<string, Printer> = { events: eventPrinter };
