/**
 * The tag of a container image reference, as the v1 imagePullPolicy default reads it
 * (parsers.ParseImageName over the docker reference grammar): a reference with neither tag nor
 * digest means "latest". Unparsable references (upper-case repository, stray spaces) have no tag.
 */

// Path components of a repository: lower-case alphanumerics joined by '.', '_', '__' or dashes.
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A registry host: DNS-ish labels (any case) with an optional port, or a bracketed IPv6 address.
const domain = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const tagRe = /^[\w][\w.-]{0,127}$/;
const digestRe = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** 'latest', the explicit tag, '' for a digest-only reference, or null when it does not parse. */
export function imageTag(image: string): string | null {
  if (image === '') return null;
  let name = image;
  let digest = '';
  const at = image.indexOf('@');
  if (at >= 0) {
    name = image.slice(0, at);
    digest = image.slice(at + 1);
    if (!digestRe.test(digest)) return null;
  }
  let tag = '';
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!tagRe.test(tag)) return null;
  }
  const parts = name.split('/');
  // The first part names a registry only when it looks like one (has '.' or ':' or is localhost).
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /^\[/.test(parts[0]))) {
    if (!domain.test(parts.shift()!)) return null;
  }
  if (parts.length === 0 || !parts.every((p) => pathComponent.test(p)) || name.length > 255) return null;
  if (tag === '' && digest === '') return 'latest';
  return tag;
}

/** SetDefaults_Container's rule: Always for `latest` (explicit or implied), else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
