// Metadata of HTML files as Wikimedia's html-metadata (the library behind Wikipedia's citation tool) reads it.
// Usage: node tools/audit/html-metadata.js FILE... ; prints one JSON object, file -> metadata.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadFromString } = require(path.join(__dirname, 'node_modules', 'html-metadata'));

(async () => {
  const out = {};
  for (const file of process.argv.slice(2)) {
    out[file] = await loadFromString(fs.readFileSync(file, 'utf8'));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => { console.error(err); process.exit(1); });
