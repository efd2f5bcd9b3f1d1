// A long-lived MicroPython (the runtime the page ships) that answers one JSON request per line.
//
// Usage: node runner.mjs FOLDER::PATH...   Each file (the app's .mpy bytecode from dist/py, as
// "core/model.mpy", and the harness's .py support modules) is written into the interpreter's file
// system at /modules/PATH. Each stdin line is handed to harness_calls.call() inside MicroPython, whose
// answer (one line of ASCII JSON) is written to stdout. MicroPython's own print() goes to
// stderr, so nothing it prints can be read as an answer. The first stdout line lists the files
// loaded, and says the interpreter is ready.
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const runtime = join(here, "..", "..", "node_modules", "@micropython", "micropython-webassembly-pyscript",
                     "micropython.mjs");
const { loadMicroPython } = await import(runtime);

// The same options as PyScript's loader (heap and stack size left at their defaults).
const mp = await loadMicroPython({ linebuffer: true, stdout: (line) => process.stderr.write(line + "\n"),
                                   stderr: (line) => process.stderr.write(line + "\n") });
mp.FS.mkdir("/modules");
const loaded = [];
for (const arg of process.argv.slice(2)) {
  const [folder, path] = arg.split("::");
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const dir = "/modules/" + parts.slice(0, i).join("/");
    if (!mp.FS.analyzePath(dir).exists) mp.FS.mkdir(dir);
  }
  mp.FS.writeFile("/modules/" + path, readFileSync(join(folder, path)));
  loaded.push(path);
}
mp.runPython("import sys\nsys.path.insert(0, '/modules')");
const calls = mp.pyimport("harness_calls");
process.stdout.write(JSON.stringify({ loaded }) + "\n");

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  let answer;
  try {
    answer = calls.call(line);
  } catch (error) {
    // harness_calls catches every Python exception; this is the interpreter itself failing.
    answer = JSON.stringify({ crash: String(error && error.stack || error) });
  }
  process.stdout.write(answer + "\n");
}
