import type { ContentVectors } from './content';

/**
 * Tests only: random unit vectors for a catalog of `items`, `present(item)` deciding which items
 * have one (rows in catalog order of those), values drawn from `rand` around `center`.
 */
export function randomUnitVectors(
  rand: () => number,
  items: number,
  dims: number,
  present: (item: number) => boolean,
  center = 0.3,
): ContentVectors {
  const withVector = Array.from({ length: items }, (_, i) => i).filter(present);
  const matrix = new Float32Array(withVector.length * dims);
  const rowOfItem = new Int32Array(items).fill(-1);
  const itemOfRow = new Int32Array(withVector.length);
  withVector.forEach((item, row) => {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      matrix[row * dims + d] = rand() - center;
      norm += matrix[row * dims + d]! ** 2;
    }
    for (let d = 0; d < dims; d++) matrix[row * dims + d]! /= Math.sqrt(norm);
    rowOfItem[item] = row;
    itemOfRow[row] = item;
  });
  return { dims, matrix, rowOfItem, itemOfRow };
}
