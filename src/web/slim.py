"""Makes the release's code files smaller without changing what they do (postbuild.py calls it).

Why: on a phone line every kilobyte before "Start exam" works costs about 5 ms (1.6 Mbit/s), and the code
is most of those bytes. Two things in wasm-bindgen's output are pure overhead there:

- The names the wasm and its JS glue share. Every imported function is named like
  `__wbg_addEventListener_3acb0aad4483804c`, each with a 16-digit hash that no compressor can shrink, and
  the name is written twice: in the wasm's import section and as a key of the glue's import object. The
  exports the glue reads (`wasm.__wbindgen_malloc`, closure shims named with a hash) are alike. They are
  renamed here to one or two letters, in both files alike.
- The wasm's custom sections (`producers`, `target_features`, a marker of wasm-split): browsers ignore
  them.
- In the glue and the hand-written scripts, indentation and whole-line `//` comments (only when the file
  holds no template literal or block comment, where such a line could be text).

Anything unexpected (an import kind this reader does not know, a name the glue does not hold exactly once)
stops the build with a message rather than ship a wasm and a glue that no longer match.
"""
import re
import string


def _read_leb(b, i):
    """An unsigned LEB128 number at `i`: (value, index after it)."""
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _leb(n):
    """`n` as unsigned LEB128."""
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _read_name(b, i):
    n, i = _read_leb(b, i)
    return b[i : i + n].decode("utf-8"), i + n


def _name(s):
    raw = s.encode("utf-8")
    return _leb(len(raw)) + raw


def _skip_limits(b, i):
    flags = b[i]
    _, i = _read_leb(b, i + 1)
    if flags & 1:
        _, i = _read_leb(b, i)
    return i


def _skip_import_desc(b, i):
    """The index after one import's descriptor (function, table, memory, global or tag)."""
    kind = b[i]
    i += 1
    if kind == 0:  # a function: its type index
        return _read_leb(b, i)[1]
    if kind == 1:  # a table: reference type, limits
        return _skip_limits(b, i + 1)
    if kind == 2:  # a memory: limits
        return _skip_limits(b, i)
    if kind == 3:  # a global: value type, mutability
        return i + 2
    if kind == 4:  # a tag: attribute, type index
        return _read_leb(b, i + 1)[1]
    raise SystemExit(f"slim: the wasm imports something of kind {kind}, which this reader does not know")


def _short_names(prefix="", taken=()):
    """`a`, `b`, ... `Z`, then `aa`, `ab`, ..., each after `prefix`, never one of `taken`. Without a prefix
    they name properties (any word will do, keywords too); the glue's variables take `$` as the prefix,
    which no keyword starts with (a bare `do` once broke the app)."""
    letters = string.ascii_letters
    for first in [""] + list(letters):
        for last in letters:
            if prefix + first + last not in taken:
                yield prefix + first + last


def _sections(wasm):
    """The wasm's sections as (id, body) pairs, after checking its header."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        raise SystemExit("slim: not a version 1 wasm module")
    i, out = 8, []
    while i < len(wasm):
        sid = wasm[i]
        size, j = _read_leb(wasm, i + 1)
        out.append((sid, wasm[j : j + size]))
        i = j + size
    return out


def _renamed_imports(body, names):
    """The import section with every function's field renamed (module names kept)."""
    count, i = _read_leb(body, 0)
    out = bytearray(_leb(count))
    renames = {}
    for _ in range(count):
        module, i = _read_name(body, i)
        field, i = _read_name(body, i)
        start = i
        i = _skip_import_desc(body, i)
        if body[start] == 0:
            renames[field] = next(names)
            field = renames[field]
        out += _name(module) + _name(field) + body[start:i]
    return bytes(out), renames


def _renamed_exports(body, names, js):
    """The export section with every export the glue reads (`wasm.name`) renamed."""
    count, i = _read_leb(body, 0)
    out = bytearray(_leb(count))
    renames = {}
    for _ in range(count):
        field, i = _read_name(body, i)
        start = i
        i = _read_leb(body, i + 1)[1]
        if re.search(rf"\bwasm\.{re.escape(field)}(?![\w$])", js):
            renames[field] = next(names)
            field = renames[field]
        out += _name(field) + body[start:i]
    return bytes(out), renames


def _replace_once(js, pattern, new, what):
    js, n = re.subn(pattern, new, js)
    if n != 1:
        raise SystemExit(f"slim: the glue's import object has {n} keys {what}, expected one")
    return js


def shorten(wasm, js):
    """The wasm without custom sections and with short shared names, and the glue to match."""
    # Property names (the import object's keys, `wasm.name`): they need not differ from the glue's
    # variables.
    names = _short_names()
    numbers = (str(n) for n in range(1_000_000))
    out = bytearray(wasm[:8])
    imports, exports = {}, {}
    for sid, body in _sections(wasm):
        if sid == 0:
            continue
        if sid == 2:
            body, imports = _renamed_imports(body, numbers)
        elif sid == 7:
            body, exports = _renamed_exports(body, names, js)
        out += bytes([sid]) + _leb(len(body)) + body
    for old, new in imports.items():
        # A key of the import object: `__wbg_foo_<hash>: function(...)`.
        js = _replace_once(js, rf"(?<![\w$]){re.escape(old)}(?=:)", new, old)
    for old, new in exports.items():
        js = re.sub(rf"\bwasm\.{re.escape(old)}(?![\w$])", "wasm." + new, js)
    # The glue's own functions that call those shims carry the same hashed names: top-level functions,
    # renamed with the rest.
    return bytes(out), _short_locals(js)


def _short_locals(js):
    """The glue's own top-level functions and variables (`getDataViewMemory0`, `passStringToWasm0`, ...;
    declared at the line's start, so before `trim_js`) renamed too: about 300 B brotli. Not the names it
    exports (the page's loader imports them), nor a name that also appears as a property (`.name`), an
    object key (`name:`, `{ name }`) or inside a string, where a rename could change meaning."""
    declared = re.findall(r"^(?:function\*?|let|const|var|class)\s+([A-Za-z_$][\w$]*)", js, flags=re.M)
    exported = set(re.findall(r"^export\s+(?:async\s+)?(?:function\*?|let|const|var|class)\s+([\w$]+)", js, flags=re.M))
    for group in re.findall(r"^export\s*\{([^}]*)\}", js, flags=re.M):
        exported.update(n.strip().split(" as ")[0].strip() for n in group.split(","))
    strings = " ".join(re.findall(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`", js))
    # `$`-prefixed, so none meets a name the glue already uses.
    names = _short_names("$", set(re.findall(r"[A-Za-z_$][\w$]*", js)))
    for name in sorted(set(declared) - exported, key=len, reverse=True):
        word = rf"(?<![\w$]){re.escape(name)}(?![\w$])"
        shorthand = rf"[{{,]\s*{re.escape(name)}\s*[,}}]"
        if len(name) <= 3 or re.search(rf"\.{re.escape(name)}(?![\w$])|{word}\s*:|{shorthand}", js) or re.search(word, strings):
            continue
        js = re.sub(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", next(names), js)
    return js


def trim_js(js):
    """Indentation and whole-line `//` comments dropped; the text unchanged when a line could be inside a
    template literal (a line of code with an odd number of backticks opens or closes one) or a block
    comment."""
    lines = [line.strip() for line in js.splitlines()]
    code = [line for line in lines if line and not line.startswith("//")]
    if "/*" in js or any(line.count("`") % 2 for line in code):
        return js
    return "\n".join(code) + "\n"
