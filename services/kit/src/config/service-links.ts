/**
 * The variables the kubelet adds to every pod for every Service in its namespace (unless the pod
 * sets `enableServiceLinks: false`), for a Service `color-primary` with port 80 named `http`:
 * COLOR_PRIMARY_SERVICE_HOST, COLOR_PRIMARY_SERVICE_PORT, COLOR_PRIMARY_SERVICE_PORT_HTTP,
 * COLOR_PRIMARY_PORT, COLOR_PRIMARY_PORT_80_TCP and its _PROTO, _PORT and _ADDR.
 * The kubelet upper-cases the Service and port names and turns `-` into `_`.
 */
const SERVICE_LINK_SUFFIX =
  /(^|_)(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT|PORT_[0-9]{1,5}_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)$/;
const UPPER_SNAKE = /^[A-Z0-9_]+$/;

/** Whether `name` has the shape of a Kubernetes service-link variable (always upper case). */
export function isServiceLinkVariable(name: string): boolean {
  return UPPER_SNAKE.test(name) && SERVICE_LINK_SUFFIX.test(name);
}
