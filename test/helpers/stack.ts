import { type RunningService, startFaces } from './processes.js';
import { type Recorder, startRecorder } from './recorder.js';

export interface StackOptions {
  readonly smiley?: Record<string, string>;
  readonly color?: Record<string, string>;
  readonly face?: Record<string, string>;
  readonly gui?: Record<string, string>;
  /** Put a header recorder between face and smiley. */
  readonly recordSmiley?: boolean;
}

export interface Stack {
  readonly smiley: RunningService;
  readonly color: RunningService;
  face: RunningService;
  readonly gui: RunningService;
  readonly smileyRecorder: Recorder | undefined;
  /** The env face was started with, to start it again on the same port. */
  readonly faceEnv: Record<string, string>;
  stop(): Promise<void>;
}

const SEED = { FACES_SEED: '42' };

/** smiley, color, face and gui as real processes on loopback, wired together. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const [smiley, color] = await Promise.all([
    startFaces(['smiley'], { ...SEED, ...options.smiley }),
    startFaces(['color'], { ...SEED, ...options.color }),
  ]);
  const smileyRecorder = options.recordSmiley ? await startRecorder(smiley.url) : undefined;
  const faceEnv = {
    ...SEED,
    SMILEY_SERVICE: smileyRecorder?.address ?? `127.0.0.1:${smiley.port}`,
    COLOR_SERVICE: `127.0.0.1:${color.port}`,
    ...options.face,
  };
  const face = await startFaces(['face'], faceEnv);
  const gui = await startFaces(['gui'], { ...SEED, FACE_SERVICE: `127.0.0.1:${face.port}`, ...options.gui });
  const stack: Stack = {
    smiley,
    color,
    face,
    gui,
    smileyRecorder,
    faceEnv: { ...faceEnv, PORT: String(face.port) },
    async stop() {
      await Promise.all([stack.gui.stop(), stack.face.stop(), smiley.stop(), color.stop()]);
      await smileyRecorder?.close();
    },
  };
  return stack;
}
