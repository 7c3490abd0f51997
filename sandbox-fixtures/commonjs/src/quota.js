'use strict';

const { clamp, humanSize } = require('./units');

/** Share of `limit` used, as a whole percentage from 0 to 100. */
function usedPercent(used, limit) {
  return clamp(Math.round((used / limit) * 100), 0, 100);
}

/** One line about a storage quota. */
function quotaLine(used, limit) {
  const percent = usedPercent(used, limit);
  const warning = percent >= 90 ? ' (almost full)' : '';
  return `${humanSize(used)} of ${humanSize(limit)}${warning}`;
}

module.exports = { usedPercent, quotaLine };
