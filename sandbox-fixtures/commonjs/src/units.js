'use strict';

/** Size units, built once when the module loads. */
const UNITS = ['B', 'KB'];

/** Keeps `value` within [min, max]. */
function clamp(value, min, max) {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}

/** `bytes` in the largest unit below 1024 of it, rounded to a whole number. */
function humanSize(bytes) {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size = size / 1024;
    unit++;
  }
  return `${Math.round(size)} ${UNITS[unit]}`;
}

module.exports = { clamp, humanSize };
