/**
 * @peculiar/x509, ready to use: import it from here, never directly. The library's tsyringe
 * container throws at load time unless Reflect metadata is installed first, and ESM evaluates
 * imports in order, so one direct import placed before ours breaks the process. It also needs a
 * WebCrypto provider, which Node has built in.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
