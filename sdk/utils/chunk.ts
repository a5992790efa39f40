/** `items` cut, in order, into groups of at most `size` (the last may be shorter). */
export function chunk<item>(items: readonly item[], size: number): item[][] {
  const groups: item[][] = [];
  for (let start = 0; start < items.length; start += size) {
    groups.push(items.slice(start, start + size));
  }
  return groups;
}
