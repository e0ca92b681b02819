// DSSE pre-authentication encoding: the signature covers the exact bytes plus their type, so
// nothing is re-serialized before verifying and a signature cannot be moved to another protocol.
// https://github.com/secure-systems-lab/dsse/blob/master/protocol.md

export function pae(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${body.length} `, 'ascii'),
    body,
  ]);
}
