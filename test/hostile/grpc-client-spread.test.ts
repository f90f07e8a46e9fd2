// Without a mesh, a Kubernetes Service picks a color pod per TCP connection: face's gRPC client
// must keep more than one connection so its calls spread over the pods, not pin to one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { askFaces, brokenOf, type GrpcFaceStack, startGrpcFaceStack } from './grpc-client-proxy.js';

const BLUE = '#66CCEE';
const GREEN = '#228833';

describe("face's gRPC client and two color pods behind one address", () => {
  let stack: GrpcFaceStack;
  before(async () => {
    stack = await startGrpcFaceStack([{ COLOR: 'blue' }, { COLOR: 'green' }]);
  });
  after(async () => stack?.stop());

  it('sends calls to both color processes, each a fair share', async () => {
    const answers = await askFaces(stack.face.url, 400, 8);
    assert.deepEqual(brokenOf(answers), []);
    const blues = answers.filter((a) => a.color === BLUE).length;
    const greens = answers.filter((a) => a.color === GREEN).length;
    assert.equal(blues + greens, answers.length);
    // Round-robin over connections split evenly over the two: each serves at least a quarter.
    assert.ok(Math.min(blues, greens) >= answers.length / 4, `blue ${blues}, green ${greens} of ${answers.length}`);
  });
});
