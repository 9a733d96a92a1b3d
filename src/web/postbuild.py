#!/usr/bin/env python3
"""Trunk post-build step (Trunk.toml): finishes the built site in $TRUNK_STAGING_DIR.

0. The content files (notes chapters, the question files and the content index, which the wasm fetches
   instead of carrying) are written to content/ by `cargo run --example content-files`. The page names
   the index in a preload (`<link id="content-index">`, read by the app before it mounts, which cannot
   happen without it), so the wasm names no content file and a content-only release leaves it unchanged.
   The other files are not preloaded: on a slow line the code gets the whole bandwidth first (the app is
   usable about half a second sooner at the phone profile, measured), and the app fetches the questions as
   it starts.
1. The service worker (sw.js) gets the list of files to keep for offline use and a version derived from
   their names and contents, so every release installs a fresh cache and an unchanged build changes nothing.
1b. The code slimmed (src/web/slim.py): the wasm and its glue share short names instead of hashed ones,
   the wasm loses its custom sections, the scripts their indentation and comment lines; the preloads'
   integrity attributes are recomputed.
2. The styles (minified) and the boot script are inlined into index.html, so the first screen needs the page alone
   (one request fewer on a slow phone connection); their files are removed.
3. index.html gets a Content-Security-Policy that allows only the app's own origin, WebAssembly
   compilation, and the inline script and style blocks it holds (trunk's module loader, the boot script,
   the styles), each by its SHA-256 hash; the code's preloads follow it at the top of the head.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys

root = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
release = os.environ.get("TRUNK_PROFILE", "release") == "release"

source = os.environ.get("TRUNK_SOURCE_DIR", ".")
# A native build: without the wasm build's std-from-source settings (the Debian route in .ci/setup.sh).
native_env = {k: v for k, v in os.environ.items() if k not in ("CARGO_UNSTABLE_BUILD_STD", "RUSTC_BOOTSTRAP")}
subprocess.run(["cargo", "run", "-q", "--example", "content-files", "--", os.path.abspath(root)],
               cwd=source, check=True, env=native_env)

files = []
for base, _, names in os.walk(root):
    for name in names:
        rel = os.path.relpath(os.path.join(base, name), root).replace(os.sep, "/")
        if rel not in ("sw.js", "index.html"):
            files.append(rel)
files.sort()

index_path = os.path.join(root, "index.html")
with open(index_path, encoding="utf-8") as f:
    index = f.read()

# The static first screen and the title name the exam of the exam definition (questions/exam.md, or the
# content root DVA_CONTENT names), like the app does.
content = os.environ.get("DVA_CONTENT", "questions")
exam_md = os.path.join(source, content, "exam.md")
code, name = "DVA-C03", "AWS Certified Developer - Associate"
if os.path.exists(exam_md):
    with open(exam_md, encoding="utf-8") as f:
        for line in f:
            if line.startswith("Code:"):
                code = line.split(":", 1)[1].strip()
            elif line.startswith("Name:"):
                name = line.split(":", 1)[1].strip()
index = index.replace("__EXAM_CODE__", code).replace("__EXAM_NAME__", name)
# The page's comments are for whoever edits index.html; every visitor downloaded them.
index = re.sub(r"\s*<!--.*?-->", "", index, flags=re.S)

# 0. The content index, preloaded beside the code (the app needs both before it can mount).
content_index = [f for f in files if re.fullmatch(r"content/index-[0-9a-f]{16}\.txt", f)]
if len(content_index) != 1:
    sys.exit(f"postbuild: expected one content index in {root}/content, found {content_index}")
index = index.replace(
    "</head>",
    f'  <link rel="preload" id="content-index" href="{content_index[0]}" as="fetch" crossorigin>\n</head>', 1)

if not release:
    # `trunk serve` (the development server, .ci/serve) rebuilds on every change and injects its own
    # live-reload script: no offline cache there (it would serve stale builds) and no CSP (it would block
    # the live reload). boot.js reads the mark and unregisters any worker left from a release build.
    index = index.replace('<html lang="en">', '<html lang="en" data-sw="off">', 1)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(index)
    print("postbuild: development build: no service worker, no CSP")
    sys.exit(0)

# 1b. The code files slimmed (src/web/slim.py): short names shared by the wasm and its glue, no custom
# sections, no indentation or comment lines in the glue; their preloads' integrity follows.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
import slim  # noqa: E402

glue = re.search(r"from '\./([^']+\.js)'", index)
module = re.search(r"module_or_path: '\./([^']+\.wasm)'", index)
if not glue or not module:
    sys.exit("postbuild: index.html does not load the code as trunk writes it (an import and module_or_path)")
paths = [os.path.join(root, glue.group(1)), os.path.join(root, module.group(1))]
with open(paths[0], encoding="utf-8") as f:
    js = f.read()
with open(paths[1], "rb") as f:
    wasm = f.read()
wasm, js = slim.shorten(wasm, js)
js = slim.trim_js(js)
with open(paths[0], "w", encoding="utf-8") as f:
    f.write(js)
with open(paths[1], "wb") as f:
    f.write(wasm)
for name, body in ((glue.group(1), js.encode("utf-8")), (module.group(1), wasm)):
    sri = "sha384-" + base64.b64encode(hashlib.sha384(body).digest()).decode()
    index, n = re.subn(rf'(href="\./{re.escape(name)}"[^>]*integrity=")[^"]*"', rf'\g<1>{sri}"', index)
    if n != 1:
        sys.exit(f"postbuild: expected one preload with integrity for {name}, found {n}")

# 2. Inline the styles and the boot script (trunk gave them hashed names and integrity attributes).
def inline(pattern, make):
    global index
    m = re.search(pattern, index)
    if not m:
        return
    path = os.path.join(root, m.group(1).lstrip("./"))
    with open(path, encoding="utf-8") as f:
        body = f.read()
    index = index[: m.start()] + make(body) + index[m.end():]
    os.remove(path)
    files.remove(os.path.relpath(path, root).replace(os.sep, "/"))

def minify_css(css):
    """Comments dropped, whitespace collapsed, and no space around `{`, `}`, `;` and `,` (never around `:`,
    which separates a descendant's pseudo-class in a selector): about 1 KB brotli less before the first
    screen. The stylesheet's strings (attribute values, a font name, the flag sign) hold none of them."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,])\s*", r"\1", css).strip()

inline(r'<link rel="stylesheet" href="([^"]+\.css)"[^>]*/?>', lambda b: "<style>" + minify_css(b) + "</style>")
inline(r'<script src="(\./boot-[^"]+\.js)"[^>]*></script>', lambda b: "<script>" + slim.trim_js(b) + "</script>")

# 3. The CSP: hash every inline script and style block.
hashes = []
for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", index, flags=re.S):
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    hashes.append(f"'sha256-{digest}'")
styles = []
for body in re.findall(r"<style>(.*?)</style>", index, flags=re.S):
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    styles.append(f"'sha256-{digest}'")
csp = (
    "default-src 'self'; "
    f"script-src 'self' 'wasm-unsafe-eval' {' '.join(hashes)}; "
    f"style-src 'self' {' '.join(styles)}; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
index = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", index)
# The code's preloads (trunk puts them at the end of the head, after the inlined styles) go right after the
# policy, so the browser starts the largest download as soon as the page's first bytes arrive.
preloads = re.findall(r'<link rel="(?:modulepreload|preload)"[^>]*>', index)
for link in preloads:
    index = index.replace(link, "", 1)
head = "".join("\n  " + link for link in preloads)
index = index.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta + head, 1)
with open(index_path, "w", encoding="utf-8") as f:
    f.write(index)

# 1. The service worker's list and version (the page itself is cached as "./").
h = hashlib.sha256()
for rel in files + ["index.html"]:
    with open(os.path.join(root, rel), "rb") as f:
        h.update(rel.encode() + b"\0" + hashlib.sha256(f.read()).digest())
version = h.hexdigest()[:16]
sw_path = os.path.join(root, "sw.js")
with open(sw_path, encoding="utf-8") as f:
    sw = f.read()
listing = json.dumps(["./"] + [f"./{rel}" for rel in files])
sw = slim.trim_js(sw.replace("__VERSION__", version).replace("__FILES__", listing))
with open(sw_path, "w", encoding="utf-8") as f:
    f.write(sw)
print(f"postbuild: {len(files) + 1} files for offline use, version {version}; styles and boot script inlined; CSP with {len(hashes)} script and {len(styles)} style hash(es)")
