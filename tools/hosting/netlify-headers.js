// The headers Netlify sends for each path, read from a _headers file with Netlify's own parser
// (@netlify/headers-parser): every rule whose path matches, a later rule's header replacing an earlier one's, as
// the Netlify CLI's dev server applies them.
//   node netlify-headers.js SITE/_headers < paths.json   (a JSON list of request paths, e.g. "/en/feed.xml")
// prints {"errors": [...], "headers": {path: {name: value}}}.
import { readFileSync } from "node:fs";
import { parseAllHeaders } from "@netlify/headers-parser";

const [file] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(0, "utf8"));
const { headers, errors } = await parseAllHeaders({ headersFiles: [file], minimal: false });
const found = {};
for (const path of paths) {
  found[path] = Object.assign({}, ...headers.filter((rule) => rule.forRegExp.test(path)).map((rule) => rule.values));
}
process.stdout.write(JSON.stringify({ errors: errors.map((error) => String(error.message || error)), headers: found }));
