/**
 * @module protobuf: decode Kubernetes protobuf request bodies into JSON-shaped objects.
 * kubets answers in JSON; clients that send protobuf (kubectl create, client-go) accept that.
 */
export { decodeKubernetesProtobuf } from './envelope.js';

/** The Content-Type of a Kubernetes protobuf body. */
export const protobufContentType = 'application/vnd.kubernetes.protobuf';
