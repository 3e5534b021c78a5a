import { describe, expect, it } from 'vitest';
import { DalelError } from '../../main/services/errors.ts';
import { atServiceBoundary, gridFromImage, readX3p, serviceError } from '../../main/services/native-input.ts';
import { InputError } from '../../native/input-error.ts';

describe('the native service boundary', () => {
  it('turns native input errors into BAD_INPUT DalelErrors naming the file and the reason', () => {
    const converted = serviceError(new InputError('scan.x3p', 'corrupt', 'main.xml is missing', { entry: 'main.xml' }));
    expect(converted).toBeInstanceOf(DalelError);
    expect((converted as DalelError).toInfo()).toEqual({
      code: 'BAD_INPUT',
      message: 'scan.x3p: main.xml is missing',
      params: { file: 'scan.x3p', reasonCode: 'corrupt', reason: 'main.xml is missing', entry: 'main.xml' },
    });
  });

  it('leaves other errors alone, so that bugs still surface as internal errors', () => {
    const bug = new RangeError('offset is out of bounds');
    expect(serviceError(bug)).toBe(bug);
    expect(() => atServiceBoundary(() => { throw bug; })()).toThrow(bug);
  });

  it('wraps the native readers that services call', () => {
    expect(() => readX3p('bad.x3p', new Uint8Array([1, 2, 3]))).toThrow(DalelError);
    try {
      gridFromImage('notes.txt', new TextEncoder().encode('hello'), { pixelSizeUm: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as DalelError).code).toBe('BAD_INPUT');
      expect((error as DalelError).params).toMatchObject({ file: 'notes.txt', reasonCode: 'format' });
    }
  });
});
