/** Where `faces all`'s services listen. */
export interface Ports {
  readonly gui: number;
  readonly face: number;
  readonly smiley: number;
  readonly color: number;
}

/**
 * What `faces all` prints once every service listens: the URL to open (its first line, which
 * scripts look for), each service's URL, and the workshop tour's commands with these ports.
 * `faces` is how the person ran it (`npx faces`, `./faces`, `node …/faces.js`).
 */
export function tourText(ports: Ports, faces: string, controlToken: string): string {
  const at = (port: number) => `http://127.0.0.1:${port}`;
  return [
    `Faces is running: open http://localhost:${ports.gui}/ (Ctrl-C stops it)`,
    '',
    `  gui     ${at(ports.gui)}/`,
    `  face    ${at(ports.face)}/center/`,
    `  smiley  ${at(ports.smiley)}/center/`,
    `  color   ${at(ports.color)}/center/  (gRPC on the same port)`,
    '',
    'The tour, from another terminal:',
    `  ${faces} set smiley HeartEyes --target ${at(ports.smiley)}`,
    `  ${faces} set color blue --target ${at(ports.color)}`,
    `  FACES_CONTROL_TOKEN=${controlToken} ${faces} faults --target ${at(ports.face)} --error-fraction 20`,
    `  FACES_CONTROL_TOKEN=${controlToken} ${faces} faults --target ${at(ports.face)} --reset`,
    `  ${faces} load -z 30s -c 4 -q 5 ${at(ports.gui)}/face/center/`,
    '',
  ].join('\n');
}
