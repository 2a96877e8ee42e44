/**
 * The first position in [0, length) whose value is at least `target`, for values that do not decrease with
 * the position; `length` when there is none. O(log length).
 */
export function lowerBound(length: number, valueAt: (position: number) => number, target: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (valueAt(mid) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
