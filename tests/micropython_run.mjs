// Runs a Python file under the MicroPython build the page ships (node_modules), with py/ on its
// path, and prints what it prints: tests/test_micropython_reach.py compares that with CPython.
// Usage: node tests/micropython_run.mjs <script.py> <py folder>
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";

const here = path.dirname(fileURLToPath(import.meta.url));
const { loadMicroPython } = await import(
  path.join(here, "..", "node_modules", "@micropython", "micropython-webassembly-pyscript", "micropython.mjs"));
const [script, folder] = process.argv.slice(2);
let out = "";
const mp = await loadMicroPython({ stdout: (text) => { out += text + "\n"; }, linebuffer: true });
mp.FS.mkdir("/py");
for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".py"))) {
  mp.FS.writeFile("/py/" + name, fs.readFileSync(path.join(folder, name)));
}
mp.runPython("import sys\nsys.path.insert(0, '/py')\n" + fs.readFileSync(script, "utf8"));
process.stdout.write(out);
