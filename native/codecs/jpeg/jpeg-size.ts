/** The pixel size a JPEG's frame header declares, read before decoding so that an oversized image is refused unread. */

/** Width and height from the first start-of-frame marker, or null when the markers end (or break) before one. */
export function jpegFrameSize(bytes: Uint8Array): { readonly width: number; readonly height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const code = bytes[offset + 1]!;
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry precision, height and width.
    if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
      if (offset + 9 > bytes.length) return null;
      return { height: (bytes[offset + 5]! << 8) | bytes[offset + 6]!, width: (bytes[offset + 7]! << 8) | bytes[offset + 8]! };
    }
    if (code === 0xda || length < 2) return null; // scan data before any frame header, or a broken length
    offset += 2 + length;
  }
  return null;
}
