/**
 * A certificate's serial has one spelling at the hub: Node writes a serial whose first byte is
 * below 0x10 with a leading 0 ("0DD01C…"), the CRL and `districtctl … revoke` without. Seen in
 * a CI run: a revoked box whose random serial began 0D kept its live session, because the open
 * connections were kept under Node's spelling and looked up under the other.
 */
import { describe, expect, it } from 'vitest';
import { normalSerial } from '../../src/security/crl.js';
import { identityOf } from '../../src/security/identity.js';

describe('identityOf', () => {
  it('spells the serial as the revocation list does: upper case, no leading zeros', () => {
    const id = identityOf({
      subject: { CN: 'xa-r' } as never,
      subjectaltname: 'URI:loa:station:xa-r',
      serialNumber: '0dd01c50474243ed84e0e9edb32c0463',
    });
    expect(id.station).toBe('xa-r');
    expect(id.serial).toBe('DD01C50474243ED84E0E9EDB32C0463');
    expect(id.serial).toBe(normalSerial('0DD01C50474243ED84E0E9EDB32C0463'));
    expect(identityOf({ subject: { CN: 'x' } as never, subjectaltname: '', serialNumber: '00' }).serial).toBe(
      '0',
    );
  });
});
