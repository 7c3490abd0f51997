'use strict';

/** `n` as at least two digits. */
function pad2(n) {
  return n < 10 ? `0${n}` : String(n);
}

module.exports = { pad2 };
