/** A typed list: commas or semicolons, half- or full-width (an IME types ，), or 、, blanks dropped. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,，;；、]/)
    .map((s) => s.trim())
    .filter(Boolean);
