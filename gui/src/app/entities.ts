const HEX_ENTITY = /&#x([0-9a-fA-F]{1,6});/g;

/**
 * Turns `&#x1F603;` forms into their characters and leaves every other character as it is. The
 * result is rendered as text, never as markup, so nothing in a response can become an element.
 */
export function decodeHexEntities(text: string): string {
  return text.replace(HEX_ENTITY, (whole, hex: string) => {
    const code = Number.parseInt(hex, 16);
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    return code > 0 && code <= 0x10ffff && !isSurrogate ? String.fromCodePoint(code) : whole;
  });
}
