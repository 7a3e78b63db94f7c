// Converts YAML files to JSON as an editor's YAML language server reads them: YAML 1.2's core
// schema (a date stays a string, `yes` is text, only true/false/True/... are booleans), with the
// npm package `yaml`. A .nan or .inf, which JSON cannot hold, becomes its text.
//
//   node yaml_to_json.js NODE_MODULES LIST
// LIST holds lines `INPUT<TAB>OUTPUT`: OUTPUT gets the JSON or, when the YAML does not parse,
// (or cannot be JSON: an alias inside itself) OUTPUT.error the message.
'use strict';
const fs = require('fs');
const path = require('path');
const [, , nodeModules, list] = process.argv;
const YAML = require(path.join(nodeModules, 'yaml'));

const finite = (key, value) =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;

for (const line of fs.readFileSync(list, 'utf8').split('\n')) {
  if (line === '') continue;
  const [input, output] = line.split('\t');
  let text;
  try {
    const value = YAML.parse(fs.readFileSync(input, 'utf8'), { schema: 'core' });
    text = JSON.stringify(value === undefined ? null : value, finite);  // throws on a cycle
  } catch (e) {
    fs.writeFileSync(`${output}.error`, `${String(e.message).split('\n')[0]}\n`);
    continue;
  }
  fs.writeFileSync(output, text);
}
